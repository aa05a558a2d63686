// Issue 11: a second gateway process on a live DATA_DIR is refused at start (one clear line, exit 2),
// and the first keeps every write it acknowledged, through its own restart. (The lowdb store let the
// second one replay and unlink the first one's live log: an acknowledged write was lost.)
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { freePort, gatewayEnv, removeDataDir, startSimulators, type Sims } from '../support/world.js';
import { spawnGateway, type GatewayProcess } from '../support/child.js';
import { call, login } from '../support/client.js';
import { draftCase } from '../support/flows.js';

let sims: Sims | undefined;
let gw: GatewayProcess | undefined;
let dataDir: string | undefined;
afterAll(async () => {
  gw?.child.kill('SIGKILL');
  await sims?.close();
  if (dataDir) await removeDataDir(dataDir);
});

describe('two gateway processes on one DATA_DIR', () => {
  test('the second stops at start with one line and exit code 2; the first keeps what it acknowledged', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kytb-second-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    sims = await startSimulators(base);
    gw = await spawnGateway(gatewayEnv(port, dataDir, sims), base);
    const token = await login(base);
    const before = await draftCase(base, token, '310104', { skipMaterials: true });

    const second = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/main.ts'], {
      env: { ...process.env, ...gatewayEnv(await freePort(), dataDir, sims) }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    second.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    second.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).toBe(2);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/in use by another gateway process/);

    // the first goes on: what it acknowledged before and after is there, also after its own restart
    const after = await call(base, 'POST', `/api/cases/${before.caseId}/withdraw`, { token, json: { reason: '申请人撤回' } });
    expect(after.status).toBe(200);
    gw.child.kill('SIGKILL');
    await gw.exited;
    gw = await spawnGateway(gatewayEnv(port, dataDir, sims), base);
    const fresh = await login(base);
    expect((await call(base, 'GET', `/api/cases/${before.caseId}`, { token: fresh })).body.status).toBe('withdrawn');
    const events = (await call(base, 'GET', `/api/cases/${before.caseId}/timeline`, { token: fresh })).body.events.map((e: { type: string }) => e.type);
    expect(events).toEqual(['case.created', 'case.withdrawn', 'case.status_changed']);
  }, 120_000);
});
