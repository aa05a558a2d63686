// start()/stop(): owns the listening server and everything that runs beside it (store, audit chainer,
// handoff worker, status poller). Tests start it on port 0; main.ts starts it from the environment.
import http, { type Server } from 'node:http';
import https from 'node:https';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import axios, { type AxiosInstance } from 'axios';
import { ConfigError, type Config } from './config.js';
import type { Core, PartnerDirectory } from './deps.js';
import type { PartnerAdapter, PartnerModule } from './ports/partner.js';
import { createLogger, type Logger } from './log.js';
import { createMetrics } from './metrics.js';
import { KeyringError, openKeyringFile, openStore, type Keyring, type SqlDatabase, type SqlTarget } from './store/index.js';
import { createNonceRepository } from './store/sql/nonces.js';
import { createUserRepository } from './store/sql/users.js';
import { createOpenSessionJournal } from './store/sql/openSessions.js';
import { createInstanceDirectory } from './store/sql/instances.js';
import { demoAccounts, demoUserRecords } from './auth/demoUsers.js';
import { DECIDED_HERE } from './domain/catalog.js';
import { catalogOf, unregisteredAgreements } from './domain/catalogOf.js';
import { loadWorkCalendar } from './calendar.js';
import { shanghaiDate, type WorkCalendar } from './domain/workdays.js';
import { regionDirectory } from './domain/region.js';
import { createTokenService } from './auth/tokens.js';
import { createLogin, loginThrottles } from './auth/login.js';
import { createHandoffWorker, type HandoffWorker } from './handoff/worker.js';
import { createStatusPoller, type StatusPoller } from './handoff/poller.js';
import { createApp } from './app.js';
import { answerClientError } from './http/problem.js';
import { loadSigningKey } from './receipts/keys.js';
import { createDocumentService } from './receipts/service.js';
import { assertWorkerBinary, startRemote, type RemoteWindowService } from './remote/index.js';
import { createSessionRouting } from './remote/routing.js';

/** how often an instance tells the others it is up, and after how long without a word it counts as gone */
const HEARTBEAT_MS = 5_000;
const GONE_AFTER_MS = 30_000;
/** how long an ended session's id still leads to its host (which says "ended" rather than "unknown") */
const ENDED_ROUTE_MS = 3_600_000;

export interface StartOptions {
  config: Config;
  partnerModules: readonly PartnerModule[];
  now?: () => Date;
  logger?: Logger;
  /** the HTTP client for partner calls (tests pass one that refuses non-loopback hosts) */
  http?: AxiosInstance;
  /** start the handoff worker and poller (default true) */
  background?: boolean;
}

export interface RunningGateway {
  url: string;
  port: number;
  core: Core;
  worker: HandoffWorker;
  poller: StatusPoller;
  /** the remote window (远程帮办), unless RW_ENABLED=false */
  remote: RemoteWindowService | undefined;
  /** the store's database (for operators' tools and for tests that look at what is stored) */
  database: SqlDatabase;
  /** graceful: stop accepting, finish the jobs in flight, chain the audit, close the store */
  stop(): Promise<void>;
}

/** the keyring of personal data at rest; a file that cannot be used stops the start, naming PII_KEYS_FILE */
async function loadPiiKeys(config: Config): Promise<Keyring> {
  try {
    return await openKeyringFile(config.piiKeys);
  } catch (e) {
    if (e instanceof KeyringError) throw new ConfigError('PII_KEYS_FILE', `(${config.piiKeys.file}) ${e.message}`);
    throw e;
  }
}

export function partnerDirectory(modules: readonly PartnerModule[], config: Config): PartnerDirectory {
  const adapters = new Map(modules.map((m) => {
    const callbackUrl = `${config.publicBaseUrl.replace(/\/+$/, '')}/api/inbound/partners/${m.region}/callback`;
    const adapter = m.createAdapter(config.partners[m.region] ?? {}, { callbackUrl });
    assertCapabilitiesMet(adapter);
    return [m.region, adapter] as const;
  }));
  return { get: (region) => adapters.get(region), list: () => [...adapters.values()] };
}

