// createApp: the express app of the gateway, built from its dependencies. No listening here.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ROOT } from './root.js';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Core } from './deps.js';
import type { TokenService } from './auth/tokens.js';
import type { Login } from './auth/login.js';
import { logContext } from './log.js';
import { notFound, problemHandler } from './http/problem.js';
import { createBodyBudget, unreadBodyCloses } from './http/body.js';
import { slowRefusals } from './http/slowRefusals.js';
import { methodNotAllowed } from './http/methods.js';
import { gatewayContract } from './http/validate.js';
import { clerkRouter } from './http/routes/clerk.js';
import { decisionsRouter } from './http/routes/decisions.js';
import { inboundRouter } from './http/routes/inbound.js';
import { inboundPollsRouter } from './http/routes/inboundPolls.js';
import { opsRouter } from './http/routes/ops.js';
import { authRouter } from './http/routes/auth.js';
import { documentsRouter } from './http/routes/documents.js';
import { sessionsRouter } from './http/routes/sessions.js';
import { eventsRouter, type OpenStreams } from './http/routes/events.js';
import type { RemoteWindow } from '../../remote-window/src/server/index.js';
import type { SessionRouting } from './remote/routing.js';

export interface AppDeps {
  core: Core;
  tokens: TokenService;
  login: Login;
  isReady(): boolean;
  /** the remote window (远程帮办), absent when RW_ENABLED=false */
  remote?: RemoteWindow;
  /** where the sessions other instances host are answered (remote/routing.ts) */
  routing: SessionRouting;
}

const WEB_DIR = path.join(ROOT, 'gateway/web');
const RW_WEB_DIR = path.join(ROOT, 'remote-window/web');

/** TRUST_PROXY: a number of hops, true/false, or addresses and subnets (Express's own forms) */
function trustProxySetting(v: string): string | number | boolean {
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  return v;
}

/** pages and API alike: no inline script or style, no framing, no referrer, no MIME sniffing */
function securityHeaders(tls: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:', 'mediastream:'],
        fontSrc: ["'self'", 'data:'],
        // 'self' covers the remote window's ws:/wss: signalling on the same host and port
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(tls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: tls ? { maxAge: 15552000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

export function createApp({ core, tokens, login, isReady, remote, routing }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(core.config.trustProxy));
  // what requests that are not authenticated yet may hold in memory, all together
  const budget = createBodyBudget(core.config.inbound.unauthenticatedBodyBudgetBytes);

  app.use((req, res, next) => {
    const given = req.header('X-Request-Id');
    const requestId = given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const route = (req.route?.path as string | undefined) ?? 'unmatched';
      core.metrics.httpRequests.observe({ method: req.method, route: `${req.baseUrl}${route}`, status: String(res.statusCode) }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    logContext.run({ requestId }, next);
  });
  app.use(unreadBodyCloses);
  app.use(securityHeaders(Boolean(core.config.tls)));
  // API answers carry personal data: never stored by a browser or a proxy (a route may say otherwise)
  app.use('/api', (_req, res, next) => { res.setHeader('Cache-Control', 'no-store'); next(); });

  app.use(opsRouter(core, isReady));
  const slow = slowRefusals(core.config.refusalSlowDown);
  app.post(['/api/auth/login', '/api/rw/join', '/api/receipts/verify'], slow);
  app.use('/api/inbound', slow);
  app.use('/api/auth', authRouter(login, budget));
  app.use('/api/inbound', inboundRouter(core, budget));
  app.use('/api/inbound', inboundPollsRouter(core, budget));
  app.use('/api', documentsRouter(core, tokens, budget));
  app.use('/api', sessionsRouter(core, tokens, budget, remote, routing));
  // the server-sent event streams of clerks' screens: ended by a stopping gateway (endStreams)
  const streams: OpenStreams = new Set();
  app.locals.endStreams = () => { for (const res of streams) res.end(); };
  app.use('/api', eventsRouter(core, tokens, streams));
  app.use('/api', decisionsRouter(core, tokens));
  app.use('/api', clerkRouter(core, tokens));
  // no-cache: browsers revalidate (ETag) so a new release is picked up at once.
  app.use(express.static(WEB_DIR, { index: 'index.html', maxAge: 0, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
  // 远程帮办 pages: the applicant page answers the code box and the join link's deep path
  app.get(['/rw', '/rw/', '/rw/join', '/rw/j/:joinToken'], (_req, res) => { res.setHeader('Cache-Control', 'no-cache'); res.sendFile(path.join(RW_WEB_DIR, 'index.html')); });
  app.use('/rw', express.static(RW_WEB_DIR, { index: false, maxAge: 0, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
  app.use(methodNotAllowed(gatewayContract()));
  app.use(notFound);
  app.use(problemHandler(core.logger));
  return app;
}
