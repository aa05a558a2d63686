// The case store on SQL, one set of kysely queries for SQLite and PostgreSQL. A write of a case is one
// transaction: the case row, its new events (numbered and chained into the audit trail there and then:
// one SHA-256 per event) and its outbox jobs, committed together or not at all. On PostgreSQL the case
// row is locked (SELECT … FOR UPDATE) for the read-modify-write, so instances never interleave on one
// case; SQLite has one writer. No lock of our own is needed. The outbox and its leases: outbox.ts.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CaseEvent, CaseRecord, CaseStatus } from '../../domain/case.js';
import { GatewayError } from '../../errors.js';
import { chainEvents, GENESIS, type ChainHead } from '../../audit/hash.js';
import { BlobNotFoundError, type AuditEntry, type CaseQuery, type CaseSummary, type NewBlob, type NewEvent, type Store } from '../types.js';
import type { SqlDatabase } from './database.js';
import { changeOf, type ChangeFeed } from './changeFeed.js';
import { assertLeaseHeld, createOutbox, jobsOf, writeJobs } from './outbox.js';
import type { CasesTable, Database } from './schema.js';

export interface SqlStoreOptions {
  now?: () => Date;
  /** told each case's new chain head once its write is committed (the audit anchors) */
  onChained?(caseId: string, head: ChainHead): void;
  /** where committed changes go (the worker and clerks' screens listen, on every instance) */
  changes?: ChangeFeed;
}

type Db = Kysely<Database> | Transaction<Database>;
type CaseRow = Selectable<CasesTable>;

const SUMMARY_COLUMNS = [
  'id', 'case_no', 'direction', 'status', 'partner', 'partner_ref', 'accept_region', 'handling_region', 'item_code', 'item_name',
  'promised_at', 'created_at', 'updated_at', 'handoff_status', 'event_count',
] as const;

/** the record as stored: its jobs are rows of their own */
function recordText(record: CaseRecord): string {
  const { handoffs: _jobs, renders: _renders, ...rest } = record;
  return JSON.stringify(rest);
}

function caseRow(record: CaseRecord, eventCount: number): CaseRow {
  return {
    id: record.id,
    case_no: record.caseNo,
    direction: record.direction,
    status: record.status,
    partner: record.partner,
    partner_ref: record.partnerRef ?? null,
    accept_region: record.acceptRegion,
    handling_region: record.handlingRegion,
    item_code: record.itemCode,
    item_name: record.itemName,
    promised_at: record.promisedAt ?? null,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    handoff_status: record.handoffs.at(-1)?.status ?? null,
    id_number_hash: record.idNumberHash ?? null,
    inbound_partner: record.inbound ? record.partner : null,
    inbound_key: record.inbound?.idempotencyKey ?? null,
    inbound_case_no: record.inbound?.partnerCaseNo ?? null,
    version: record.version,
    event_count: eventCount,
    record: recordText(record),
  };
}

function summaryOf(r: Pick<CaseRow, (typeof SUMMARY_COLUMNS)[number]>): CaseSummary {
  return {
    id: r.id,
    caseNo: r.case_no,
    direction: r.direction as CaseSummary['direction'],
    status: r.status as CaseStatus,
    partner: r.partner,
    ...(r.partner_ref !== null ? { partnerRef: r.partner_ref } : {}),
    acceptRegion: r.accept_region,
    handlingRegion: r.handling_region,
    itemCode: r.item_code,
    itemName: r.item_name,
    ...(r.promised_at !== null ? { promisedAt: r.promised_at } : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.handoff_status !== null ? { handoffStatus: r.handoff_status as CaseSummary['handoffStatus'] } : {}),
    eventCount: Number(r.event_count),
  };
}

