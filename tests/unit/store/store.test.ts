// The case store on both engines: records, events and jobs written in one transaction, read back as
// written; concurrent read-modify-writes lose nothing; lists, lookups and due jobs come from SQL.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Store } from '../../../gateway/src/store/index.js';
import { caseRecord, event, handoffJob, minutesAfterBase } from '../../support/storeCases.js';
import { ENGINES, testStores, type TestStores } from '../../support/storeTargets.js';

describe.each(ENGINES)('the case store on %s', (engine) => {
  let stores: TestStores;
  let store: Store;
  beforeEach(async () => {
    stores = await testStores(engine, 'store');
    store = (await stores.open()).store;
  });
  afterEach(async () => { await stores.dispose(); });

  test('a created case reads back as written, its first events numbered from 1 and stamped with the case id', async () => {
    const record = caseRecord(1, { handoffs: [handoffJob('j1', minutesAfterBase(1))] });
    const created = await store.createCase(record, [event('case.created'), event('case.material_added', { materialId: 'm1' })]);
    expect(created.events.map((e) => [e.caseId, e.seq, e.type])).toEqual([['case-00001', 1, 'case.created'], ['case-00001', 2, 'case.material_added']]);
    expect(await store.getCase(record.id)).toEqual(record);
    expect(await store.events(record.id)).toEqual(created.events);
    expect(await store.findCaseIdByNo(record.caseNo)).toBe(record.id);
    expect(await store.count()).toBe(1);
  });

  test('an update changes the record, continues the event seq, bumps the version, and its jobs are written with it', async () => {
    await store.createCase(caseRecord(1), [event('case.created')]);
    const { record, events } = await store.updateCase('case-00001', (c) => {
      c.status = 'forwarded';
      c.partnerRef = 'XH-2026-0001';
      c.handoffs.push(handoffJob('j1', minutesAfterBase(5)));
      return [event('case.status_changed', { from: 'received', to: 'forwarded' }), event('handoff.delivered')];
    });
    expect(record).toMatchObject({ status: 'forwarded', version: 2 });
    expect(events.map((e) => e.seq)).toEqual([2, 3]);
    expect((await store.getCase('case-00001'))?.handoffs.map((j) => j.id)).toEqual(['j1']);
    expect(await store.findCaseIdByPartnerRef('310104', 'XH-2026-0001')).toBe('case-00001');
    expect((await store.events('case-00001')).map((e) => e.seq)).toEqual([1, 2, 3]);
    await store.updateCase('case-00001', (c) => { c.handoffs[0]!.status = 'delivered'; c.handoffs[0]!.attempts = 1; return []; });
    expect((await store.getCase('case-00001'))?.handoffs[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  test('when mutate throws, nothing is written: no event, no job, no change', async () => {
    await store.createCase(caseRecord(1), [event('case.created')]);
    await expect(store.updateCase('case-00001', (c) => {
      c.status = 'withdrawn';
      c.handoffs.push(handoffJob('j1', minutesAfterBase(1)));
      throw new Error('refused');
    })).rejects.toThrow('refused');
    const after = await store.getCase('case-00001');
    expect({ status: after?.status, version: after?.version, jobs: after?.handoffs.length }).toEqual({ status: 'received', version: 1, jobs: 0 });
    expect(await store.events('case-00001')).toHaveLength(1);
    expect(await store.claimDueJobs('test', new Date(minutesAfterBase(100)), 10, 60_000)).toEqual([]);
  });

  test('50 concurrent read-modify-writes of one case lose no update', async () => {
    await store.createCase(caseRecord(1, { materials: [] }), [event('case.created')]);
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.updateCase('case-00001', (c) => {
      c.materials.push({ id: `m${i}`, code: 'M01', name: 'x', fileName: 'x.pdf', mediaType: 'application/pdf', size: 1, sha256: 'a'.repeat(64), pages: 1, addedAt: minutesAfterBase(i), addedBy: 'x' });
      return [event('case.material_added', { i })];
    })));
    const after = await store.getCase('case-00001');
    expect(after?.materials).toHaveLength(50);
    expect(after?.version).toBe(51);
    expect((await store.events('case-00001')).map((e) => e.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
  });

  test('a second case with the same id, 办件编号 or inbound key is refused, even when both are created at once', async () => {
    const inbound = { partnerCaseNo: 'NX1', idempotencyKey: 'key-1', bodySha256: 'a'.repeat(64), receivedAt: minutesAfterBase(0) };
    const results = await Promise.allSettled([
      store.createCase(caseRecord(1), [event('case.created')]),
      store.createCase(caseRecord(1), [event('case.created')]),
      store.createCase(caseRecord(2, { caseNo: caseRecord(1).caseNo }), [event('case.created')]),
      store.createCase(caseRecord(3, { inbound }), [event('case.created')]),
      store.createCase(caseRecord(4, { inbound }), [event('case.created')]),
    ]);
    // one of the three that share an id or 办件编号 wins, and one of the two that share an inbound key
    expect(results.slice(0, 3).filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.slice(3).filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'CONCURRENT_UPDATE' });
    expect(await store.count()).toBe(2);
    expect(['case-00003', 'case-00004']).toContain(await store.findCaseIdByInboundKey('310104', 'key-1'));
  });

  test('an unknown case is CASE_NOT_FOUND for updates and events, and undefined for getCase', async () => {
    await expect(store.updateCase('nope', () => [])).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    await expect(store.events('nope')).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    expect(await store.getCase('nope')).toBeUndefined();
  });

  test('listCases filters by region, status, partner, handoff status, deadline and 办件编号, newest first, paged', async () => {
    for (let n = 1; n <= 12; n++) {
      await store.createCase(caseRecord(n, {
        acceptRegion: n % 3 === 0 ? '330604' : '330681',
        partner: n % 2 === 0 ? '640000' : '310104',
        handlingRegion: n % 2 === 0 ? '640000' : '310104',
        status: n % 4 === 0 ? 'forwarded' : 'received',
        promisedAt: minutesAfterBase(1000 + n),
        handoffs: n === 5 ? [handoffJob('j5', minutesAfterBase(5), { status: 'dead' })] : [],
      }), [event('case.created')]);
    }
    const q = { regions: ['330681'], offset: 0, limit: 50 };
    const ids = async (extra: object) => (await store.listCases({ ...q, ...extra })).items.map((s) => Number(s.id.slice(5)));
    expect(await ids({})).toEqual([11, 10, 8, 7, 5, 4, 2, 1]);
    expect(await ids({ status: ['forwarded'] })).toEqual([8, 4]);
    expect(await ids({ partner: '640000' })).toEqual([10, 8, 4, 2]);
    expect(await ids({ handoffStatus: 'dead' })).toEqual([5]);
    expect(await ids({ deadlineBefore: minutesAfterBase(1004) })).toEqual([4, 2, 1]);
    expect(await ids({ caseNo: '0000001' })).toEqual([11, 10, 1]);
    expect(await ids({ caseNo: '-00000012' })).toEqual([]);
    expect(await ids({ caseNo: '%' })).toEqual([]);
    expect(await ids({ regions: ['640000'] })).toEqual([12, 10, 8, 6, 4, 2]);
    const page = await store.listCases({ ...q, offset: 2, limit: 3 });
    expect({ total: page.total, ids: page.items.map((s) => s.id) }).toEqual({ total: 8, ids: ['case-00008', 'case-00007', 'case-00005'] });
    expect(page.items[0]).toMatchObject({ caseNo: caseRecord(8).caseNo, status: 'forwarded', partner: '640000', eventCount: 1 });
    expect(JSON.stringify(page.items)).not.toMatch(/330681199003071233|张三/);
    expect((await store.casesOfPartner('640000', ['forwarded'])).map((s) => s.id)).toEqual(['case-00012', 'case-00008', 'case-00004']);
  });

  test('due jobs are claimed oldest first, only those due, at most limit; delivered jobs drop out; they survive a restart', async () => {
    await store.createCase(caseRecord(1, { handoffs: [handoffJob('a', minutesAfterBase(30))] }), [event('case.created')]);
    await store.createCase(caseRecord(2, { handoffs: [handoffJob('b', minutesAfterBase(10))] }), [event('case.created')]);
    await store.createCase(caseRecord(3, { handoffs: [handoffJob('c', minutesAfterBase(20)), handoffJob('d', minutesAfterBase(90))] }), [event('case.created')]);
    expect((await store.nextDueAt())?.toISOString()).toBe(minutesAfterBase(10));
    // a lease of 0 ms has run out by the next claim (leases themselves: outbox.test.ts)
    const due = async (m: number, limit = 10) => (await store.claimDueJobs('test', new Date(minutesAfterBase(m)), limit, 0)).map((j) => j.jobId);
    expect(await due(25)).toEqual(['b', 'c']);
    expect(await due(60, 2)).toEqual(['b', 'c']);
    await store.updateCase('case-00002', (c) => { c.handoffs[0]!.status = 'delivered'; return []; });
    expect(await due(60)).toEqual(['c', 'a']);
    await stores.closeAll();
    store = (await stores.open()).store;
    expect(await due(100)).toEqual(['c', 'a', 'd']);
  });
});
