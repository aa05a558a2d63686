// The outbox claimed with leases, on both engines. On PostgreSQL the two claimers are two store
// instances (two pools) on one database, as two gateway instances are; on SQLite, whose file belongs to
// one process, they are two owners of one store.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { SqlDatabase, Store } from '../../../gateway/src/store/index.js';
import { LeaseLostError } from '../../../gateway/src/store/types.js';
import type { RenderJob } from '../../../gateway/src/domain/case.js';
import { caseRecord, event, handoffJob, minutesAfterBase } from '../../support/storeCases.js';
import { ENGINES, testStores, type TestStores } from '../../support/storeTargets.js';

const at = (m: number) => new Date(minutesAfterBase(m));
const MINUTE = 60_000;

const renderJob = (id: string, step: string, m: number, overrides: Partial<RenderJob> = {}): RenderJob => ({
  id, step, status: 'pending', attempts: 0, maxAttempts: 3, nextAttemptAt: minutesAfterBase(m), createdAt: minutesAfterBase(m), ...overrides,
});

describe.each(ENGINES)('the outbox on %s', (engine) => {
  let stores: TestStores;
  let a: Store;
  let b: Store;
  let bDatabase: SqlDatabase;
  beforeEach(async () => {
    stores = await testStores(engine, 'outbox');
    const first = await stores.open();
    const second = engine === 'postgres' ? await stores.open() : first;
    [a, b, bDatabase] = [first.store, second.store, second.database];
  });
  afterEach(async () => { await stores.dispose(); });

  const withJobs = async (n: number, dueAt = 0) => {
    for (let i = 1; i <= n; i++) await a.createCase(caseRecord(i, { handoffs: [handoffJob(`j${String(i).padStart(3, '0')}`, minutesAfterBase(dueAt))] }), [event('case.created')]);
  };
  const ids = (jobs: Array<{ jobId: string }>) => jobs.map((j) => j.jobId);

  test('two claimers in parallel never get the same job, and between them get every due one', async () => {
    await withJobs(120);
    const claimAll = async (store: Store, owner: string) => {
      const got: string[] = [];
      for (;;) {
        const batch = await store.claimDueJobs(owner, at(1), 7, 10 * MINUTE);
        if (batch.length === 0) return got;
        expect(batch.every((j) => j.leaseUntil === minutesAfterBase(11) && j.kind === 'deliver')).toBe(true);
        got.push(...ids(batch));
      }
    };
    const [first, second] = await Promise.all([claimAll(a, 'gw-a:1'), claimAll(b, 'gw-b:1')]);
    const all = [...first, ...second];
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(Array.from({ length: 120 }, (_, i) => `j${String(i + 1).padStart(3, '0')}`));
    // each got a share: the claims ran side by side
    if (engine === 'postgres') expect(Math.min(first.length, second.length)).toBeGreaterThan(0);
    expect(await a.claimDueJobs('gw-c:1', at(5), 200, MINUTE)).toEqual([]);
  });

  // SQLite has one connection and one writer: there is no other transaction's lock to pass over
  if (engine === 'postgres') test('a claim passes over rows another transaction holds locked, without waiting for it (SKIP LOCKED)', async () => {
    await withJobs(4);
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => { locked = r; });
    const holder = bDatabase.db.transaction().execute(async (trx) => {
      await trx.selectFrom('outbox_jobs').select('id').where('id', 'in', ['j001', 'j002']).forUpdate().execute();
      locked();
      await held;
    });
    await isLocked;
    const claimed = await Promise.race([
      a.claimDueJobs('gw-a:1', at(1), 10, MINUTE),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the claim waited for the locked rows')), 5000)),
    ]);
    expect(ids(claimed)).toEqual(['j003', 'j004']);
    release();
    await holder;
    expect(ids(await a.claimDueJobs('gw-a:1', at(1), 10, MINUTE))).toEqual(['j001', 'j002']);
  });

  test('a lease that runs out is claimed again by the other owner; one that is extended is not', async () => {
    await withJobs(2);
    expect(ids(await a.claimDueJobs('gw-a:1', at(0), 10, 5 * MINUTE))).toEqual(['j001', 'j002']);
    expect(await b.claimDueJobs('gw-b:1', at(4), 10, 5 * MINUTE)).toEqual([]);
    // the owner keeps j002 going past the first lease: extended at minute 4, now held until minute 9
    expect(await a.extendLeases('gw-a:1', ['j002'], at(4), 5 * MINUTE)).toEqual(['j002']);
    expect(await b.extendLeases('gw-b:1', ['j001'], at(4), 5 * MINUTE)).toEqual([]);
    const taken = await b.claimDueJobs('gw-b:1', at(5), 10, 5 * MINUTE);
    expect(taken.map((j) => [j.jobId, j.leaseUntil])).toEqual([['j001', minutesAfterBase(10)]]);
    // the first owner's lease is gone: it cannot extend it any more
    expect(await a.extendLeases('gw-a:1', ['j001', 'j002'], at(6), 5 * MINUTE)).toEqual(['j002']);
    expect(ids(await b.claimDueJobs('gw-b:1', at(11), 10, 5 * MINUTE))).toEqual(['j001', 'j002']);
  });

  test('an outcome written by an owner whose lease was taken over changes nothing; the new owner’s counts and clears the lease', async () => {
    await withJobs(1);
    await a.claimDueJobs('gw-a:1', at(0), 10, MINUTE);
    await b.claimDueJobs('gw-b:1', at(2), 10, MINUTE);
    const deliver = (by: string) => (store: Store) => store.updateCase('case-00001', (c) => {
      c.handoffs[0]!.status = 'delivered';
      c.handoffs[0]!.attempts += 1;
      c.partnerRef = `REF-${by}`;
      return [event('handoff.delivered', { by })];
    }, { lease: { jobId: 'j001', owner: by } });

    await expect(deliver('gw-a:1')(a)).rejects.toBeInstanceOf(LeaseLostError);
    const untouched = await b.getCase('case-00001');
    expect({ version: untouched?.version, ref: untouched?.partnerRef, job: untouched?.handoffs[0]?.status }).toEqual({ version: 1, ref: undefined, job: 'pending' });
    expect(await b.events('case-00001')).toHaveLength(1);

    await deliver('gw-b:1')(b);
    const done = await a.getCase('case-00001');
    expect({ version: done?.version, ref: done?.partnerRef, job: done?.handoffs[0]?.status, attempts: done?.handoffs[0]?.attempts }).toEqual({ version: 2, ref: 'REF-gw-b:1', job: 'delivered', attempts: 1 });
    // written once: the lease is cleared with it, so the same outcome cannot be written again
    await expect(deliver('gw-b:1')(b)).rejects.toBeInstanceOf(LeaseLostError);
    expect((await a.events('case-00001')).map((e) => e.data.by)).toEqual([undefined, 'gw-b:1']);
  });

  test('a change of the job by anyone else (a withdrawal) ends the lease: the attempt’s outcome is not written', async () => {
    await withJobs(1);
    await a.claimDueJobs('gw-a:1', at(0), 10, MINUTE);
    await b.updateCase('case-00001', (c) => { c.handoffs[0]!.status = 'cancelled'; c.status = 'withdrawn'; return [event('case.withdrawn')]; });
    await expect(a.updateCase('case-00001', (c) => { c.handoffs[0]!.status = 'delivered'; return []; }, { lease: { jobId: 'j001', owner: 'gw-a:1' } }))
      .rejects.toBeInstanceOf(LeaseLostError);
    expect((await b.getCase('case-00001'))?.handoffs[0]?.status).toBe('cancelled');
  });

  test('nextDueAt does not report a job as due while someone holds a live lease on it', async () => {
    await a.createCase(caseRecord(1, { handoffs: [handoffJob('j001', minutesAfterBase(0))] }), [event('case.created')]);
    await a.createCase(caseRecord(2, { handoffs: [handoffJob('j002', minutesAfterBase(10))] }), [event('case.created')]);
    expect((await b.nextDueAt())?.toISOString()).toBe(minutesAfterBase(0));
    await a.claimDueJobs('gw-a:1', at(0), 10, 5 * MINUTE);
    expect((await b.nextDueAt())?.toISOString()).toBe(minutesAfterBase(5));
    await a.extendLeases('gw-a:1', ['j001'], at(4), 20 * MINUTE);
    expect((await b.nextDueAt())?.toISOString()).toBe(minutesAfterBase(10));
    await a.updateCase('case-00001', (c) => { c.handoffs[0]!.status = 'delivered'; return []; }, { lease: { jobId: 'j001', owner: 'gw-a:1' } });
    expect((await b.nextDueAt())?.toISOString()).toBe(minutesAfterBase(10));
    await a.updateCase('case-00002', (c) => { c.handoffs[0]!.status = 'delivered'; return []; });
    expect(await b.nextDueAt()).toBeUndefined();
  });

  test('a delivery is not claimed before its step’s render job is done, nor while that job is dead', async () => {
    await a.createCase(caseRecord(1, { handoffs: [handoffJob('d1', minutesAfterBase(0))], renders: [renderJob('r1', 'submit', 0)] }), [event('case.created')]);
    expect((await a.getCase('case-00001'))?.renders).toEqual([renderJob('r1', 'submit', 0)]);
    const claimed = await a.claimDueJobs('gw-a:1', at(0), 10, MINUTE);
    expect(claimed.map((j) => [j.jobId, j.kind, j.step])).toEqual([['r1', 'render', 'submit']]);
    await a.updateCase('case-00001', (c) => { c.renders![0]!.status = 'dead'; return []; }, { lease: { jobId: 'r1', owner: 'gw-a:1' } });
    expect(await b.claimDueJobs('gw-b:1', at(5), 10, MINUTE)).toEqual([]);
    expect(await b.nextDueAt()).toBeUndefined();
    await a.updateCase('case-00001', (c) => { c.renders![0]!.status = 'done'; c.renders![0]!.doneAt = minutesAfterBase(6); return []; });
    expect((await b.nextDueAt())?.toISOString()).toBe(minutesAfterBase(0));
    expect((await b.claimDueJobs('gw-b:1', at(6), 10, MINUTE)).map((j) => [j.jobId, j.kind, j.partner])).toEqual([['d1', 'deliver', '310104']]);
  });

  test('leases are kept across a restart on PostgreSQL (another instance may be alive); on SQLite, whose file is one process’s, they end with it', async () => {
    await withJobs(1);
    await a.claimDueJobs('gw-a:1', at(0), 10, 30 * MINUTE);
    await stores.closeAll();
    const reopened = (await stores.open()).store;
    expect(ids(await reopened.claimDueJobs('gw-a:2', at(1), 10, MINUTE))).toEqual(engine === 'sqlite' ? ['j001'] : []);
  });
});
