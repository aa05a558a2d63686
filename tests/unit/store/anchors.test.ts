// The audit anchor log on its own, on both engines: records sealed, re-read and checked at open, a
// record signed with another key, deleted or forged refused, nothing written when nothing moved; two
// instances sealing into one log at once keep one chain; the exported log checks offline.
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AnchorLog } from '../../../gateway/src/audit/anchors.js';
import { generateSigningKey, type SigningKey } from '../../../gateway/src/receipts/keys.js';
import { createAnchorRecordStore } from '../../../gateway/src/store/sql/anchorRecords.js';
import type { OpenedStore } from '../../../gateway/src/store/index.js';
import { runScript } from '../../support/cli.js';
import { ENGINES, testStores, type TestStores } from '../../support/storeTargets.js';

const key = generateSigningKey();
const head = (seq: number) => ({ seq, hash: String(seq % 10).repeat(64) });

describe.each(ENGINES)('AnchorLog on %s', (engine) => {
  let stores: TestStores;
  let o: OpenedStore;
  beforeEach(async () => {
    stores = await testStores(engine, 'anchors');
    o = await stores.open();
  });
  afterEach(async () => { await stores.dispose(); });

  const open = (k: SigningKey = key, database = o.database) => AnchorLog.open({ records: createAnchorRecordStore(database), key: k, intervalMs: 3_600_000, now: () => new Date('2026-11-22T02:00:00Z') });
  const rows = async () => (await o.database.db.selectFrom('audit_anchors').select(['n', 'record']).orderBy('n').execute()).map((r) => JSON.parse(r.record));

  test('seals the heads noted since the last record, linked and signed; a reopened log finds each case’s latest anchor', async () => {
    const log = await open();
    await log.seal();
    expect(log.status()).toEqual({ latest: null, broken: null, pending: 0 });
    log.note('a', head(3));
    log.note('b', head(5));
    log.note('a', head(4)); // the newer head of a case replaces the older one
    await log.seal();
    log.note('b', head(7));
    await log.close();
    const [r1, r2] = await rows();
    expect(r1).toMatchObject({ n: 1, prev: '0'.repeat(64), keyId: key.keyId, cases: { a: [4, head(4).hash], b: [5, head(5).hash] } });
    expect(r2).toMatchObject({ n: 2, prev: r1.hash, cases: { b: [7, head(7).hash] } });

    const again = await open();
    expect(again.status()).toMatchObject({ broken: null, latest: { n: 2, hash: r2.hash, cases: 1 } });
    expect(await again.anchorOf('a')).toEqual({ n: 1, at: '2026-11-22T02:00:00.000Z', ...head(4) });
    expect(await again.anchorOf('b')).toEqual({ n: 2, at: '2026-11-22T02:00:00.000Z', ...head(7) });
    expect(await again.anchorOf('c')).toBeUndefined();
    again.note('c', head(1));
    await again.close();
    expect((await rows())[2]).toMatchObject({ n: 3, prev: r2.hash });
  });

  test('two instances sealing at once keep one chain: each record links to the one before it', async () => {
    // PostgreSQL: two handles, as two instances; SQLite (one process per file): two logs on one handle
    const other = engine === 'postgres' ? (await stores.open()).database : o.database;
    const [a, b] = [await open(), await open(key, other)];
    for (let i = 0; i < 10; i++) {
      a.note(`a${i}`, head(i + 1));
      b.note(`b${i}`, head(i + 2));
      await Promise.all([a.seal(), b.seal()]);
    }
    await Promise.all([a.close(), b.close()]);
    const all = await rows();
    expect(all.map((r) => r.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (let i = 1; i < all.length; i++) expect(all[i].prev).toBe(all[i - 1].hash);
    const reopened = await open();
    expect(reopened.status()).toMatchObject({ broken: null, latest: { n: 20 } });
    expect(await reopened.anchorOf('b9')).toMatchObject({ seq: 11 });
    await reopened.close();
  });

  test.each([
    ['signed with another key', async (open: (k?: SigningKey) => Promise<AnchorLog>) => { const log = await open(generateSigningKey()); log.note('a', head(2)); await log.close(); }, /signed with key/],
    ['a record deleted', async (open: (k?: SigningKey) => Promise<AnchorLog>, db: OpenedStore['database']) => {
      const log = await open();
      for (const id of ['a', 'b']) { log.note(id, head(2)); await log.seal(); }
      await log.close();
      await db.db.deleteFrom('audit_anchors').where('n', '=', 1).execute();
    }, /carries n 2/],
    ['a forged signature', async (open: (k?: SigningKey) => Promise<AnchorLog>, db: OpenedStore['database']) => {
      const log = await open();
      log.note('a', head(2));
      await log.close();
      const row = await db.db.selectFrom('audit_anchors').select('record').where('n', '=', 1).executeTakeFirstOrThrow();
      const r = JSON.parse(row.record);
      r.sig = Buffer.alloc(64).toString('base64url');
      await db.db.updateTable('audit_anchors').set({ record: JSON.stringify(r) }).where('n', '=', 1).execute();
    }, /signature does not verify/],
  ])('%s: the log is broken at open, left as it is, and appends nothing more', async (_what, make, reason) => {
    await make((k?: SigningKey) => open(k), o.database);
    const before = await rows();
    const log = await open();
    expect(log.status()).toMatchObject({ latest: null, broken: { n: 1, reason: expect.stringMatching(reason) } });
    log.note('z', head(9));
    await log.close();
    expect(await rows()).toEqual(before);
  });

  test('a record edited after the start is refused when read, and breaks the log from then on', async () => {
    const log = await open();
    log.note('a', head(2));
    await log.seal();
    const row = await o.database.db.selectFrom('audit_anchors').select('record').where('n', '=', 1).executeTakeFirstOrThrow();
    const r = JSON.parse(row.record);
    r.cases.a = [2, 'e'.repeat(64)];
    await o.database.db.updateTable('audit_anchors').set({ record: JSON.stringify(r) }).where('n', '=', 1).execute();
    expect(await log.anchorOf('a')).toBeUndefined();
    expect(log.status().broken).toMatchObject({ n: 1, reason: expect.stringMatching(/hash does not match/) });
    await log.close();
  });

  test('the exported log checks offline (npm run verify-anchors): exit 0 sound, 1 rewritten or missing, 2 usage', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kytb-anchors-'));
    try {
      const file = path.join(dir, 'audit-anchors.jsonl');
      const pem = path.join(dir, 'gateway-public.pem');
      await writeFile(pem, key.publicKeyPem);
      const log = await open();
      for (const id of ['a', 'b']) { log.note(id, head(4)); await log.seal(); }
      await writeFile(file, await log.export());
      await log.close();
      const copied = (await rows())[0] as { n: number; hash: string };
      const cli = (...args: string[]) => runScript('verify-anchors.ts', ...args);
      expect(await cli(file, '--key', pem, '--expect', `1:${copied.hash}`)).toMatchObject({ code: 0, out: expect.stringContaining('SOUND: 2 条锚点记录，覆盖 2 件办件') });
      const [r1, r2] = await rows();
      r1.cases.a = [4, 'e'.repeat(64)];
      await writeFile(file, `${JSON.stringify(r1)}\n${JSON.stringify(r2)}\n`);
      const bad = await cli(file, '--key', pem, '--expect', `1:${copied.hash}`);
      expect(bad.code).toBe(1);
      expect(bad.out).toMatch(/record 1: its hash does not match/);
      expect((await cli(file, '--key', pem, '--expect', `7:${copied.hash}`)).code).toBe(1);
      expect((await cli(file)).code).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
