import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CaseStatus } from '../../../gateway/src/domain/case.js';
import { createLowStore, type LowStore } from '../../../gateway/src/store/lowStore.js';
import { shardOf } from '../../../gateway/src/store/paths.js';
import type { CaseQuery } from '../../../gateway/src/store/types.js';
import { caseRecord, event, handoffJob, minutesAfterBase } from '../../support/storeCases.js';

let dir: string;
const opened: LowStore[] = [];

async function open(logger?: Parameters<typeof createLowStore>[0]['logger']): Promise<LowStore> {
  const store = createLowStore({ dataDir: dir, logger });
  await store.init();
  opened.push(store);
  return store;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-idx-'));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

const ALL = ['330681', '310104', '610700', '640000'];
const STATUSES: CaseStatus[] = ['received', 'forwarded', 'accepted', 'completed'];
const PARTNERS = ['310104', '610700', '640000'];

/** 24 cases of three partners in four states; every third has a pending job, due one hour apart in reverse order */
async function seed(store: LowStore): Promise<void> {
  for (let n = 1; n <= 24; n++) {
    const partner = PARTNERS[n % 3] as string;
    await store.createCase(
      caseRecord(n, {
        partner,
        handlingRegion: partner,
        status: STATUSES[n % 4] as CaseStatus,
        promisedAt: minutesAfterBase(10_000 + n * 60),
        handoffs: n % 3 === 0 ? [handoffJob(`job-${n}`, minutesAfterBase(1000 - n * 60))] : [],
      }),
      [event('case.created')],
    );
  }
  await store.updateCase('case-00006', (c) => {
    c.partnerRef = 'NX-REF-6';
    (c.handoffs[0] as { status: string }).status = 'delivered';
    return [event('handoff.delivered')];
  });
  await store.createCase(
    caseRecord(25, { direction: 'inbound', partner: '640000', acceptRegion: '640000', handlingRegion: '330681', caseNo: 'NX-IN-0025', inbound: { partnerCaseNo: 'NX-25', idempotencyKey: 'nx-key-25', bodySha256: 'ab', receivedAt: minutesAfterBase(25) } }),
    [event('case.received_from_partner')],
  );
}

const everything: CaseQuery = { regions: ALL, offset: 0, limit: 1000 };

function snapshot(store: LowStore) {
  return {
    list: store.listCases(everything),
    due: store.dueJobs(new Date(minutesAfterBase(100_000)), 100),
    next: store.nextDueAt(),
    byNo: store.findCaseIdByNo('330681-20261101-00000007'),
    byRef: store.findCaseIdByPartnerRef('310104', 'NX-REF-6'),
    byKey: store.findCaseIdByInboundKey('640000', 'nx-key-25'),
    ofPartner: store.casesOfPartner('610700', ['received', 'forwarded']),
    count: store.count(),
  };
}

describe('the in-memory indexes', () => {
  test('after a restart on the same directory they are exactly what they were before', async () => {
    const first = await open();
    await seed(first);
    const before = snapshot(first);
    await first.close();

    const second = await open();
    expect(snapshot(second)).toEqual(before);
    expect(before.count).toBe(25);
    expect(before.byRef).toBe('case-00006');
    expect(before.byKey).toBe('case-00025');
    expect(before.ofPartner.length).toBeGreaterThan(0);
  });

  test('listCases filters by region, status, partner, handoff status, deadline and caseNo, newest first, paged', async () => {
    const store = await open();
    await seed(store);
    const ids = (q: Partial<CaseQuery>) => store.listCases({ ...everything, ...q }).items.map((s) => s.id);

    expect(ids({}).slice(0, 3)).toEqual(['case-00025', 'case-00024', 'case-00023']);
    expect(ids({ regions: ['640000'] })).toEqual(['case-00025', 'case-00023', 'case-00020', 'case-00017', 'case-00014', 'case-00011', 'case-00008', 'case-00005', 'case-00002']);
    expect(ids({ regions: ['999999'] })).toEqual([]);
    expect(ids({ status: ['completed'], partner: '610700' })).toEqual(['case-00019', 'case-00007']);
    expect(ids({ handoffStatus: 'delivered' })).toEqual(['case-00006']);
    expect(ids({ handoffStatus: 'pending' })).toEqual(['case-00024', 'case-00021', 'case-00018', 'case-00015', 'case-00012', 'case-00009', 'case-00003']);
    expect(ids({ deadlineBefore: minutesAfterBase(10_000 + 3 * 60) })).toEqual(['case-00003', 'case-00002', 'case-00001']);
    expect(ids({ caseNo: '0000001' })).toEqual(['case-00019', 'case-00018', 'case-00017', 'case-00016', 'case-00015', 'case-00014', 'case-00013', 'case-00012', 'case-00011', 'case-00010', 'case-00001']);
    expect(ids({ caseNo: 'nx-in' })).toEqual(['case-00025']);

    const page = store.listCases({ ...everything, offset: 5, limit: 3 });
    expect(page.total).toBe(25);
    expect(page.items.map((s) => s.id)).toEqual(['case-00020', 'case-00019', 'case-00018']);
  });

  test('due jobs come oldest first, only those due, at most limit; delivered jobs drop out', async () => {
    const store = await open();
    await seed(store);
    // job-n is due at base + 1000 − 60n minutes: the higher n, the earlier
    const at = (m: number) => new Date(minutesAfterBase(m));

    expect(store.dueJobs(at(100_000), 3).map((j) => j.jobId)).toEqual(['job-24', 'job-21', 'job-18']);
    expect(store.dueJobs(at(1000 - 15 * 60), 10).map((j) => j.jobId)).toEqual(['job-24', 'job-21', 'job-18', 'job-15']);
    expect(store.dueJobs(at(1000 - 25 * 60), 10)).toEqual([]);
    expect(store.nextDueAt()?.toISOString()).toBe(minutesAfterBase(1000 - 24 * 60));
    expect(store.dueJobs(at(100_000), 100).map((j) => j.jobId)).not.toContain('job-6');

    await store.updateCase('case-00024', (c) => {
      (c.handoffs[0] as { status: string }).status = 'delivered';
      return [event('handoff.delivered')];
    });
    await store.updateCase('case-00003', (c) => {
      (c.handoffs[0] as { nextAttemptAt: string }).nextAttemptAt = minutesAfterBase(-5000);
      return [event('handoff.failed')];
    });
    expect(store.dueJobs(at(100_000), 2)).toEqual([
      { caseId: 'case-00003', jobId: 'job-3', partner: '310104', nextAttemptAt: minutesAfterBase(-5000) },
      { caseId: 'case-00021', jobId: 'job-21', partner: '310104', nextAttemptAt: minutesAfterBase(1000 - 21 * 60) },
    ]);
    expect(store.nextDueAt()?.toISOString()).toBe(minutesAfterBase(-5000));
  });

  test('a temp file left by an interrupted write is reported and removed, and the case it shadows stays intact', async () => {
    const first = await open();
    await first.createCase(caseRecord(1), [event('case.created')]);
    await first.close();
    const leftover = join(dir, 'cases', shardOf('case-00001'), 'case-00001.json.4242-7.tmp');
    await writeFile(leftover, '{"lsn":9,"record":{"id":"case-000');

    const warnings: string[] = [];
    const log = (msg?: string) => msg && warnings.push(msg);
    const store = await open({ debug: () => {}, info: () => {}, error: () => {}, warn: (_o, msg) => log(msg) });

    expect(store.initReport()?.leftoverTempFiles).toEqual([leftover]);
    expect(warnings.join('\n')).toMatch(/temp files left by interrupted writes/);
    await expect(access(leftover)).rejects.toThrow();
    expect((await store.getCase('case-00001'))?.caseNo).toBe(caseRecord(1).caseNo);
  });

  test('a case document damaged from outside stops the start and names the file, rather than losing the case', async () => {
    const first = await open();
    await first.createCase(caseRecord(1), [event('case.created')]);
    await first.close();
    await writeFile(join(dir, 'cases', shardOf('case-00001'), 'case-00001.json'), '{"lsn":1,"rec');

    const store = createLowStore({ dataDir: dir });
    await expect(store.init()).rejects.toThrow(/case-00001\.json/);
  });
});
