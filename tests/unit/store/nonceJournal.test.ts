import { mkdtemp, readFile, rm, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { NonceJournal } from '../../../gateway/src/store/nonceJournal.js';

let dir: string | undefined;
afterEach(async () => { if (dir) await rm(dir, { recursive: true, force: true }); dir = undefined; });

async function journal(now: { t: number }, ttlMs = 600_000) {
  dir ??= await mkdtemp(path.join(os.tmpdir(), 'kytb-nonces-'));
  return NonceJournal.open({ dataDir: dir, ttlMs, fsync: true, now: () => now.t });
}

describe('the inbound nonce journal', () => {
  test('a nonce is accepted once per partner, and concurrent duplicates are refused', async () => {
    const now = { t: 1_000_000 };
    const j = await journal(now);
    const [a, b] = await Promise.all([j.remember('640000', 'n-00000001'), j.remember('640000', 'n-00000001')]);
    expect([a, b].sort()).toEqual([false, true]);
    expect(await j.remember('310104', 'n-00000001')).toBe(true);
    await j.close();
  });

  test('what was accepted is refused again after a reopen, until its time to live has passed', async () => {
    const now = { t: 1_000_000 };
    const first = await journal(now, 1000);
    expect(await first.remember('640000', 'n-restart-1')).toBe(true);
    await first.close();
    const second = await journal(now, 1000);
    expect(await second.remember('640000', 'n-restart-1')).toBe(false);
    await second.close();
    now.t += 1001;
    const third = await journal(now, 1000);
    expect(third.size).toBe(0);
    expect(await third.remember('640000', 'n-restart-1')).toBe(true);
    await third.close();
  });

  test('a line torn by a crash is skipped; the journal is compacted to live entries as it grows', async () => {
    const now = { t: 5_000_000 };
    const j = await journal(now, 100);
    for (let i = 0; i < 1500; i++) {
      expect(await j.remember('610700', `n-${String(i).padStart(8, '0')}`)).toBe(true);
      now.t += 1;
    }
    await j.close();
    await appendFile(path.join(dir!, 'inbound-nonces.jsonl'), '{"k":"610700\\u0000n-torn');
    const lines = (await readFile(path.join(dir!, 'inbound-nonces.jsonl'), 'utf8')).split('\n').length;
    expect(lines).toBeLessThan(1500); // compacted at least once on the way
    const again = await journal(now, 100);
    expect(again.size).toBeLessThanOrEqual(100);
    expect(await again.remember('610700', 'n-00001499')).toBe(false);
    await again.close();
  });
});
