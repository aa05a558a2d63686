// The audit anchor log on its own: records sealed, re-read and checked at open, a torn last line cut
// off, a record signed with another key or reordered refused, nothing written when nothing moved.
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AnchorLog } from '../../../gateway/src/audit/anchors.js';
import { generateSigningKey, type SigningKey } from '../../../gateway/src/receipts/keys.js';
import { runScript } from '../../support/cli.js';

let dir: string;
let file: string;
const key = generateSigningKey();
const head = (seq: number) => ({ seq, hash: String(seq % 10).repeat(64) });
const open = (k: SigningKey = key) => AnchorLog.open({ file, key: k, fsync: true, intervalMs: 3_600_000, now: () => new Date('2026-11-22T02:00:00Z') });
const lines = async () => (await readFile(file, 'utf8')).split('\n').filter(Boolean);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kytb-anchors-'));
  file = path.join(dir, 'audit-anchors.jsonl');
});
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

describe('AnchorLog', () => {
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
    const [r1, r2] = (await lines()).map((l) => JSON.parse(l));
    expect(r1).toMatchObject({ n: 1, prev: '0'.repeat(64), keyId: key.keyId, cases: { a: [4, head(4).hash], b: [5, head(5).hash] } });
    expect(r2).toMatchObject({ n: 2, prev: r1.hash, cases: { b: [7, head(7).hash] } });

    const again = await open();
    expect(again.status()).toMatchObject({ broken: null, latest: { n: 2, hash: r2.hash, cases: 1 } });
    expect(await again.anchorOf('a')).toEqual({ n: 1, at: '2026-11-22T02:00:00.000Z', ...head(4) });
    expect(await again.anchorOf('b')).toEqual({ n: 2, at: '2026-11-22T02:00:00.000Z', ...head(7) });
    expect(await again.anchorOf('c')).toBeUndefined();
    // and it goes on from where it was
    again.note('c', head(1));
    await again.close();
    expect(JSON.parse((await lines())[2]!)).toMatchObject({ n: 3, prev: r2.hash });
  });

  test('a torn last line (a crash in the middle of an append) is cut off and the log goes on', async () => {
    const log = await open();
    log.note('a', head(2));
    await log.close();
    await appendFile(file, '{"n":2,"at":"2026-11-22T02:0');
    const again = await open();
    expect(again.status()).toMatchObject({ broken: null, latest: { n: 1 } });
    again.note('b', head(3));
    await again.close();
    expect((await lines()).map((l) => JSON.parse(l).n)).toEqual([1, 2]);
  });

  test.each([
    ['signed with another key', async () => { const log = await open(generateSigningKey()); log.note('a', head(2)); await log.close(); }, /signed with key/],
    ['a record deleted', async () => {
      const log = await open();
      for (const id of ['a', 'b']) { log.note(id, head(2)); await log.seal(); }
      await log.close();
      await writeFile(file, `${(await lines())[1]}\n`);
    }, /carries n 2/],
    ['a forged signature', async () => {
      const log = await open();
      log.note('a', head(2));
      await log.close();
      const r = JSON.parse((await lines())[0]!);
      r.sig = Buffer.alloc(64).toString('base64url');
      await writeFile(file, `${JSON.stringify(r)}\n`);
    }, /signature does not verify/],
  ])('%s: the log is broken at open, left as it is, and appends nothing more', async (_what, make, reason) => {
    await make();
    const before = await readFile(file, 'utf8');
    const log = await open();
    expect(log.status()).toMatchObject({ latest: null, broken: { n: 1, reason: expect.stringMatching(reason) } });
    log.note('z', head(9));
    await log.close();
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});

describe('the command-line check of a copied log (npm run verify-anchors)', () => {
  const cli = (...args: string[]) => runScript('verify-anchors.ts', ...args);

  test('exit 0 for a sound log holding the copied anchors, 1 for a rewritten one or a missing anchor, 2 for a usage error', async () => {
    const pem = path.join(dir, 'gateway-public.pem');
    await writeFile(pem, key.publicKeyPem);
    const log = await open();
    for (const id of ['a', 'b']) { log.note(id, head(4)); await log.seal(); }
    await log.close();
    const copied = JSON.parse((await lines())[0]!) as { n: number; hash: string };

    const ok = await cli(file, '--key', pem, '--expect', `1:${copied.hash}`);
    expect(ok).toMatchObject({ code: 0, out: expect.stringContaining('SOUND: 2 条锚点记录，覆盖 2 件办件') });

    // one head edited in place
    const [r1, r2] = (await lines()).map((l) => JSON.parse(l));
    r1.cases.a = [4, 'e'.repeat(64)];
    await writeFile(file, `${JSON.stringify(r1)}\n${JSON.stringify(r2)}\n`);
    const bad = await cli(file, '--key', pem, '--expect', `1:${copied.hash}`);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/record 1: its hash does not match/);
    expect(bad.out).toMatch(/anchor 1 is not in the log/);

    expect((await cli(file, '--key', pem, '--expect', `7:${copied.hash}`)).code).toBe(1);
    expect((await cli(file)).code).toBe(2);
    expect((await cli(file, '--key', pem, '--expect', 'one')).code).toBe(2);
    expect((await cli(path.join(dir, 'missing.jsonl'), '--key', pem)).code).toBe(2);
  });
});
