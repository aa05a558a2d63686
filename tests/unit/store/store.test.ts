import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createLowStore, type LowStore } from '../../../gateway/src/store/lowStore.js';
import { shardOf } from '../../../gateway/src/store/paths.js';
import { caseRecord, event } from '../../support/storeCases.js';

let dir: string;
const opened: LowStore[] = [];

async function open(options: { cacheSize?: number } = {}): Promise<LowStore> {
  const store = createLowStore({ dataDir: dir, ...options });
  await store.init();
  opened.push(store);
  return store;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-'));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

const caseFile = (id: string): string => join(dir, 'cases', shardOf(id), `${id}.json`);

describe('the case store', () => {
  test('a created case reads back as written, its first events numbered from 1 and stamped with the case id', async () => {
    const store = await open();
    const record = caseRecord(1);
    const created = await store.createCase(record, [event('case.created'), event('case.material_added', { materialId: 'm1' })]);

    expect(created.events.map((e) => [e.caseId, e.seq, e.type])).toEqual([
      ['case-00001', 1, 'case.created'],
      ['case-00001', 2, 'case.material_added'],
    ]);
    expect(await store.getCase(record.id)).toEqual(record);
    expect(await store.events(record.id)).toEqual(created.events);
    expect(store.findCaseIdByNo(record.caseNo)).toBe(record.id);
    expect(store.count()).toBe(1);
  });

  test('an update changes the record, continues the event seq after the last one and bumps the version', async () => {
    const store = await open();
    await store.createCase(caseRecord(1), [event('case.created')]);

    const { record, events } = await store.updateCase('case-00001', (c) => {
      c.status = 'forwarded';
      c.partnerRef = 'XH-2026-0001';
      return [event('case.status_changed', { from: 'received', to: 'forwarded' }), event('handoff.delivered')];
    });

    expect(record.status).toBe('forwarded');
    expect(record.version).toBe(2);
    expect(events.map((e) => e.seq)).toEqual([2, 3]);
    expect((await store.getCase('case-00001'))?.partnerRef).toBe('XH-2026-0001');
    expect(store.findCaseIdByPartnerRef('310104', 'XH-2026-0001')).toBe('case-00001');
    expect((await store.events('case-00001')).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  test('when mutate throws, nothing is written and the cached case is unchanged', async () => {
    const store = await open();
    await store.createCase(caseRecord(1), [event('case.created')]);
    // documents follow their (durable) log entries in the background: write them out to look at the file
    await store.flushDocuments();
    const before = await readFile(caseFile('case-00001'), 'utf8');

    await expect(
      store.updateCase('case-00001', (c) => {
        c.status = 'completed';
        c.materials.push({ id: 'm9', code: 'M09', name: '半途而废', fileName: 'x.pdf', mediaType: 'application/pdf', size: 1, sha256: 'x', pages: 1, addedAt: c.createdAt, addedBy: 'clerk:x' });
        throw new Error('guard failed');
      }),
    ).rejects.toThrow('guard failed');

    await store.flushDocuments();
    expect(await readFile(caseFile('case-00001'), 'utf8')).toBe(before);
    const after = await store.getCase('case-00001');
    expect(after?.status).toBe('received');
    expect(after?.materials).toEqual([]);
    expect(await store.events('case-00001')).toHaveLength(1);
    expect(store.listCases({ regions: ['330681'], status: ['completed'], offset: 0, limit: 10 }).total).toBe(0);
  });

  test('50 concurrent read-modify-writes of one case lose no update', async () => {
    const store = await open();
    await store.createCase(caseRecord(1, { promisedDays: 0 }), [event('case.created')]);

    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.updateCase('case-00001', async (c) => {
          const seen = c.promisedDays;
          // yield inside the critical section: without the per-case lock the others would read the same value
          await new Promise((r) => setImmediate(r));
          c.promisedDays = seen + 1;
          return [event('case.viewed', { i })];
        }),
      ),
    );

    const record = await store.getCase('case-00001');
    expect(record?.promisedDays).toBe(50);
    expect(record?.version).toBe(51);
    expect((await store.events('case-00001')).map((e) => e.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
  });

  test('a second case with the same id, caseNo or inbound key is refused, even when both are created at once', async () => {
    const store = await open();
    await store.createCase(caseRecord(1), []);

    await expect(store.createCase(caseRecord(1, { caseNo: 'other' }), [])).rejects.toMatchObject({ code: 'CONCURRENT_UPDATE' });
    await expect(store.createCase(caseRecord(2, { caseNo: caseRecord(1).caseNo }), [])).rejects.toMatchObject({ code: 'CONCURRENT_UPDATE' });

    const inbound = { partnerCaseNo: 'NX-1', idempotencyKey: 'k-1', bodySha256: 'ab', receivedAt: caseRecord(3).createdAt };
    const outcomes = await Promise.allSettled([
      store.createCase(caseRecord(3, { direction: 'inbound', partner: '640000', inbound }), []),
      store.createCase(caseRecord(4, { direction: 'inbound', partner: '640000', inbound }), []),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(store.count()).toBe(2);
  });

  test('an unknown case is CASE_NOT_FOUND for updates and events, and undefined for getCase', async () => {
    const store = await open();
    await expect(store.updateCase('nope', () => [])).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    await expect(store.events('nope')).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    expect(await store.getCase('nope')).toBeUndefined();
  });

  test('with a cache of one document, updates of several cases still read and write the right files', async () => {
    const store = await open({ cacheSize: 1 });
    for (const n of [1, 2, 3]) await store.createCase(caseRecord(n), [event('case.created')]);
    for (let round = 0; round < 3; round++) {
      for (const n of [1, 2, 3]) {
        await store.updateCase(caseRecord(n).id, (c) => {
          c.promisedDays += n;
          return [event('case.viewed')];
        });
      }
    }
    await store.flushDocuments();
    expect(JSON.parse(await readFile(caseFile('case-00002'), 'utf8')).record.promisedDays).toBe(5 + 6);
    expect((await store.getCase('case-00003'))?.promisedDays).toBe(5 + 9);
  });
});
