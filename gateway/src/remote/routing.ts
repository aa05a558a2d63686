// Remote-window sessions reached through any gateway instance (issue 11). A session lives on the instance
// whose mediasoup router hosts it; the store's session routes say which one a key leads to (session id,
// join code, join link token; tickets and resume tokens name their session). A request or a signalling
// upgrade for a session hosted elsewhere is forwarded to that instance's INSTANCE_URL, once: the
// forwarded request carries X-Kytb-Forwarded-By and is answered where it lands, never forwarded again.
// X-Forwarded-For is extended on the way (xfwd), so the host, trusting its peers through TRUST_PROXY,
// counts the applicant's own address in its rate limits.
import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'express';
import { Readable, type Duplex } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';
import { sessionIdOfToken, type SessionRoutes } from '../../../remote-window/src/server/index.js';
import type { InstanceDirectory, InstanceRef, RouteKey } from '../store/sql/instances.js';
import type { Logger } from '../log.js';
import { GatewayError } from '../errors.js';
import { sendProblem } from '../http/problem.js';

export const FORWARDED_BY = 'x-kytb-forwarded-by';

export interface SessionRouting {
  /** the other live instance this key leads to; undefined: this one, nobody, or the request was forwarded already */
  elsewhere(req: IncomingMessage, key: RouteKey): Promise<InstanceRef | undefined>;
  /** another live instance running the remote window (a new session, asked of one that does not run it) */
  anyRemoteWindow(req: IncomingMessage): Promise<InstanceRef | undefined>;
  /** the other live instances running the remote window (none for a forwarded request) */
  peers(req: IncomingMessage): Promise<InstanceRef[]>;
  /** answer the request by the instance `to`; `body`: what was parsed already (the stream is spent) */
  forward(req: Request, res: Response, to: InstanceRef, body?: unknown): void;
  /** the signalling socket: to its session's host when that is another instance; otherwise `local` */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, local: ((req: IncomingMessage, socket: Duplex, head: Buffer) => boolean) | undefined): Promise<void>;
  /** the remote window's port for announcing its sessions' keys */
  routes: SessionRoutes;
}

export interface SessionRoutingOptions {
  instanceId: string;
  directory: InstanceDirectory;
  logger: Logger;
  /** the signalling socket's path (/rw/ws) */
  wsPath: string;
}

const isForwarded = (req: IncomingMessage): boolean => req.headers[FORWARDED_BY] !== undefined;

export function createSessionRouting({ instanceId, directory, logger, wsPath }: SessionRoutingOptions): SessionRouting {
  const log = logger.child({ module: 'rw.routing' });
  const proxy = createProxyServer({ xfwd: true, proxyTimeout: 30_000, headers: { [FORWARDED_BY]: instanceId } });
  // http-proxy-3 relays a host's answer that is not an upgrade (a refused ticket's 401) without listening
  // for errors on it: a host closing the connection right after its answer (as a refusal does) would
  // then be an unhandled 'error' event that ends this instance. Seen under load in the full suite.
  proxy.on('proxyReqWs', (proxyReq) => {
    proxyReq.on('response', (answer) => {
      answer.on('error', (err) => log.debug({ err }, 'the host closed its refusal of a signalling socket'));
    });
  });
  // Any error the proxy raises without a callback of ours to take it (writing a relayed refusal to a client
  // that has already gone: EPIPE) is thrown by http-proxy-3 unless the proxy has an 'error' listener of
  // its own, and a throw there ended this instance. Seen under load: the client's socket is closed, the
  // request is over, nothing is left to answer.
  proxy.on('error', (err, _req, target) => {
    log.debug({ err }, 'a forwarded remote-window connection failed after it was answered');
    if (target && 'destroy' in target && typeof target.destroy === 'function') (target as { destroy(): void }).destroy();
  });
  const others = async (): Promise<InstanceRef[]> => (await directory.live()).filter((i) => i.remoteWindow && i.instanceId !== instanceId);

  async function elsewhere(req: IncomingMessage, key: RouteKey): Promise<InstanceRef | undefined> {
    if (isForwarded(req)) return undefined;
    const host = await directory.hostOf(key);
    return host && host.instanceId !== instanceId ? host : undefined;
  }

  function unavailable(res: Response, to: InstanceRef, err: Error): void {
    log.warn({ err, instance: to.instanceId }, 'forwarding a remote-window request to its host failed');
    sendProblem(res, new GatewayError('SESSION_HOST_UNAVAILABLE', `会话所在的网关实例（${to.instanceId}）暂时无法访问，请稍后重试`, undefined, { retryAfterS: 5 }));
  }

  return {
    elsewhere,
    async anyRemoteWindow(req) {
      if (isForwarded(req)) return undefined;
      const candidates = await others();
      return candidates[Math.floor(Math.random() * candidates.length)];
    },
    async peers(req) {
      return isForwarded(req) ? [] : others();
    },
    forward(req, res, to, body) {
      // express routers cut their mount path off req.url; the host gets the path the client asked for
      req.url = req.originalUrl;
      let buffer: Readable | undefined;
      if (body !== undefined) {
        const bytes = Buffer.from(JSON.stringify(body));
        delete req.headers['transfer-encoding'];
        req.headers['content-length'] = String(bytes.length);
        req.headers['content-type'] = 'application/json';
        buffer = Readable.from([bytes]);
      }
      log.debug({ instance: to.instanceId, path: req.url }, 'forwarding to the session’s host');
      proxy.web(req, res, { target: to.url, ...(buffer ? { buffer } : {}) }, (err) => unavailable(res, to, err as Error));
    },
    async upgrade(req, socket, head, local) {
      socket.on('error', () => socket.destroy());
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === wsPath) {
        const token = url.searchParams.get('ticket') ?? url.searchParams.get('resume');
        const sessionId = token ? sessionIdOfToken(token) : undefined;
        const host = sessionId ? await elsewhere(req, { kind: 'session', key: sessionId }).catch((err: unknown) => {
          log.warn({ err }, 'looking up a signalling socket’s session failed');
          return undefined;
        }) : undefined;
        if (host) {
          proxy.ws(req, socket, head, { target: host.url }, (err) => {
            log.warn({ err, instance: host.instanceId }, 'forwarding a signalling socket to its host failed');
            socket.destroy();
          });
          return;
        }
      }
      if (!local?.(req, socket, head)) socket.destroy();
    },
    routes: {
      claim: ({ sessionId, code, joinToken }) => directory.claim(sessionId, [
        { kind: 'session', key: sessionId }, { kind: 'code', key: code }, { kind: 'join', key: joinToken },
      ]),
      retire(sessionId) {
        directory.retire(sessionId).catch((err: unknown) => log.warn({ err, sessionId }, 'retiring a session’s routes failed; its code stays taken until this instance is gone'));
      },
    },
  };
}
