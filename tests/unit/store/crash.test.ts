import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { verifyCaseAudit } from '../../../gateway/src/audit/verify.js';
import { openStore } from '../../../gateway/src/store/index.js';
import { keyringBeside } from '../../support/storeCases.js';

const WRITER = join(import.meta.dirname, '../../support/storeCrashWriter.ts');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-crash-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(`${dir}.keys`, { recursive: true, force: true });
});

type Acked = Map<string, number>;

/**
 * Runs the writer with `args` and SIGKILLs it once `killAfter` writes were acknowledged or a line
 * matches `killOn`, or lets it kill itself (--kill-at). Adds the acknowledgements to `acked`.
 */
function writeThenKill(acked: Acked, args: string[], stop: { killAfter?: number; killOn?: RegExp } = {}): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let count = 0;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.on('data', (b: Buffer) => {
      buffered += b.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const [verb, id, version] = line.split(' ');
        if (verb === 'created' || verb === 'updated') {
          acked.set(id as string, Math.max(acked.get(id as string) ?? 0, Number(version)));
          if (++count === stop.killAfter) child.kill('SIGKILL');
        }
        if (stop.killOn?.test(line)) child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(lines);
      else reject(new Error(`writer (${args.join(' ')}) exited by itself (code ${code}) after ${count} writes:\n${stderr}`));
    });
  });
}

async function filesUnder(sub: string, suffix: string): Promise<string[]> {
  const root = join(dir, sub);
  const shards = await readdir(root);
  const nested = await Promise.all(shards.map(async (s) => (await readdir(join(root, s)).catch(() => [])).map((f) => join(root, s, f))));
  return nested.flat().filter((f) => f.endsWith(suffix));
}

async function expectEveryCaseFileParses(): Promise<string[]> {
  const caseFiles = await filesUnder('cases', '.json');
  for (const file of caseFiles) {
    const text = await readFile(file, 'utf8');
    expect(() => JSON.parse(text), file).not.toThrow();
  }
  return caseFiles;
}

/** restarts on the directory and holds every acknowledged write against it, and every audit trail against its case */
async function expectAllAcknowledgedWrites(acked: Acked): Promise<{ replayed: number }> {
  const { store, audit } = await openStore({ dataDir: dir, keyring: await keyringBeside(dir) });
  const replayed = store.initReport()?.replayed ?? 0;
  try {
    for (const [id, version] of acked) {
      const record = await store.getCase(id);
      expect(record, id).toBeDefined();
      expect(record?.version, id).toBeGreaterThanOrEqual(version);
      // one event at creation, two per update
      expect((await store.events(id)).length, id).toBe(1 + 2 * ((record?.version ?? 1) - 1));
    }
    await audit.flush();
    for (const s of store.listCases({ regions: ['330681'], offset: 0, limit: 10_000 }).items) {
      expect(await verifyCaseAudit(store, s.id), s.id).toMatchObject({ ok: true, entries: s.eventCount });
    }
  } finally {
    await audit.close();
    await store.close();
  }
  // the start made every replayed document whole and durable
  expect((await expectEveryCaseFileParses()).length).toBeGreaterThanOrEqual(acked.size);
  return { replayed };
}

describe('a store process killed in the middle of many writes', () => {
  test('leaves every case file readable, keeps every acknowledged write, and completes the audit trail on restart', async () => {
    const acked: Acked = new Map();
    await writeThenKill(acked, [], { killAfter: 150 });
    expect(acked.size).toBeGreaterThan(10);

    // documents are written whole (created by rename, overwritten in one write); the ones still missing are in the log
    await expectEveryCaseFileParses();
    // audit files are appended: every complete line parses (a torn unterminated tail is allowed and cut at restart)
    for (const file of await filesUnder('audit', '.jsonl')) {
      const lines = (await readFile(file, 'utf8')).split('\n').slice(0, -1);
      for (const line of lines) expect(() => JSON.parse(line), file).not.toThrow();
    }
    await expectAllAcknowledgedWrites(acked);
  }, 180_000);

  test('killed again and again, at every stage of a checkpoint and while segments rotate, it loses no acknowledged write', async () => {
    const acked: Acked = new Map();
    // 4 KB segments and a checkpoint every 5 ms: the log rotates many times a second
    const churn = ['--segment-bytes', '4096', '--checkpoint-ms', '5'];
    await writeThenKill(acked, churn, { killAfter: 150 });
    for (const stage of ['rotated', 'flushed', 'synced', 'recorded', 'done']) {
      const lines = await writeThenKill(acked, [...churn, '--kill-at', `${stage}:2`]);
      expect(lines, stage).toContain(`killing at ${stage}`);
    }
    // last, a run whose documents are never written: everything it did is only in the log
    await writeThenKill(acked, ['--pause-flusher', '--checkpoint-ms', '600000'], { killAfter: 100 });

    expect(acked.size).toBeGreaterThan(50);
    const { replayed } = await expectAllAcknowledgedWrites(acked);
    expect(replayed).toBeGreaterThan(0);
  }, 180_000);

  test('many concurrent updates of different cases are made durable by a few syncs, and all of them survive a kill', async () => {
    const acked: Acked = new Map();
    const lines = await writeThenKill(acked, ['--burst', '200', '--pause-flusher', '--checkpoint-ms', '600000'], { killOn: /^burst / });

    const syncs = Number(lines.find((l) => l.startsWith('burst '))?.split(' ')[1]);
    expect(syncs).toBeGreaterThanOrEqual(1);
    expect(syncs).toBeLessThanOrEqual(5);
    expect([...acked.values()].filter((v) => v === 2)).toHaveLength(200);
    const { replayed } = await expectAllAcknowledgedWrites(acked);
    expect(replayed).toBe(200);
  }, 180_000);
});
