import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { getCase, submittedCase, waitFor } from '../support/flows.js';

let world: World;
let token: string;
beforeAll(async () => {
  world = await startWorld();
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

async function findFile(dir: string, name: string): Promise<string | undefined> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const hit = await findFile(p, name);
      if (hit) return hit;
    } else if (entry.name === name) return p;
  }
  return undefined;
}

describe('GET /api/cases/{caseId}/audit (verifyCaseAudit)', () => {
  test('a case’s chain verifies; after one stored audit entry is edited on disk, the edit is found with its seq', async () => {
    const { caseId } = await submittedCase(world.url, token, '640000');
    await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
    const good = await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token });
    expect(good.body).toMatchObject({ ok: true, firstBadSeq: null });
    expect(good.body.entries).toBeGreaterThanOrEqual(5);

    const file = await findFile(path.join(world.dataDir, 'audit'), `${caseId}.jsonl`);
    expect(file).toBeDefined();
    const lines = (await readFile(file!, 'utf8')).trimEnd().split('\n');
    const third = JSON.parse(lines[2]!);
    third.event.actor = 'clerk:someone-else';
    lines[2] = JSON.stringify(third);
    await writeFile(file!, `${lines.join('\n')}\n`);

    const bad = await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token });
    expect(bad.body).toMatchObject({ ok: false, firstBadSeq: third.seq });
  });
});
