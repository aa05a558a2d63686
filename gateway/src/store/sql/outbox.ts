// The outbox on SQL: the jobs of cases as rows of outbox_jobs, and their claims with a lease. A worker
// claims due jobs by setting lease_owner/lease_until in one statement; on PostgreSQL its subquery locks
// the rows it picks FOR UPDATE SKIP LOCKED, so instances claiming at the same moment pass over each
// other's rows instead of waiting for them or taking them twice (the pattern of pg-boss and
// graphile-worker). A lease that ran out is claimable again: that is how the jobs of an instance that
// died are taken over. An attempt's outcome is written only while its owner still holds the lease
// (assertLeaseHeld, in the outcome's own transaction). SQLite has one writer, so the same statements
// without the locking clause do. A delivery is held back while its step's documents are not rendered.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { CaseRecord, HandoffJob, RenderJob } from '../../domain/case.js';
import { LeaseLostError, type ClaimedJob, type LeaseCheck } from '../types.js';
import type { Engine } from './engine.js';
import type { Database, OutboxJobsTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
type JobRow = Selectable<OutboxJobsTable>;

function deliverRow(caseId: string, j: HandoffJob): JobRow {
  return {
    id: j.id, case_id: caseId, kind: 'deliver', partner: j.partner, step: j.step, idempotency_key: j.idempotencyKey,
    status: j.status, attempts: j.attempts, max_attempts: j.maxAttempts, next_attempt_at: j.nextAttemptAt,
    lease_owner: null, lease_until: null, created_at: j.createdAt,
    delivered_at: j.deliveredAt ?? null, last_error: j.lastError ? JSON.stringify(j.lastError) : null,
  };
}

function renderRow(caseId: string, j: RenderJob): JobRow {
  return {
    id: j.id, case_id: caseId, kind: 'render', partner: null, step: j.step, idempotency_key: `render:${caseId}:${j.step}`,
    status: j.status, attempts: j.attempts, max_attempts: j.maxAttempts, next_attempt_at: j.nextAttemptAt,
    lease_owner: null, lease_until: null, created_at: j.createdAt,
    delivered_at: j.doneAt ?? null, last_error: j.lastError ? JSON.stringify(j.lastError) : null,
  };
}

const lastErrorOf = (r: JobRow) => (r.last_error ? { lastError: JSON.parse(r.last_error) as NonNullable<HandoffJob['lastError']> } : {});

function deliverJobOf(r: JobRow): HandoffJob {
  return {
    id: r.id, partner: r.partner ?? '', step: r.step, idempotencyKey: r.idempotency_key, status: r.status as HandoffJob['status'],
    attempts: r.attempts, maxAttempts: r.max_attempts, nextAttemptAt: r.next_attempt_at, createdAt: r.created_at,
    ...(r.delivered_at ? { deliveredAt: r.delivered_at } : {}), ...lastErrorOf(r),
  };
}

function renderJobOf(r: JobRow): RenderJob {
  return {
    id: r.id, step: r.step, status: r.status as RenderJob['status'], attempts: r.attempts, maxAttempts: r.max_attempts,
    nextAttemptAt: r.next_attempt_at, createdAt: r.created_at, ...(r.delivered_at ? { doneAt: r.delivered_at } : {}), ...lastErrorOf(r),
  };
}

/** the rows of a record's jobs: its deliveries and their render steps */
function rowsOf(record: Pick<CaseRecord, 'id' | 'handoffs' | 'renders'>): JobRow[] {
  return [...record.handoffs.map((j) => deliverRow(record.id, j)), ...(record.renders ?? []).map((j) => renderRow(record.id, j))];
}

/** a case's jobs, oldest first, as the record holds them (`renders` only when it has any) */
export async function jobsOf(q: Db, caseId: string): Promise<Pick<CaseRecord, 'handoffs' | 'renders'>> {
  const rows = await q.selectFrom('outbox_jobs').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
  const renders = rows.filter((r) => r.kind === 'render').map(renderJobOf);
  return { handoffs: rows.filter((r) => r.kind === 'deliver').map(deliverJobOf), ...(renders.length > 0 ? { renders } : {}) };
}

/**
 * Inserts the record's new jobs and updates those that changed. A changed job loses its lease: the
 * attempt that held it no longer counts (assertLeaseHeld), e.g. when a withdrawal cancelled it.
 */
export async function writeJobs(q: Db, before: Pick<CaseRecord, 'id' | 'handoffs' | 'renders'>, after: Pick<CaseRecord, 'id' | 'handoffs' | 'renders'>): Promise<void> {
  const old = new Map(rowsOf(before).map((r) => [r.id, JSON.stringify(r)]));
  for (const row of rowsOf(after)) {
    const was = old.get(row.id);
    if (was === undefined) await q.insertInto('outbox_jobs').values(row).execute();
    else if (was !== JSON.stringify(row)) {
      const { id, case_id: _c, kind: _k, created_at: _t, ...changes } = row;
      await q.updateTable('outbox_jobs').set(changes).where('id', '=', id).execute();
    }
  }
}

/**
 * The outcome of `lease.jobId`'s attempt may be written: its lease is still `lease.owner`'s. Cleared in
 * the caller's transaction, so no other claim can come between; if it is not held (run out and claimed
 * by another, or cleared by a change of the job), LeaseLostError and the transaction writes nothing.
 * On PostgreSQL the UPDATE waits for a claim that holds the row and then sees its result.
 */
export async function assertLeaseHeld(trx: Transaction<Database>, caseId: string, lease: LeaseCheck): Promise<void> {
  const r = await trx.updateTable('outbox_jobs').set({ lease_owner: null, lease_until: null })
    .where('id', '=', lease.jobId).where('case_id', '=', caseId).where('lease_owner', '=', lease.owner)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new LeaseLostError(lease.jobId, lease.owner);
}

/** a delivery waits while its step's render job is pending or dead (rendered documents travel with it) */
function notHeldBack(eb: ExpressionBuilder<Database & { j: OutboxJobsTable }, 'j'>): Expression<SqlBool> {
  return eb.or([
    eb('j.kind', '=', 'render'),
    eb.not(eb.exists(
      eb.selectFrom('outbox_jobs as r').select('r.id')
        .whereRef('r.case_id', '=', 'j.case_id').whereRef('r.step', '=', 'j.step')
        .where('r.kind', '=', 'render').where('r.status', 'in', ['pending', 'dead']),
    )),
  ]);
}

export function createOutbox(db: Kysely<Database>, engine: Engine) {
  // SQLite: the file is this process's alone (database.ts locks it), so any lease in it was left by a
  // process that is gone; its jobs are claimable at once instead of after their lease
  const leftLeasesVoided = engine === 'sqlite'
    ? db.updateTable('outbox_jobs').set({ lease_owner: null, lease_until: null }).where('lease_owner', 'is not', null).execute().then(() => undefined)
    : Promise.resolve();
  leftLeasesVoided.catch(() => undefined);

  return {
    async claimDueJobs(owner: string, now: Date, limit: number, leaseMs: number): Promise<ClaimedJob[]> {
      if (limit <= 0) return [];
      await leftLeasesVoided;
      const at = now.toISOString();
      const until = new Date(now.getTime() + leaseMs).toISOString();
      let due = db.selectFrom('outbox_jobs as j').select('j.id')
        .where('j.status', '=', 'pending').where('j.next_attempt_at', '<=', at)
        .where((eb) => eb.or([eb('j.lease_until', 'is', null), eb('j.lease_until', '<=', at)]))
        .where(notHeldBack)
        .orderBy('j.next_attempt_at').orderBy('j.id').limit(limit);
      if (engine === 'postgres') due = due.forUpdate().skipLocked();
      const rows = await db.updateTable('outbox_jobs').set({ lease_owner: owner, lease_until: until }).where('id', 'in', due)
        .returning(['id', 'case_id', 'kind', 'partner', 'step', 'next_attempt_at', 'lease_until']).execute();
      return rows
        .map((r): ClaimedJob => ({
          caseId: r.case_id, jobId: r.id, kind: r.kind === 'render' ? 'render' : 'deliver', partner: r.partner ?? '', step: r.step,
          nextAttemptAt: r.next_attempt_at, leaseUntil: r.lease_until ?? until,
        }))
        .sort((a, b) => (a.nextAttemptAt === b.nextAttemptAt ? (a.jobId < b.jobId ? -1 : 1) : a.nextAttemptAt < b.nextAttemptAt ? -1 : 1));
    },

    async extendLeases(owner: string, jobIds: string[], now: Date, leaseMs: number): Promise<string[]> {
      if (jobIds.length === 0) return [];
      const until = new Date(now.getTime() + leaseMs).toISOString();
      const rows = await db.updateTable('outbox_jobs').set({ lease_until: until })
        .where('lease_owner', '=', owner).where('id', 'in', jobIds).where('status', '=', 'pending')
        .returning('id').execute();
      return rows.map((r) => r.id);
    },

    async nextDueAt(): Promise<Date | undefined> {
      // a job leased to someone is not claimable before the lease ends (a null lease compares as false)
      const r = await db.selectFrom('outbox_jobs as j')
        .select(sql<string | null>`min(case when j.lease_until > j.next_attempt_at then j.lease_until else j.next_attempt_at end)`.as('at'))
        .where('j.status', '=', 'pending').where(notHeldBack)
        .executeTakeFirst();
      return r?.at ? new Date(r.at) : undefined;
    },
  };
}
