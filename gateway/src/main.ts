// The gateway process: configuration from the environment, the partner registry, start, and a
// graceful stop on SIGTERM/SIGINT (stop accepting, finish the handoffs in flight, then exit).
import { setFlagsFromString } from 'node:v8';
import { loadConfig, ConfigError } from './config.js';
import { createLogger } from './log.js';
import { startGateway } from './server.js';
import { PARTNERS } from '../../partners/index.js';
import { WorkerBinaryMissing } from '../../remote-window/src/server/index.js';
import { StoreInUseError } from './store/index.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, PARTNERS);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  // V8 reads this at every full GC when it sets the next heap limit, so it takes effect from here on
  if (config.heapGrowthPercent > 0) setFlagsFromString(`--heap-growing-percent=${config.heapGrowthPercent}`);
  // mediasoup finds its worker through this variable when it loads (the remote window loads it lazily)
  if (config.remoteWindow.enabled) process.env.MEDIASOUP_WORKER_BIN = config.remoteWindow.workerBin;
  const logger = createLogger({ level: config.logLevel });
  let gateway;
  try {
    gateway = await startGateway({ config, partnerModules: PARTNERS, logger });
  } catch (e) {
    if (e instanceof WorkerBinaryMissing || e instanceof ConfigError || e instanceof StoreInUseError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  console.log(`跨域通办网关 listening on ${config.publicBaseUrl} (data: ${config.dataDir})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing handoffs in flight');
    gateway.stop().then(() => process.exit(0), (err: unknown) => { logger.error({ err }, 'stop failed'); process.exit(1); });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

process.on('unhandledRejection', (err) => {
  console.error('unhandled rejection (a bug): exiting', err);
  process.exit(1);
});

await main();
