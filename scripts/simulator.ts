// Runs one simulated partner region on its own (docker compose runs one per container):
//   tsx scripts/simulator.ts 310104
// SIM_DATA_DIR, if set, is where the simulator keeps its state (<SIM_DATA_DIR>/<region>.json) across restarts.
import { loadConfig } from '../gateway/src/config.js';
import { PARTNERS, startSimulator } from '../partners/index.js';

const region = process.argv[2];
const module = PARTNERS.find((m) => m.region === region);
if (!module) {
  console.error(`usage: tsx scripts/simulator.ts <${PARTNERS.map((m) => m.region).join('|')}>`);
  process.exit(2);
}
const config = loadConfig(process.env, PARTNERS);
const auto = process.env.SIM_AUTO_ADVANCE !== 'false';
const sim = await startSimulator(module, {
  settings: config.partners[module.region]!,
  gatewayBaseUrl: config.publicBaseUrl,
  inbound: config.inboundPartners[module.region]!,
  ...(process.env.SIM_HOST ? { host: process.env.SIM_HOST } : {}),
  ...(process.env.SIM_DATA_DIR ? { dataDir: process.env.SIM_DATA_DIR } : {}),
  ...(auto ? { autoAdvance: { acceptAfterMs: Number(process.env.DEMO_ACCEPT_AFTER_MS ?? 5000), completeAfterMs: Number(process.env.DEMO_COMPLETE_AFTER_MS ?? 20000) } } : {}),
});
console.log(`simulated partner ${module.region} ${module.name} listening on ${sim.url}`);
const stop = () => void sim.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