/** a unique index refused the row: another case has this id, 办件编号 or inbound key */
function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function createSqlStore(database: SqlDatabase, opts: SqlStoreOptions = {}): Store {
  const { db, engine } = database;
  const outbox = createOutbox(db, engine);

  async function loadRow(q: Db, id: string, lock: boolean): Promise<CaseRow | undefined> {
    let query = q.selectFrom('cases').selectAll().where('id', '=', id);
    if (lock && engine === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async function recordOf(q: Db, row: CaseRow): Promise<CaseRecord> {
    return { ...(JSON.parse(row.record) as Omit<CaseRecord, 'handoffs' | 'renders'>), ...(await jobsOf(q, row.id)) };
  }

  async function chainHead(q: Db, caseId: string): Promise<ChainHead> {
    const last = await q.selectFrom('case_events').select(['seq', 'hash']).where('case_id', '=', caseId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS };
  }

  /** numbered after the head, chained, inserted; the entries for the caller */
  async function appendEvents(q: Db, caseId: string, head: ChainHead, fresh: NewEvent[]): Promise<AuditEntry[]> {
    // cloned so the caller keeps no reference into what was written
    const events: CaseEvent[] = (JSON.parse(JSON.stringify(fresh)) as NewEvent[]).map((e, i) => ({ ...e, caseId, seq: head.seq + i + 1 }));
    const entries = chainEvents(head, events);
    if (entries.length > 0) {
      await q.insertInto('case_events').values(entries.map((x) => ({
        case_id: caseId, seq: x.seq, at: x.event.at, actor: x.event.actor, type: x.event.type, data: JSON.stringify(x.event.data), prev_hash: x.prev, hash: x.hash,
      }))).execute();
    }
    return entries;
  }

  /** blobs of a case, replaced where the name is taken (a retried write of the same document) */
  async function writeBlobs(q: Db, caseId: string, blobs: NewBlob[]): Promise<void> {
    const at = (opts.now ?? (() => new Date()))().toISOString();
    for (const { name, bytes } of blobs) {
      await q.insertInto('blobs').values({ case_id: caseId, name, bytes, size: bytes.length, created_at: at })
        .onConflict((oc) => oc.columns(['case_id', 'name']).doUpdateSet({ bytes, size: bytes.length, created_at: at })).execute();
    }
  }

  function told(caseId: string, entries: AuditEntry[]): void {
    const last = entries.at(-1);
    if (last && opts.onChained) opts.onChained(caseId, { seq: last.seq, hash: last.hash });
  }

  const eventOf = (r: { case_id: string; seq: number; at: string; actor: string; type: string; data: string }): CaseEvent => ({
    caseId: r.case_id, seq: Number(r.seq), at: r.at, actor: r.actor, type: r.type as CaseEvent['type'], data: JSON.parse(r.data) as Record<string, unknown>,
  });

  async function readEvents(caseId: string): Promise<Array<CaseEvent & { prev: string; hash: string }>> {
    const rows = await db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
    return rows.map((r) => ({ ...eventOf(r), prev: r.prev_hash, hash: r.hash }));
  }

  async function assertKnown(caseId: string): Promise<void> {
    const hit = await db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
    if (!hit) throw new GatewayError('CASE_NOT_FOUND', `办件 ${caseId} 不存在`);
  }

  return {
    async createCase(record, events, blobs = []) {
      const saved = structuredClone(record);
      let entries: AuditEntry[];
      try {
        entries = await db.transaction().execute(async (trx) => {
          await trx.insertInto('cases').values(caseRow(saved, events.length)).execute();
          await writeBlobs(trx, saved.id, blobs);
          await writeJobs(trx, { id: saved.id, handoffs: [] }, saved);
          const added = await appendEvents(trx, saved.id, { seq: 0, hash: GENESIS }, events);
          await opts.changes?.inTransaction(trx, changeOf(saved, saved.handoffs.length > 0));
          return added;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new GatewayError('CONCURRENT_UPDATE', `办件 ${record.id} / 办件编号 ${record.caseNo} 已存在`);
        throw err;
      }
      told(saved.id, entries);
      opts.changes?.committed(changeOf(saved, saved.handoffs.length > 0));
      return { record: saved, events: entries.map((e) => e.event) };
    },

    async getCase(id) {
      const row = await loadRow(db, id, false);
      return row ? recordOf(db, row) : undefined;
    },

    async updateCase(id, mutate, updateOpts = {}) {
      let result: { record: CaseRecord; entries: AuditEntry[]; jobs: boolean };
      try {
        result = await db.transaction().execute(async (trx) => {
          const row = await loadRow(trx, id, true);
          if (!row) throw new GatewayError('CASE_NOT_FOUND', `办件 ${id} 不存在`);
          if (updateOpts.lease) await assertLeaseHeld(trx, id, updateOpts.lease);
          const current = await recordOf(trx, row);
          const draft = structuredClone(current);
          const fresh = await mutate(draft);
          if (draft.id !== id) throw new Error(`updateCase must not change the case id (${id} → ${draft.id})`);
          // set, not incremented, so a mutate that already bumped it does not count twice
          draft.version = current.version + 1;
          const entries = await appendEvents(trx, id, await chainHead(trx, id), fresh);
          const { id: _id, created_at: _c, ...changes } = caseRow(draft, Number(row.event_count) + entries.length);
          await trx.updateTable('cases').set(changes).where('id', '=', id).execute();
          await writeJobs(trx, current, draft);
          if (updateOpts.blobs) await writeBlobs(trx, id, updateOpts.blobs(draft));
          const jobs = JSON.stringify([current.handoffs, current.renders]) !== JSON.stringify([draft.handoffs, draft.renders]);
          await opts.changes?.inTransaction(trx, changeOf(draft, jobs));
          return { record: draft, entries, jobs };
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new GatewayError('CONCURRENT_UPDATE', '办件编号或合作地区幂等键已被其他办件使用');
        throw err;
      }
      told(id, result.entries);
      opts.changes?.committed(changeOf(result.record, result.jobs));
      return { record: result.record, events: result.entries.map((e) => e.event) };
    },

    async findCaseIdByNo(caseNo) {
      return (await db.selectFrom('cases').select('id').where('case_no', '=', caseNo).executeTakeFirst())?.id;
    },

    async findCaseIdByPartnerRef(partner, partnerRef) {
      return (await db.selectFrom('cases').select('id').where('partner', '=', partner).where('partner_ref', '=', partnerRef).executeTakeFirst())?.id;
    },

    async findCaseIdByInboundKey(partner, key) {
      return (await db.selectFrom('cases').select('id').where('inbound_partner', '=', partner).where('inbound_key', '=', key).executeTakeFirst())?.id;
    },

    async findCaseIdByPartnerCaseNo(partner, partnerCaseNo) {
      // newest first: a region that handed the same number over twice (under two keys) means its latest
      const row = await db.selectFrom('cases').select('id').where('inbound_partner', '=', partner).where('inbound_case_no', '=', partnerCaseNo)
        .orderBy('created_at', 'desc').executeTakeFirst();
      return row?.id;
    },

    async listCases(q: CaseQuery) {
      if (q.idNumber !== undefined) throw new Error('listCases: a plain idNumber reached the store; the personal-data layer (sealedStore.ts) hashes it');
      if (q.regions.length === 0) return { items: [], total: 0 };
      // Two disjoint halves, each on an index of its own: the cases the regions received, and those they
      // decide that they did not receive. (One query with accept OR handling region made both engines
      // gather and sort every matching row: 300 ms at 100,000 cases.)
      const filtered = (base: typeof received) => {
        let w = base;
        if (q.status && q.status.length > 0) w = w.where('status', 'in', q.status);
        if (q.direction !== undefined) w = w.where('direction', '=', q.direction);
        if (q.partner !== undefined) w = w.where('partner', '=', q.partner);
        if (q.handoffStatus !== undefined) w = w.where('handoff_status', '=', q.handoffStatus);
        if (q.deadlineBefore !== undefined) w = w.where('promised_at', 'is not', null).where('promised_at', '<=', q.deadlineBefore);
        if (q.caseNo !== undefined) {
          const pattern = `%${q.caseNo.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          w = w.where(sql<boolean>`upper(case_no) like ${pattern} escape '\\'`);
        }
        if (q.idNumberHash !== undefined) w = w.where('id_number_hash', '=', q.idNumberHash);
        return w;
      };
      const received = db.selectFrom('cases').where('accept_region', 'in', q.regions);
      const halves = [filtered(received), filtered(db.selectFrom('cases').where('handling_region', 'in', q.regions).where('accept_region', 'not in', q.regions))];
      const offset = Math.max(0, q.offset);
      const [pages, counts] = await Promise.all([
        Promise.all(halves.map((h) => h.select(SUMMARY_COLUMNS).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(offset + q.limit).execute())),
        Promise.all(halves.map((h) => h.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow())),
      ]);
      const newestFirst = pages.flat().sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1));
      return { items: newestFirst.slice(offset, offset + q.limit).map(summaryOf), total: counts.reduce((n, c) => n + Number(c.n), 0) };
    },

    claimDueJobs: outbox.claimDueJobs,
    extendLeases: outbox.extendLeases,
    nextDueAt: outbox.nextDueAt,

    async casesOfPartner(partner, statuses) {
      if (statuses.length === 0) return [];
      const rows = await db.selectFrom('cases').select(SUMMARY_COLUMNS).where('partner', '=', partner).where('status', 'in', statuses)
        .orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map(summaryOf);
    },

    async events(caseId) {
      await assertKnown(caseId);
      return (await readEvents(caseId)).map(({ prev: _p, hash: _h, ...e }) => e);
    },

    async readAudit(caseId) {
      return (await readEvents(caseId)).map(({ prev, hash, ...event }) => ({ seq: event.seq, prev, hash, event }));
    },

    async putBlob(caseId, name, bytes) {
      await writeBlobs(db, caseId, [{ name, bytes }]);
    },

    async getBlob(caseId, name) {
      const row = await db.selectFrom('blobs').select('bytes').where('case_id', '=', caseId).where('name', '=', name).executeTakeFirst();
      if (!row) throw new BlobNotFoundError(caseId, name);
      return Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes);
    },

    async count() {
      const r = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },

    close: () => database.close(),
  };
}
