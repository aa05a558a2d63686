// The write-ahead log, seen through the store. A "crash" here is a store that is simply dropped
// without close(): what it leaves on disk is what a SIGKILL leaves (the page cache survives a killed
// process), which crash.test.ts checks with real kills.
import { access, appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createLowStore, type LowStore, type LowStoreOptions } from '../../../gateway/src/store/lowStore.js';
import { shardOf } from '../../../gateway/src/store/paths.js';
import { caseRecord, event } from '../../support/storeCases.js';

let dir: string;
const open: LowStore[] = [];

/** never checkpoints and never writes a document by itself, so only the log has its writes */
const frozen: Partial<LowStoreOptions> = { pauseFlusher: true, checkpointMs: 600_000 };

async function start(options: Partial<LowStoreOptions> = {}): Promise<LowStore> {
  const store = createLowStore({ dataDir: dir, ...options });
  await store.init();
  open.push(store);
  return store;
}

/** drops the store as a crash would: no close, nothing more reaches the disk */
function crash(store: LowStore): void {
  open.splice(open.indexOf(store), 1);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-wal-'));
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

const caseFile = (id: string) => join(dir, 'cases', shardOf(id), `${id}.json`);
const segments = async () => (await readdir(join(dir, 'wal'))).filter((f) => f.endsWith('.log')).sort();
const lastSegment = async () => join(dir, 'wal', (await segments()).at(-1) as string);

/** five cases, each updated twice */
async function writeSome(store: LowStore): Promise<void> {
  for (let n = 1; n <= 5; n++) {
    await store.createCase(caseRecord(n), [event('case.created', { n })]);
    for (let k = 1; k <= 2; k++) {
      await store.updateCase(caseRecord(n).id, (c) => {
        c.promisedDays = 10 * n + k;
        return [event('case.viewed', { k })];
      });
    }
  }
}

async function expectSome(store: LowStore): Promise<void> {
  expect(store.count()).toBe(5);
  for (let n = 1; n <= 5; n++) {
    const id = caseRecord(n).id;
    expect(await store.getCase(id)).toMatchObject({ version: 3, promisedDays: 10 * n + 2 });
    expect((await store.events(id)).map((e) => [e.seq, e.type])).toEqual([[1, 'case.created'], [2, 'case.viewed'], [3, 'case.viewed']]);
  }
}

describe('the write-ahead log', () => {
  test('a write resolves once its batch is synced, and writes issued together share one sync', async () => {
    const store = await start();
    for (let n = 1; n <= 100; n++) await store.createCase(caseRecord(n), [event('case.created')]);
    const before = store.stats();

    const syncsSeen = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        await store.updateCase(caseRecord(i + 1).id, () => [event('case.viewed')]);
        return store.stats().walSyncs;
      }),
    );

    const after = store.stats();
    expect(after.walEntries - before.walEntries).toBe(100);
    expect(after.walSyncs - before.walSyncs).toBeLessThanOrEqual(3);
    // every caller resumed after a sync that came after it wrote
    expect(Math.min(...syncsSeen)).toBeGreaterThan(before.walSyncs);
  });

  test('after a crash, the log is replayed into documents that were never written', async () => {
    const first = await start(frozen);
    await writeSome(first);
    crash(first);
    await expect(access(caseFile('case-00001'))).rejects.toThrow();

    const second = await start();
    expect(second.initReport()).toMatchObject({ replayed: 5, logEntries: 15, tornLogBytes: 0 });
    await expectSome(second);
    // the start wrote them out before letting the log go
    expect(JSON.parse(await readFile(caseFile('case-00003'), 'utf8'))).toMatchObject({ record: { version: 3 } });
    expect(await segments()).toHaveLength(1);
  });

  test('a torn last line is ignored and cut off; everything before it is replayed', async () => {
    const first = await start(frozen);
    await writeSome(first);
    crash(first);
    const torn = '0badc0de {"lsn":99,"id":"case-00001","record":{"id":"case-0';
    await appendFile(await lastSegment(), torn);

    const warnings: string[] = [];
    const second = await start({ logger: { debug() {}, info() {}, error() {}, warn: (_o, msg) => warnings.push(msg ?? '') } });
    expect(second.initReport()).toMatchObject({ replayed: 5, logEntries: 15, tornLogBytes: torn.length });
    expect(warnings.join('\n')).toMatch(/torn end off the write-ahead log/);
    await expectSome(second);
  });

  test('a damaged line with good lines after it stops the start, naming the file and the line', async () => {
    const first = await start(frozen);
    await writeSome(first);
    crash(first);
    const segment = await lastSegment();
    const lines = (await readFile(segment, 'utf8')).split('\n');
    // line 5: the first update of case 2
    expect(lines[4]).toContain('"promisedDays":21');
    lines[4] = (lines[4] as string).replace('"promisedDays":21', '"promisedDays":99');
    await writeFile(segment, lines.join('\n'));

    const second = createLowStore({ dataDir: dir });
    await expect(second.init()).rejects.toThrow(`write-ahead log ${segment} line 5 is damaged (checksum mismatch) and good entries follow it`);
  });

  test('segments rotate as they fill: old ones are dropped once their documents are durable', async () => {
    const first = await start({ ...frozen, segmentBytes: 4096 });
    await writeSome(first);
    // each entry is ~1 KB: a full segment starts a checkpoint (in the background, so write until three have run)
    let updates = 0;
    while (first.stats().checkpoints < 3 && updates < 1000) {
      await first.updateCase(caseRecord(1 + (updates++ % 5)).id, () => [event('case.viewed')]);
      await new Promise((r) => setImmediate(r));
    }
    expect(first.stats().checkpoints).toBeGreaterThanOrEqual(3);
    await first.checkpoint();
    expect(await segments()).toHaveLength(1);
    const checkpoint = JSON.parse(await readFile(join(dir, 'wal', 'checkpoint.json'), 'utf8'));
    expect(checkpoint.segment).toBeGreaterThanOrEqual(4);
    expect((await segments())[0]).toBe(`${String(checkpoint.segment).padStart(8, '0')}.log`);

    const before = await Promise.all([1, 2, 3, 4, 5].map((n) => first.getCase(caseRecord(n).id)));
    // a small write after the checkpoint (a big one could fill the 4 KB segment and start another)
    await first.createCase(caseRecord(6), [event('case.created')]);
    crash(first);
    const second = await start();
    // only what came after the last checkpoint is replayed
    expect(second.initReport()).toMatchObject({ replayed: 1, logEntries: 1, cases: 6 });
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => second.getCase(caseRecord(n).id)))).toEqual(before);
    expect(await second.events('case-00006')).toHaveLength(1);
  });

  test('a document torn while it was overwritten is rebuilt from the full image the log keeps of it', async () => {
    const first = await start({ checkpointMs: 600_000 });
    await writeSome(first);
    // every document durable, the log starts a new segment
    await first.checkpoint();
    await first.updateCase('case-00002', (c) => ((c.status = 'forwarded'), [event('case.status_changed')]));
    await first.flushDocuments();
    crash(first);
    // what a power cut in the middle of the in-place overwrite can leave
    const text = await readFile(caseFile('case-00002'), 'utf8');
    await writeFile(caseFile('case-00002'), text.slice(0, text.length / 2));

    const second = await start();
    expect(second.initReport()).toMatchObject({ replayed: 1, logEntries: 1 });
    expect(await second.getCase('case-00002')).toMatchObject({ status: 'forwarded', version: 4 });
    expect((await second.events('case-00002')).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  test('after a clean close, a restart replays nothing', async () => {
    const first = await start();
    await writeSome(first);
    await first.close();
    open.splice(0);

    const second = await start();
    expect(second.initReport()).toMatchObject({ replayed: 0, logEntries: 0, tornLogBytes: 0 });
    await expectSome(second);
  });

  test('repeated updates of one case are written to its document once', async () => {
    const store = await start({ flushDelayMs: 60_000 });
    await store.createCase(caseRecord(1), [event('case.created')]);
    for (let k = 1; k <= 20; k++) await store.updateCase('case-00001', (c) => ((c.promisedDays = k), [event('case.viewed')]));
    expect(store.stats()).toMatchObject({ docWrites: 0, docCreates: 0 });

    await store.flushDocuments();
    expect(store.stats()).toMatchObject({ docWrites: 0, docCreates: 1 });
    expect(JSON.parse(await readFile(caseFile('case-00001'), 'utf8'))).toMatchObject({ record: { promisedDays: 20, version: 21 } });
  });

  test('a document shorter than the file it overwrites leaves no trace of the old text', async () => {
    const store = await start();
    await store.createCase(caseRecord(1, { itemName: '个体工商户注销登记'.repeat(20) }), [event('case.created')]);
    await store.flushDocuments();
    await store.updateCase('case-00001', (c) => ((c.itemName = '注销'), []));
    await store.flushDocuments();
    const text = await readFile(caseFile('case-00001'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ record: { itemName: '注销', version: 2 } });
    expect(text.trimEnd()).toBe(JSON.stringify(JSON.parse(text)));
  });
});
