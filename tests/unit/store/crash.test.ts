import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { verifyCaseAudit } from '../../../gateway/src/audit/verify.js';
import { openStore } from '../../../gateway/src/store/index.js';

const WRITER = join(import.meta.dirname, '../../support/storeCrashWriter.ts');
const KILL_AFTER = 150;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-crash-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** runs the writer, SIGKILLs it once KILL_AFTER writes were acknowledged, returns the acknowledgements */
function writeThenKill(): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked = new Map<string, number>();
    let count = 0;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.on('data', (b: Buffer) => {
      buffered += b.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [verb, id, version] = line.split(' ');
        if (verb !== 'created' && verb !== 'updated') continue;
        acked.set(id as string, Math.max(acked.get(id as string) ?? 0, Number(version)));
        if (++count === KILL_AFTER) child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited by itself (code ${code}) after ${count} writes:\n${stderr}`));
    });
  });
}

async function filesUnder(sub: string, suffix: string): Promise<string[]> {
  const root = join(dir, sub);
  const shards = await readdir(root);
  const nested = await Promise.all(shards.map(async (s) => (await readdir(join(root, s)).catch(() => [])).map((f) => join(root, s, f))));
  return nested.flat().filter((f) => f.endsWith(suffix));
}

describe('a store process killed in the middle of many writes', () => {
  test('leaves every case file readable, keeps every acknowledged write, and completes the audit trail on restart', async () => {
    const acked = await writeThenKill();
    expect(acked.size).toBeGreaterThan(10);

    const caseFiles = await filesUnder('cases', '.json');
    expect(caseFiles.length).toBeGreaterThanOrEqual(acked.size);
    for (const file of caseFiles) {
      const text = await readFile(file, 'utf8');
      expect(() => JSON.parse(text), file).not.toThrow();
    }
    // audit files are appended: every complete line parses (a torn unterminated tail is allowed and cut at restart)
    for (const file of await filesUnder('audit', '.jsonl')) {
      const lines = (await readFile(file, 'utf8')).split('\n').slice(0, -1);
      for (const line of lines) expect(() => JSON.parse(line), file).not.toThrow();
    }

    const { store, audit } = await openStore({ dataDir: dir });
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
  });
});

