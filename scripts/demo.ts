// The demo: the three simulated partner regions (deciding automatically after a few seconds) and the
// gateway, in one process, on the embedded SQLite store. Ctrl-C stops everything gracefully.
import { loadConfig } from '../gateway/src/config.js';
import { createLogger } from '../gateway/src/log.js';
import { startGateway } from '../gateway/src/server.js';
import { demoAccounts } from '../gateway/src/auth/demoUsers.js';
import { join } from 'node:path';
import { PARTNERS, startSimulator } from '../partners/index.js';
import type { PartnerModule, SimulatedPartner } from '../gateway/src/ports/partner.js';

const config = loadConfig({ DATA_DIR: 'data/demo', ...process.env }, PARTNERS);
const logger = createLogger({ level: config.logLevel });
// as gateway/src/main.ts does: mediasoup finds its worker through this variable when it loads, so
// `npm start` works without scripts/demo.sh having exported it
if (config.remoteWindow.enabled) process.env.MEDIASOUP_WORKER_BIN = config.remoteWindow.workerBin;
const acceptAfterMs = Number(process.env.DEMO_ACCEPT_AFTER_MS ?? 5000);
const completeAfterMs = Number(process.env.DEMO_COMPLETE_AFTER_MS ?? 20000);

const simulators: Array<{ module: PartnerModule; sim: SimulatedPartner }> = [];
for (const m of PARTNERS) {
  const sim = await startSimulator(m, {
    settings: config.partners[m.region]!,
    gatewayBaseUrl: config.publicBaseUrl,
    inbound: config.inboundPartners[m.region]!,
    autoAdvance: { acceptAfterMs, completeAfterMs },
    // the partners' own state (data/demo/partners/<region>.json), beside the gateway's, so they survive a restart
    dataDir: join(config.dataDir, 'partners'),
  });
  simulators.push({ module: m, sim });
}
const gateway = await startGateway({ config, partnerModules: PARTNERS, logger });

const lines = [
  '',
  '跨域通办网关 demo is running',
  `  clerk console      ${config.publicBaseUrl}/`,
  `  API contract       ${config.publicBaseUrl}/openapi.yaml`,
  `  health / metrics   ${config.publicBaseUrl}/healthz  ${config.publicBaseUrl}/metrics`,
  ...(config.remoteWindow.enabled
    ? [`  远程帮办 (applicant) ${config.remoteWindow.publicUrl}/rw/   (clerk: 办件详情 → 远程帮办, or ${config.remoteWindow.publicUrl}/rw/clerk.html)`]
    : ['  远程帮办           off (RW_ENABLED=false)']),
  `  receipt check      ${config.publicBaseUrl}/verify.html`,
  `  data directory     ${config.dataDir}   (partners' state: ${join(config.dataDir, 'partners')})`,
  ...simulators.map(({ module, sim }) => `  partner ${module.region} ${module.name.padEnd(8, '　')} ${sim.url}  (state: ${sim.url}/__sim/state)`),
  '  demo accounts (username / password):',
  ...demoAccounts(PARTNERS).map((a) => `    ${a.username.padEnd(10)} ${a.password.padEnd(14)} ${a.displayName} ${a.region} ${a.roles.join(',')}`),
  `  partners accept after ${acceptAfterMs / 1000}s and complete after ${completeAfterMs / 1000}s (DEMO_ACCEPT_AFTER_MS, DEMO_COMPLETE_AFTER_MS)`,
  '',
];
console.log(lines.join('\n'));

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await gateway.stop();
  await Promise.all(simulators.map(({ sim }) => sim.close()));
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
