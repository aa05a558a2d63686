// The gateway's configuration: one documented schema, parsed once at boot into a frozen object.
// Nothing else reads process.env. Every variable is listed in README.md (section 配置).
import os from 'node:os';
import { existsSync, realpathSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import type { PartnerModule, PartnerSettings, InboundCredentials } from './ports/partner.js';

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /**
   * serve HTTPS (and wss for the remote window) with this PEM certificate chain and key; browsers give
   * a page the camera only in a secure context, so applicants outside this machine need it, here or at
   * a TLS-terminating proxy in front
   */
  tls?: { certFile: string; keyFile: string };
  /** Express "trust proxy": whose X-Forwarded-For is believed (the client IP rate limits are keyed by) */
  trustProxy: string;
  /** the base URL partners use to reach us (callbacks), e.g. https://gateway.example.gov.cn */
  publicBaseUrl: string;
  dataDir: string;
  /** where all state lives: SQLite in DATA_DIR (one gateway process), or PostgreSQL (several instances) */
  store: { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string; poolSize: number };
  /** false: SQLite commits and files are not fsynced (throwaway data only) */
  storeFsync: boolean;
  /** this instance's name among those sharing one database: the same across its restarts, unique among them */
  instanceId: string;
  /**
   * where the other instances reach this one (INSTANCE_URL): a remote-window request that reaches another
   * instance is forwarded here when this one hosts the session; unset: http(s)://127.0.0.1:<listening port>
   */
  instanceUrl?: string;
  /**
   * How far V8 lets the heap grow past what the last full GC kept, in percent (0: V8's own choice, up to
   * 4×). Documents and inline base64 make short-lived large strings that go straight to old space.
   */
  heapGrowthPercent: number;
  /** seconds between two signed anchors of the audit chain heads (anchors.ts) */
  auditAnchorIntervalS: number;
  /** WORK_CALENDAR_DIR: the operator's holiday lists (<year>.json), beside the years the project ships */
  workCalendarDir?: string;
  logLevel: string;
  /** our region (GB/T 2260) and the window's name, printed on receipts and sent to partners */
  homeRegion: string;
  windowName: string;
  auth: { jwtSecret: string; tokenTtlSeconds: number; loginMaxFailures: number; loginMaxFailuresPerAddress: number; loginLockSeconds: number; seedDemoUsers: boolean };
  handoff: {
    maxAttempts: number;
    /** delay before attempt n+1 after n failures (ms); the last value repeats */
    backoffMs: number[];
    /** ± this fraction of random jitter on each delay */
    jitter: number;
    concurrency: number;
    timeoutMs: number;
    pollIntervalMs: number;
  };
  /**
   * maxBodyBytes: a receiveCase body; unauthenticatedBodyBudgetBytes: what all requests not yet authenticated
   * (login, join, partner requests before their signature is checked, receipt checks) may hold together
   */
  inbound: { clockSkewSeconds: number; maxBodyBytes: number; unauthenticatedBodyBudgetBytes: number };
  /** addresses that keep being refused at the unauthenticated entry points are slowed down (http/slowRefusals.ts) */
  refusalSlowDown: { after: number; windowS: number; maxDelayMs: number };
  maxUploadBytes: number;
  /** signed documents (受理回执 …): the Ed25519 signing key's PKCS#8 PEM file; unset = <dataDir>/keys/receipt-signing-key.pem, made at first start */
  /** the document-signing key's file; worker threads that render documents (0: the event loop) */
  receipts: { signingKeyFile?: string; renderThreads: number; renderThreadHeapMb?: number };
  /**
   * personal data at rest (store/personalData.ts): the keyring file (PII_KEYS_FILE), never inside
   * dataDir; `create`: made at first start when absent (development and test only)
   */
  piiKeys: { file: string; create: boolean };
  /** settings per partner region, from PARTNER_<REGION>_<KEY> */
  partners: Readonly<Record<string, PartnerSettings>>;
  /** credentials partners use when they call our inbound API, from INBOUND_<REGION>_APP_ID / _SECRET */
  inboundPartners: Readonly<Record<string, InboundCredentials>>;
  /** the remote virtual window (远程虚拟窗口, issue 3): mediasoup SFU + ws signalling in this process */
  remoteWindow: RemoteWindowConfig;
}