/** from November on, next year's list is due: deadlines into it are provisional until it is added */
function warnOfMissingYear(calendar: WorkCalendar, at: Date, logger: Logger): void {
  const [year, month] = shanghaiDate(at).split('-').map(Number) as [number, number];
  for (const y of [year, ...(month >= 11 ? [year + 1] : [])]) {
    if (!calendar.years.has(y)) logger.warn({ year: y }, `the working-day calendar has no holiday list for ${y}: deadlines counted into it are provisional (weekends only) until its notice is added to WORK_CALENDAR_DIR`);
  }
}

/** an adapter has the methods its declared capabilities need: a wrong declaration stops the start, naming it */
function assertCapabilitiesMet(a: PartnerAdapter): void {
  const missing = [
    ...(a.capabilities.cancel && !a.cancel ? ['cancel'] : []),
    ...(a.capabilities.statusBy === 'polling' && !a.pollStatus ? ['pollStatus'] : []),
    ...(a.capabilities.statusBy === 'callback' ? (['verifyCallback', 'parseCallback', 'callbackReply'] as const).filter((k) => !a[k]) : []),
    ...(a.capabilities.reportsBy === 'poll' ? (['report', 'checkPollHeaders', 'verifyPoll', 'answerPoll', 'pollReply'] as const).filter((k) => !a[k]) : []),
  ];
  if (missing.length > 0) throw new Error(`partner ${a.region} declares capabilities its adapter lacks: ${missing.join(', ')}`);
}

