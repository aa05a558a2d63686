import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { freePort, gatewayEnv, removeDataDir, startSimulators, testStoreEnv, type Sims } from '../support/world.js';
import { spawnGateway, type GatewayProcess } from '../support/child.js';
import { call, login } from '../support/client.js';
import { clearFaults, setFaults, simState, submittedCase, waitFor } from '../support/flows.js';
import { PARTNER_REGIONS as REGIONS } from '../support/registry.js';

let sims: Sims | undefined;
let gw: GatewayProcess | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  gw?.child.kill('SIGKILL');
  await sims?.close();
  if (dataDir) await removeDataDir(dataDir);
});

describe('the gateway process killed with SIGKILL while handoffs are in flight', () => {
  test('after a restart every accepted case is delivered, and each partner has seen each case exactly once', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kytb-crash-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    sims = await startSimulators(base);
    const env = gatewayEnv(port, dataDir, sims, { HANDOFF_CONCURRENCY: '8', ...(await testStoreEnv('crash')) });
    // Slow partners: the handoffs are still in flight when the gateway dies.
    for (const r of REGIONS) await setFaults(sims.byRegion[r]!.url, { mode: 'slow', delayMs: 1500 });

    gw = await spawnGateway(env, base);
    let token = await login(base);
    const accepted: Array<{ caseId: string; caseNo: string; partner: string }> = [];
    for (let i = 0; i < 24; i += 1) {
      const partner = REGIONS[i % REGIONS.length]!;
      const c = await submittedCase(base, token, partner);
      accepted.push({ caseId: c.caseId, caseNo: c.caseNo, partner });
    }
    gw.child.kill('SIGKILL');
    expect(await gw.exited).toBeNull();

    const deliveredBeforeRestart = (await Promise.all(REGIONS.map((r) => simState(sims!.byRegion[r]!.url)))).reduce((n, s) => n + s.cases.length, 0);
    expect(deliveredBeforeRestart).toBeLessThan(accepted.length);

    for (const r of REGIONS) await clearFaults(sims.byRegion[r]!.url);
    gw = await spawnGateway(env, base);
    token = await login(base);
    for (const c of accepted) {
      await waitFor(`${c.caseNo} 已转递`, () => call(base, 'GET', `/api/cases/${c.caseId}`, { token }).then((r) => r.body), (v) => v.status === 'forwarded', 90_000);
    }
    for (const r of REGIONS) {
      const seen = (await simState(sims.byRegion[r]!.url)).cases.map((c) => c.caseNo);
      const ours = accepted.filter((c) => c.partner === r).map((c) => c.caseNo);
      expect(seen.filter((no) => ours.includes(no)).sort()).toEqual([...ours].sort());
      expect(new Set(seen).size).toBe(seen.length);
    }
  }, 180_000);
});