export interface RemoteWindowConfig {
  enabled: boolean;
  /** mediasoup workers (one per core by default) */
  workers: number;
  /** MEDIASOUP_WORKER_BIN: mediasoup reads it itself; checked at start so a missing worker fails fast */
  workerBin: string;
  listenIp: string;
  announcedIp?: string;
  rtcMinPort: number;
  rtcMaxPort: number;
  emptyTimeoutS: number;
  reconnectGraceS: number;
  joinTtlS: number;
  waitingTimeoutS: number;
  /** the base of join links (the applicant's side of the gateway) */
  publicUrl: string;
  /** signalling ping interval; a peer that misses one pong is dropped (fixed, not an env variable) */
  heartbeatMs: number;
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789';

function str(env: Env, name: string, fallback: string): string {
  const v = env[name];
  return v === undefined || v === '' ? fallback : v;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(name, `must be an integer in [${min}, ${max}], got "${raw}"`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function intList(env: Env, name: string, fallback: number[]): number[] {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const list = raw.split(',').map((s) => Number(s.trim()));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 0)) throw new ConfigError(name, `must be a comma-separated list of milliseconds, got "${raw}"`);
  return list;
}

function storeSetting(env: Env, dataDir: string): Config['store'] {
  const engine = str(env, 'STORE', 'sqlite');
  if (engine === 'sqlite') {
    if (env.DATABASE_URL) throw new ConfigError('DATABASE_URL', 'is for STORE=postgres; with STORE=sqlite the store is a file in DATA_DIR');
    return { engine, file: `${dataDir.replace(/\/+$/, '')}/gateway.sqlite` };
  }
  if (engine !== 'postgres') throw new ConfigError('STORE', `must be sqlite or postgres, got "${engine}"`);
  const url = env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) throw new ConfigError('DATABASE_URL', 'must be a postgres://… URL when STORE=postgres');
  return { engine, url, poolSize: int(env, 'DATABASE_POOL_SIZE', 10, 1, 200) };
}

function instanceIdOf(env: Env): string {
  const id = str(env, 'INSTANCE_ID', os.hostname());
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(id)) throw new ConfigError('INSTANCE_ID', `must be 1–64 letters, digits, . _ -, got "${id.slice(0, 80)}"`);
  return id;
}

