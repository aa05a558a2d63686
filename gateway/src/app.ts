// createApp: the express app of the gateway, built from its dependencies. No listening here.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ROOT } from './root.js';
import express, { type Express, type Request } from 'express';
import type { Core } from './deps.js';
import type { TokenService } from './auth/tokens.js';
import type { createLogin } from './auth/login.js';
import { logContext } from './log.js';
import { notFound, problemHandler } from './http/problem.js';
import { clerkRouter } from './http/routes/clerk.js';
import { inboundRouter } from './http/routes/inbound.js';
import { opsRouter } from './http/routes/ops.js';
import { authRouter } from './http/routes/auth.js';
import { documentsRouter } from './http/routes/documents.js';
import { sessionsRouter } from './http/routes/sessions.js';
import type { RemoteWindow } from '../../remote-window/src/server/index.js';

export interface AppDeps {
  core: Core;
  tokens: TokenService;
  login: ReturnType<typeof createLogin>;
  isReady(): boolean;
  /** the remote window (远程帮办), absent when RW_ENABLED=false */
  remote?: RemoteWindow;
}

const WEB_DIR = path.join(ROOT, 'gateway/web');
const RW_WEB_DIR = path.join(ROOT, 'remote-window/web');

/** TRUST_PROXY: a number of hops, true/false, or addresses and subnets (Express's own forms) */
function trustProxySetting(v: string): string | number | boolean {
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  return v;
}

export function createApp({ core, tokens, login, isReady, remote }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(core.config.trustProxy));

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

  app.use(express.json({
    limit: core.config.inbound.maxBodyBytes,
    type: ['application/json', 'application/*+json'],
    verify: (req, _res, buf) => { (req as Request & { rawBody?: Buffer }).rawBody = Buffer.from(buf); },
  }));

  app.use(opsRouter(core, isReady));
  app.use('/api/auth', authRouter(login));
  app.use('/api/inbound', inboundRouter(core));
  app.use('/api', documentsRouter(core, tokens));
  app.use('/api', sessionsRouter(core, tokens, remote));
  app.use('/api', clerkRouter(core, tokens));
  // no-cache: browsers revalidate (ETag) so a new release is picked up at once.
  app.use(express.static(WEB_DIR, { index: 'index.html', maxAge: 0, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
  // 远程帮办 pages: the applicant page answers the code box and the join link's deep path
  app.get(['/rw', '/rw/', '/rw/join', '/rw/j/:joinToken'], (_req, res) => { res.setHeader('Cache-Control', 'no-cache'); res.sendFile(path.join(RW_WEB_DIR, 'index.html')); });
  app.use('/rw', express.static(RW_WEB_DIR, { index: false, maxAge: 0, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
  app.use(notFound);
  app.use(problemHandler(core.logger));
  return app;
}