export async function startGateway(opts: StartOptions): Promise<RunningGateway> {
  const { config } = opts;
  const logger = opts.logger ?? createLogger({ level: config.logLevel });
  const now = opts.now ?? (() => new Date());
  // what the partner modules bring, checked before anything is opened: a catalog or a directory that
  // cannot be built stops the start, naming the item or the code
  const catalog = catalogOf(opts.partnerModules, DECIDED_HERE);
  for (const a of unregisteredAgreements(DECIDED_HERE, opts.partnerModules.map((m) => m.region))) {
    logger.warn(a, 'an item we decide is agreed with partner regions this gateway does not run: their cases of it are refused');
  }
  const regions = regionDirectory(opts.partnerModules);
  const { calendar } = loadWorkCalendar(config.workCalendarDir);
  warnOfMissingYear(calendar, now(), logger);
  const accounts = demoAccounts(opts.partnerModules);
  // fail fast, before anything is opened, when the remote window cannot have its media workers
  if (config.remoteWindow.enabled) await assertWorkerBinary(config.remoteWindow.workerBin);
  const keyring = await loadPiiKeys(config);
  const signingKey = await loadSigningKey({ dataDir: config.dataDir, ...(config.receipts.signingKeyFile ? { keyFile: config.receipts.signingKeyFile } : {}) });
  const target: SqlTarget = config.store.engine === 'sqlite'
    ? { engine: 'sqlite', file: config.store.file, fsync: config.storeFsync }
    : { engine: 'postgres', url: config.store.url, poolSize: config.store.poolSize, onPoolError: (err) => logger.warn({ err }, 'a database connection failed; the pool opens a new one') };
  const opened = await openStore({
    target, keyring, now, anchors: { key: signingKey, intervalMs: config.auditAnchorIntervalS * 1000, logger },
    onFeedError: (err) => logger.warn({ err }, 'the change feed lost its database connection; listening again'),
  });
  const { store, audit, database, changes } = opened;
  const anchors = opened.anchors!;
  const nonces = createNonceRepository(database, { ttlMs: 2 * config.inbound.clockSkewSeconds * 1000, now: () => now().getTime() });
  const users = createUserRepository(database);
  if (config.auth.seedDemoUsers) await users.seed(await demoUserRecords(accounts));
  // the remote-window sessions this instance hosts, so that after a crash it ends its own (and only those)
  const sessions = createOpenSessionJournal(database, {
    instanceId: config.instanceId,
    onError: (err, e) => logger.error({ err, sessionId: e.sessionId, type: e.type }, 'noting an open remote session failed'),
  });

  const core: Core = {
    config, store, audit, anchors, now, logger, nonces, sessions, catalog, regions, calendar,
    partners: partnerDirectory(opts.partnerModules, config),
    http: opts.http ?? axios.create({ timeout: config.handoff.timeoutMs, proxy: false, maxRedirects: 0 }),
    metrics: createMetrics(),
    // The worker is created just below; the core only calls this once requests arrive.
    kickHandoffs: () => worker.kick(),
    changes,
    documents: createDocumentService({ store, now, logger, publicBaseUrl: config.publicBaseUrl, regions, signingKey, renderThreads: config.receipts.renderThreads, ...(config.receipts.renderThreadHeapMb ? { renderThreadHeapMb: config.receipts.renderThreadHeapMb } : {}) }),
  };
  const worker: HandoffWorker = createHandoffWorker(core);
  const poller = createStatusPoller(core);
  const tokens = createTokenService(config.auth.jwtSecret, config.auth.tokenTtlSeconds);
  const login = createLogin({ users, tokens, now, ...loginThrottles(database, config.auth) });
  let ready = false;
  // the instances on this database, and which one hosts each remote-window session
  const instances = createInstanceDirectory(database, { instanceId: config.instanceId, now, staleAfterMs: GONE_AFTER_MS, endedRouteMs: ENDED_ROUTE_MS });
  await instances.forgetOwn();
  const routing = createSessionRouting({ instanceId: config.instanceId, directory: instances, logger, wsPath: '/rw/ws' });
  const remote = config.remoteWindow.enabled ? await startRemote(core, routing.routes) : undefined;
  const app = createApp({ core, tokens, login, isReady: () => ready, routing, ...(remote ? { remote: remote.window } : {}) });
  const server: Server = config.tls
    ? https.createServer({ cert: await readFile(config.tls.certFile), key: await readFile(config.tls.keyFile) }, app)
    : http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => { server.off('error', reject); resolve(); });
  });
  const { port } = server.address() as AddressInfo;
  // the remote window's signalling socket (/rw/ws); any other upgrade is not ours
  server.on('clientError', answerClientError);
  // a session another instance hosts is piped through to it
  const local = remote ? (req: Parameters<RemoteWindowService['window']['handleUpgrade']>[0], socket: Parameters<RemoteWindowService['window']['handleUpgrade']>[1], head: Buffer) => remote.window.handleUpgrade(req, socket, head) : undefined;
  server.on('upgrade', (req, socket, head) => {
    routing.upgrade(req, socket, head, local).catch((err: unknown) => {
      logger.error({ err }, 'a WebSocket upgrade failed');
      socket.destroy();
    });
  });
  await instances.arrive({ url: config.instanceUrl ?? `${config.tls ? 'https' : 'http'}://127.0.0.1:${port}`, remoteWindow: remote !== undefined });
  const heartbeat = setInterval(() => {
    instances.heartbeat().catch((err: unknown) => logger.warn({ err }, 'telling the other instances this one is up failed'));
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let unsubscribe = (): void => {};
  if (opts.background !== false) {
    worker.start();
    // a job queued on another instance wakes this one's worker at once (PostgreSQL NOTIFY)
    unsubscribe = changes.subscribe((c) => { if (c.jobs) worker.kick(); });
    poller.start();
  }
  ready = true;
  logger.info({ port, store: config.store.engine, cases: await store.count() }, 'gateway listening');

  let stopping: Promise<void> | undefined;
  return {
    url: `${config.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    core,
    worker,
    poller,
    remote,
    database,
    stop() {
      stopping ??= (async () => {
        ready = false;
        clearInterval(heartbeat);
        await remote?.stop();
        await instances.leave().catch((err: unknown) => logger.warn({ err }, 'striking this instance off the directory failed; the others see it gone within a minute'));
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        (app.locals.endStreams as (() => void) | undefined)?.();
        unsubscribe();
        await worker.stop();
        await poller.stop();
        await closed;
        await core.documents.close();
        await audit.close();
        await anchors.close();
        await store.close();
      })();
      return stopping;
    },
  };
}
