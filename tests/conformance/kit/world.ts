// One partner region's world for the conformance kit: its real simulator and a real gateway that knows
// only this region (so a module registered in memory, e.g. a fresh `npm run partner:new` skeleton, is
// checked like a registered one), on loopback with a fresh data directory.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../gateway/src/config.js';
import { startGateway, type RunningGateway } from '../../../gateway/src/server.js';
import type { PartnerAdapter, PartnerModule, SimulatedPartner } from '../../../gateway/src/ports/partner.js';
import { startSimulator } from '../../../partners/index.js';
import { login } from '../../support/client.js';
import { devSettings, freePort, gatewayEnv, loopbackHttp, removeDataDir } from '../../support/world.js';

export interface KitWorld {
  module: PartnerModule;
  /** the adapter as the gateway builds it (its capabilities decide which checks run) */
  adapter: PartnerAdapter;
  url: string;
  sim: SimulatedPartner;
  gateway: RunningGateway;
  /** a clerk of our window (收件) and an approver (办理地 decisions) */
  clerk: string;
  approver: string;
  close(): Promise<void>;
}

export async function startPartnerWorld(module: PartnerModule): Promise<KitWorld> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kytb-kit-'));
  const port = await freePort();
  // startSimulator: the simulator gets its own settings too (simulatorSettings, e.g. a platform's private key)
  const sim = await startSimulator(module, {
    settings: { ...devSettings(module), URL: 'http://127.0.0.1:0' },
    gatewayBaseUrl: `http://127.0.0.1:${port}`,
    inbound: { appId: `partner-${module.region}`, secret: `dev-only-inbound-secret-${module.region}` },
  });
  const sims = { byRegion: { [module.region]: sim }, close: () => sim.close() };
  const env = gatewayEnv(port, dataDir, sims, { HANDOFF_MAX_ATTEMPTS: '4' });
  const config = loadConfig(env, [module]);
  const gateway = await startGateway({ config, partnerModules: [module], http: loopbackHttp(config.handoff.timeoutMs) });
  const url = `http://127.0.0.1:${port}`;
  return {
    module,
    adapter: module.createAdapter(devSettings(module)),
    url,
    sim,
    gateway,
    clerk: await login(url),
    approver: await login(url, 'zhuji-sp01', 'Shenpi@2026'),
    async close() {
      await gateway.stop();
      await sim.close();
      await removeDataDir(dataDir);
    },
  };
}

/** HANDOFF_TIMEOUT_MS of these worlds (tests/support/world.ts gatewayEnv): a slow answer is slower */
export const HANDOFF_TIMEOUT_MS = 2000;