function instanceUrlOf(env: Env): Pick<Config, 'instanceUrl'> {
  const url = env.INSTANCE_URL;
  if (!url) return {};
  if (!/^https?:\/\/[^/?#\s]+\/?$/.test(url)) throw new ConfigError('INSTANCE_URL', `must be http(s)://host[:port] with no path, got "${url.slice(0, 80)}"`);
  return { instanceUrl: url.replace(/\/$/, '') };
}

function tlsFiles(env: Env): Pick<Config, 'tls'> {
  const certFile = env.TLS_CERT_FILE;
  const keyFile = env.TLS_KEY_FILE;
  if (!certFile && !keyFile) return {};
  if (!certFile || !keyFile) throw new ConfigError(certFile ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE', 'TLS_CERT_FILE and TLS_KEY_FILE go together');
  return { tls: { certFile, keyFile } };
}

/** Parse the environment. In production every secret must be set; in development they default to
 *  documented development-only values so that `npm start` needs nothing. */
export function loadConfig(env: Env, partnerModules: readonly PartnerModule[]): Config {
  const mode = str(env, 'NODE_ENV', 'development');
  const envName: Config['env'] = mode === 'production' ? 'production' : mode === 'test' ? 'test' : 'development';
  const production = envName === 'production';
  const secret = (name: string, devDefault: string): string => {
    const v = env[name];
    if (v) return v;
    if (production) throw new ConfigError(name, 'must be set in production');
    return devDefault;
  };

  const homeRegion = str(env, 'HOME_REGION', '330681');
  if (!/^\d{6}$/.test(homeRegion)) throw new ConfigError('HOME_REGION', `must be a six-digit GB/T 2260 code, got "${homeRegion}"`);
  const port = int(env, 'PORT', 8080, 0, 65535);
  const dataDir = str(env, 'DATA_DIR', 'data/gateway');
  const jwtSecret = secret('AUTH_JWT_SECRET', DEV_JWT_SECRET);
  if (jwtSecret.length < 32) throw new ConfigError('AUTH_JWT_SECRET', 'must be at least 32 characters');

  const partners: Record<string, PartnerSettings> = {};
  const inboundPartners: Record<string, InboundCredentials> = {};
  for (const m of partnerModules) {
    const settings: Record<string, string> = {};
    for (const [key, spec] of Object.entries(m.settings)) {
      const name = `PARTNER_${m.region}_${key}`;
      const value = env[name] || (production ? undefined : spec.devDefault);
      if (value !== undefined) settings[key] = value;
      else if (!spec.optional) throw new ConfigError(name, production ? 'must be set in production' : 'must be set (the partner gives it no development default)');
    }
    partners[m.region] = Object.freeze(settings);
    inboundPartners[m.region] = Object.freeze({
      appId: str(env, `INBOUND_${m.region}_APP_ID`, `partner-${m.region}`),
      secret: secret(`INBOUND_${m.region}_SECRET`, `dev-only-inbound-secret-${m.region}`),
    });
  }

  const config: Config = {
    env: envName,
    host: str(env, 'HOST', '127.0.0.1'),
    port,
    ...tlsFiles(env),
    // no proxy is trusted unless configured: otherwise any client could invent its X-Forwarded-For
    trustProxy: str(env, 'TRUST_PROXY', 'false'),
    publicBaseUrl: str(env, 'PUBLIC_BASE_URL', `http://127.0.0.1:${port}`).replace(/\/$/, ''),
    dataDir,
    store: storeSetting(env, str(env, 'DATA_DIR', 'data/gateway')),
    storeFsync: bool(env, 'STORE_FSYNC', true),
    instanceId: instanceIdOf(env),
    ...instanceUrlOf(env),
    heapGrowthPercent: int(env, 'HEAP_GROWTH_PERCENT', 50, 0, 300),
    auditAnchorIntervalS: int(env, 'AUDIT_ANCHOR_INTERVAL_S', 300, 1, 86400),
    ...(env.WORK_CALENDAR_DIR ? { workCalendarDir: env.WORK_CALENDAR_DIR } : {}),
    logLevel: str(env, 'LOG_LEVEL', envName === 'test' ? 'silent' : 'info'),
    homeRegion,
    windowName: str(env, 'WINDOW_NAME', '诸暨市行政服务中心跨域通办窗口'),
    auth: {
      jwtSecret,
      tokenTtlSeconds: int(env, 'AUTH_TOKEN_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
      loginMaxFailures: int(env, 'AUTH_LOGIN_MAX_FAILURES', 5, 1, 100),
      loginMaxFailuresPerAddress: int(env, 'AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS', 20, 1, 10000),
      loginLockSeconds: int(env, 'AUTH_LOGIN_LOCK_SECONDS', 900, 1, 86400),
      seedDemoUsers: bool(env, 'SEED_DEMO_USERS', !production),
    },
    handoff: {
      maxAttempts: int(env, 'HANDOFF_MAX_ATTEMPTS', 10, 1, 100),
      backoffMs: intList(env, 'HANDOFF_BACKOFF_MS', [1000, 5000, 30000, 120000, 600000, 1800000, 3600000, 7200000, 21600000]),
      jitter: Number(str(env, 'HANDOFF_JITTER', '0.2')),
      concurrency: int(env, 'HANDOFF_CONCURRENCY', 32, 1, 1000),
      timeoutMs: int(env, 'HANDOFF_TIMEOUT_MS', 10000, 100, 600000),
      pollIntervalMs: int(env, 'POLL_INTERVAL_MS', 30000, 50, 86400000),
    },
    inbound: {
      clockSkewSeconds: int(env, 'INBOUND_CLOCK_SKEW_SECONDS', 300, 1, 3600),
      maxBodyBytes: int(env, 'INBOUND_MAX_BODY_BYTES', 50 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      unauthenticatedBodyBudgetBytes: int(env, 'UNAUTH_BODY_BUDGET_BYTES', 64 * 1024 * 1024, 64 * 1024, 4 * 1024 * 1024 * 1024),
    },
    refusalSlowDown: {
      after: int(env, 'REFUSAL_SLOWDOWN_AFTER', 10, 0, 1_000_000),
      windowS: int(env, 'REFUSAL_SLOWDOWN_WINDOW_S', 60, 1, 3600),
      maxDelayMs: int(env, 'REFUSAL_SLOWDOWN_MAX_MS', 2000, 100, 60_000),
    },
    maxUploadBytes: int(env, 'MAX_UPLOAD_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    receipts: {
      ...(env.RECEIPT_SIGNING_KEY_FILE ? { signingKeyFile: env.RECEIPT_SIGNING_KEY_FILE } : {}),
      renderThreads: int(env, 'RECEIPT_RENDER_THREADS', 0, 0, 16),
      ...(env.RECEIPT_RENDER_THREAD_HEAP_MB ? { renderThreadHeapMb: int(env, 'RECEIPT_RENDER_THREAD_HEAP_MB', 256, 1, 4096) } : {}),
    },
    partners: Object.freeze(partners),
    inboundPartners: Object.freeze(inboundPartners),
    piiKeys: piiKeys(env, dataDir, production),
    remoteWindow: remoteWindowConfig(env, port),
  };
  if (!(config.handoff.jitter >= 0 && config.handoff.jitter < 1)) throw new ConfigError('HANDOFF_JITTER', 'must be a number in [0, 1)');
  // instances sharing one database must share its keys: the signing key (documents, anchors) and the
  // keyring that seals personal data, each a file of its own that every instance is given
  if (config.store.engine === 'postgres' && production && !config.receipts.signingKeyFile) {
    throw new ConfigError('RECEIPT_SIGNING_KEY_FILE', 'must be set with STORE=postgres in production: every instance signs with the same key');
  }
  const largest = Math.max(config.inbound.maxBodyBytes, config.maxUploadBytes);
  if (config.inbound.unauthenticatedBodyBudgetBytes < largest) {
    throw new ConfigError('UNAUTH_BODY_BUDGET_BYTES', `must be at least INBOUND_MAX_BODY_BYTES and MAX_UPLOAD_BYTES (${largest}), or no such body could ever be read`);
  }
  return deepFreeze(config);
}

/** where the keyring lives when PII_KEYS_FILE is unset (development, test): beside the data directory, not in it */
export function defaultPiiKeysFile(dataDir: string): string {
  return path.join(`${path.resolve(dataDir)}.keys`, 'pii-keys.json');
}

/** the path with every symbolic link of its existing part resolved, so a link cannot hide where it is */
function realPath(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realPath(parent), path.basename(abs));
  }
}

function piiKeys(env: Env, dataDir: string, production: boolean): Config['piiKeys'] {
  const set = env.PII_KEYS_FILE;
  if (!set && production) throw new ConfigError('PII_KEYS_FILE', 'must be set in production (make the keyring with: npm run pii-keys -- init --file <path outside DATA_DIR>)');
  const file = path.resolve(set || defaultPiiKeysFile(dataDir));
  const rel = path.relative(realPath(dataDir), realPath(file));
  // whoever has a copy of the data directory must not have the key with it
  if (rel === '' || !(rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))) {
    throw new ConfigError('PII_KEYS_FILE', `must lie outside DATA_DIR (${file} is inside ${path.resolve(dataDir)})`);
  }
  if (production && !existsSync(file)) throw new ConfigError('PII_KEYS_FILE', `names no file (${file}); make the keyring with: npm run pii-keys -- init --file ${file}`);
  return { file, create: !production };
}

function remoteWindowConfig(env: Env, port: number): RemoteWindowConfig {
  const rtcMinPort = int(env, 'RW_RTC_MIN_PORT', 40000, 1024, 65535);
  const rtcMaxPort = int(env, 'RW_RTC_MAX_PORT', 49999, 1024, 65535);
  const workers = int(env, 'RW_WORKERS', Math.max(1, os.availableParallelism()), 1, 64);
  if (rtcMaxPort - rtcMinPort + 1 < workers * 10) throw new ConfigError('RW_RTC_MAX_PORT', `leaves fewer than 10 RTC ports per worker (RW_RTC_MIN_PORT=${rtcMinPort}, RW_WORKERS=${workers})`);
  const listenIp = str(env, 'RW_LISTEN_IP', '127.0.0.1');
  if (!isIP(listenIp)) throw new ConfigError('RW_LISTEN_IP', `must be an IP address, got "${listenIp}"`);
  const announcedIp = env.RW_ANNOUNCED_IP || undefined;
  if (announcedIp !== undefined && !isIP(announcedIp)) throw new ConfigError('RW_ANNOUNCED_IP', `must be an IP address, got "${announcedIp}"`);
  return {
    enabled: bool(env, 'RW_ENABLED', true),
    workers,
    // the path scripts/setup.sh installs Debian's mediasoup-worker 3.8.4 to
    workerBin: str(env, 'MEDIASOUP_WORKER_BIN', '/usr/lib/x86_64-linux-gnu/mediasoup/mediasoup-worker'),
    listenIp,
    ...(announcedIp ? { announcedIp } : {}),
    rtcMinPort,
    rtcMaxPort,
    emptyTimeoutS: int(env, 'RW_EMPTY_TIMEOUT_S', 300, 5, 86400),
    // a phone switching networks must get at least 30 s to come back (issue 3)
    reconnectGraceS: int(env, 'RW_RECONNECT_GRACE_S', 60, 30, 3600),
    joinTtlS: int(env, 'RW_JOIN_TTL_S', 1800, 60, 7 * 86400),
    waitingTimeoutS: int(env, 'RW_WAITING_TIMEOUT_S', 900, 10, 86400),
    publicUrl: str(env, 'RW_PUBLIC_URL', str(env, 'PUBLIC_BASE_URL', `http://127.0.0.1:${port}`)).replace(/\/$/, ''),
    heartbeatMs: 10_000,
  };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
