// A whole world on loopback for component tests: the three real simulated partner servers and the real
// gateway (in this process, or as a child process for crash tests), with a fresh data directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import axios, { type AxiosInstance } from 'axios';
import { defaultPiiKeysFile, loadConfig, type Config } from '../../gateway/src/config.js';
import { startGateway, type RunningGateway } from '../../gateway/src/server.js';
import type { PartnerModule, SimulatedPartner } from '../../gateway/src/ports/partner.js';
import { PARTNERS, startSimulator } from '../../partners/index.js';
import { inject } from 'vitest';
import { freshDatabase } from './postgres.js';

export type Env = Record<string, string>;

/** mediasoup 3.8.4 reads this when its module loads (lazily, when the remote window starts) */
export const MEDIASOUP_WORKER_BIN = process.env.MEDIASOUP_WORKER_BIN || '/usr/lib/x86_64-linux-gnu/mediasoup/mediasoup-worker';
process.env.MEDIASOUP_WORKER_BIN = MEDIASOUP_WORKER_BIN;

/** the remote window (远程帮办) in a world: on, with settings a test may shrink below what the
 *  environment allows (e.g. a 2 s reconnect grace instead of ≥ 30 s) */
export type RemoteWindowOption = boolean | Partial<Config['remoteWindow']>;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The partner HTTP client the gateway gets in tests: it refuses any host but loopback. */
export function loopbackHttp(timeoutMs = 3000): AxiosInstance {
  const http = axios.create({ timeout: timeoutMs, proxy: false, maxRedirects: 0 });
  http.interceptors.request.use((req) => {
    const host = new URL(req.url ?? '', req.baseURL).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`tests may only call loopback, not ${host}`);
    return req;
  });
  return http;
}

/** removes a test data directory and the keyring a gateway made beside it (PII_KEYS_FILE unset) */
export async function removeDataDir(dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  await rm(path.dirname(defaultPiiKeysFile(dataDir)), { recursive: true, force: true });
}

/**
 * The store a test's gateway runs on: SQLite in its data directory (the default), or, when the test run
 * is the PostgreSQL project (KYTB_TEST_STORE=postgres, vitest.config.ts), a database of its own in the
 * run's throwaway cluster.
 */
export async function testStoreEnv(label: string): Promise<Env> {
  if (process.env.KYTB_TEST_STORE !== 'postgres') return {};
  return { STORE: 'postgres', DATABASE_URL: await freshDatabase(inject('pgUrl'), label), INSTANCE_ID: `test-${label}` };
}

/** the adapter's settings at their development values (optional ones without a default left out) */
export const devSettings = (m: PartnerModule): Record<string, string> =>
  Object.fromEntries(Object.entries(m.settings).flatMap(([k, v]) => (v.devDefault === undefined ? [] : [[k, v.devDefault]])));

export interface Sims {
  byRegion: Record<string, SimulatedPartner>;
  close(): Promise<void>;
}

export async function startSimulators(gatewayBaseUrl: string, autoAdvance?: { acceptAfterMs: number; completeAfterMs: number }): Promise<Sims> {
  const byRegion: Record<string, SimulatedPartner> = {};
  for (const m of PARTNERS) {
    byRegion[m.region] = await startSimulator(m, {
      settings: { ...devSettings(m), URL: 'http://127.0.0.1:0' },
      gatewayBaseUrl,
      inbound: { appId: `partner-${m.region}`, secret: `dev-only-inbound-secret-${m.region}` },
      ...(autoAdvance ? { autoAdvance } : {}),
    });
  }
  return { byRegion, close: async () => { await Promise.all(Object.values(byRegion).map((s) => s.close())); } };
}

/** Environment for a gateway that talks to these simulators (also used for child processes). */
export function gatewayEnv(port: number, dataDir: string, sims: Sims, extra: Env = {}): Env {
  const env: Env = {
    NODE_ENV: 'test',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    HANDOFF_BACKOFF_MS: '50,100,200,400',
    HANDOFF_JITTER: '0',
    HANDOFF_TIMEOUT_MS: '2000',
    POLL_INTERVAL_MS: '100',
    // the remote window starts mediasoup workers: only worlds that ask for it get it
    RW_ENABLED: 'false',
    RW_WORKERS: '1',
    MEDIASOUP_WORKER_BIN,
    // the suites send thousands of refused requests from one address on purpose; slow-refusals.test.ts turns it on
    REFUSAL_SLOWDOWN_AFTER: '0',
  };
  for (const [region, sim] of Object.entries(sims.byRegion)) env[`PARTNER_${region}_URL`] = sim.url;
  return { ...env, ...extra };
}

export interface World {
  url: string;
  gateway: RunningGateway;
  sims: Sims;
  config: Config;
  dataDir: string;
  /** stop the gateway (gracefully) and start it again on the same data directory and port (its configuration changed by `change`) */
  restart(change?: (config: Config) => Config): Promise<void>;
  close(): Promise<void>;
}

/** HTTPS with this certificate, the public URLs on `host` (which the browser maps to 127.0.0.1) */
export interface WorldTls { certFile: string; keyFile: string; host: string }

export async function startWorld(opts: { env?: Env; background?: boolean; autoAdvance?: { acceptAfterMs: number; completeAfterMs: number }; remoteWindow?: RemoteWindowOption; now?: () => Date; tls?: WorldTls } = {}): Promise<World> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kytb-'));
  const port = await freePort();
  const url = opts.tls ? `https://${opts.tls.host}:${port}` : `http://127.0.0.1:${port}`;
  const sims = await startSimulators(`http://127.0.0.1:${port}`, opts.autoAdvance);
  const rwEnv: Env = opts.remoteWindow ? { RW_ENABLED: 'true' } : {};
  const tlsEnv: Env = opts.tls ? { TLS_CERT_FILE: opts.tls.certFile, TLS_KEY_FILE: opts.tls.keyFile, PUBLIC_BASE_URL: url, RW_PUBLIC_URL: url } : {};
  const loaded = loadConfig(gatewayEnv(port, dataDir, sims, { ...(await testStoreEnv('world')), ...rwEnv, ...tlsEnv, ...opts.env }), PARTNERS);
  let config: Config = typeof opts.remoteWindow === 'object' ? { ...loaded, remoteWindow: { ...loaded.remoteWindow, ...opts.remoteWindow } } : loaded;
  const start = () => startGateway({ config, partnerModules: PARTNERS, http: loopbackHttp(config.handoff.timeoutMs), background: opts.background ?? true, ...(opts.now ? { now: opts.now } : {}) });
  const world: World = {
    url,
    gateway: await start(),
    sims,
    config,
    dataDir,
    async restart(change) {
      await world.gateway.stop();
      if (change) world.config = config = change(config);
      world.gateway = await start();
    },
    async close() {
      await world.gateway.stop();
      await sims.close();
      await removeDataDir(dataDir);
    },
  };
  return world;
}
