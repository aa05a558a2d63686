// 远程帮办 sessions (contracts/gateway.yaml, tag 远程帮办). Thin: parse, call one remote-window use
// case, answer. joinSession is public (applicants have no account); the rest need a clerk. A request for
// a session another instance hosts is forwarded there (remote/routing.ts), before its body is read when
// the path names the session, after it when the body does (a join's code or link token).
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { CodeGuard, type RemoteWindow } from '../../../../remote-window/src/server/index.js';
import { FORWARDED_BY, type SessionRouting } from '../../remote/routing.js';
import type { Core } from '../../deps.js';
import type { TokenService } from '../../auth/tokens.js';
import { GatewayError } from '../../errors.js';
import { toIdentity } from '../../remote/port.js';
import { viaRemote } from '../../remote/errors.js';
import { validateBody } from '../validate.js';
import { clerkOf, requireClerk } from '../clerkAuth.js';
import { chain, jsonBody, type BodyBudget } from '../body.js';
import { assertMay, type Action } from '../../auth/permissions.js';

/** the join form (a code or a link's token, a display name, a device) and clerks' small session bodies */
const JOIN_MAX_BYTES = 4 * 1024;
const SESSION_MAX_BYTES = 4 * 1024;

/** these operations take an optional body: none is the same as {} (a body of JSON null is not none) */
const emptyBody: RequestHandler = (req, _res, next) => {
  if (req.body === undefined) req.body = {};
  next();
};

export function sessionsRouter(core: Core, tokens: TokenService, budget: BodyBudget, remote: RemoteWindow | undefined, routing: SessionRouting): Router {
  const r = Router();
  const signedIn = requireClerk(tokens, core.now);
  // who may do it (permissions.ts), then the body: nobody's body is read before that
  const body = jsonBody({ limit: SESSION_MAX_BYTES });
  const may = (action: Action): RequestHandler => (_req, res, next) => { assertMay(clerkOf(res), action); next(); };
  // a session hosted by another instance is answered there, body and all
  const hosted: RequestHandler = async (req, res, next) => {
    const host = await routing.elsewhere(req, { kind: 'session', key: sessionId(req.params) });
    if (host) routing.forward(req, res, host);
    else next();
  };
  const clerk = (action: Action): RequestHandler => chain(signedIn, may(action), body);
  // (separate handlers, not one chain: a chain is a router of its own, which does not see :sessionId)
  const clerkOfSession = (action: Action): RequestHandler[] => [chain(signedIn, may(action)), hosted, body];
  // without a remote window of its own this instance still keeps applicants from guessing codes through it
  const guard = remote?.codeGuard ?? new CodeGuard(core.now);
  const rw = (): RemoteWindow => {
    if (!remote) throw new GatewayError('REMOTE_WINDOW_DISABLED', '远程帮办服务未启用（RW_ENABLED=false）');
    return remote;
  };
  const me = (res: Response) => toIdentity(clerkOf(res));
  const sessionId = (p: { sessionId?: unknown }) => String(p.sessionId);

  // without a remote window here, a new session is made on an instance that runs one
  const createdElsewhere: RequestHandler = async (req, res, next) => {
    const host = remote ? undefined : await routing.anyRemoteWindow(req);
    if (host) routing.forward(req, res, host);
    else next();
  };

  r.post('/sessions', chain(signedIn, may('session.create'), createdElsewhere, body), emptyBody, validateBody('createSession'), async (req, res) => {
    const created = await viaRemote(() => rw().createSession(me(res), { ...(req.body?.caseId ? { caseId: req.body.caseId } : {}) }));
    res.status(201).location(`/api/sessions/${created.sessionId}`).json(created);
  });

  // the clerk's sessions on every live instance
  r.get('/sessions', clerk('session.join'), async (req, res) => {
    const peers = await routing.peers(req);
    const here = remote || peers.length === 0 ? (await viaRemote(() => rw().listSessions(me(res)))).items : [];
    const there = await Promise.all(peers.map((p) => listedBy(p.url, p.instanceId, req)));
    res.json({ items: [...here, ...there.flat()] });
  });

  r.get('/sessions/:sessionId', ...clerkOfSession('session.join'), async (req, res) => {
    res.json(await viaRemote(() => rw().getSession(me(res), sessionId(req.params))));
  });

  r.post('/sessions/:sessionId/end', ...clerkOfSession('session.manage'), emptyBody, validateBody('endSession'), async (req, res) => {
    res.json(await viaRemote(() => rw().endSession(me(res), sessionId(req.params), req.body?.reason)));
  });

  r.post('/sessions/:sessionId/invitations', ...clerkOfSession('session.manage'), async (req, res) => {
    res.status(201).json(await viaRemote(() => rw().invitePartnerClerk(me(res), sessionId(req.params))));
  });

  r.post('/sessions/:sessionId/tickets', ...clerkOfSession('session.join'), emptyBody, validateBody('issueSessionTicket'), async (req, res) => {
    res.status(201).json(await viaRemote(() => rw().issueSessionTicket(me(res), sessionId(req.params))));
  });

  r.post('/rw/join', jsonBody({ limit: JOIN_MAX_BYTES, budget }), validateBody('joinSession'), async (req, res) => {
    const { code, joinToken, displayName, device } = req.body as { code?: string; joinToken?: string; displayName: string; device?: 'phone' | 'pc' };
    const ip = req.ip ?? 'unknown';
    // an address refused for guessing here asks nobody else either
    if (code) await viaRemote(() => guard.assertMayTryCode(ip));
    const host = await routing.elsewhere(req, joinToken ? { kind: 'join', key: joinToken } : { kind: 'code', key: code ?? '' });
    if (host) return routing.forward(req, res, host, req.body);
    if (!remote && code) guard.wrongCode(ip);
    res.status(201).json(await viaRemote(() => rw().joinSession(ip, { ...(code ? { code } : {}), ...(joinToken ? { joinToken } : {}), displayName, ...(device ? { device } : {}) })));
  });

  /** another instance's own sessions of this clerk; an instance that does not answer in time is left out */
  async function listedBy(base: string, instanceId: string, req: Request): Promise<unknown[]> {
    try {
      const answer = await fetch(`${base}/api/sessions`, {
        headers: { authorization: req.headers.authorization ?? '', [FORWARDED_BY]: core.config.instanceId },
        signal: AbortSignal.timeout(3000),
      });
      if (!answer.ok) throw new Error(`answered ${answer.status}`);
      return ((await answer.json()) as { items: unknown[] }).items;
    } catch (err) {
      core.logger.warn({ err, instance: instanceId }, 'an instance did not list its sessions; the list goes without them');
      return [];
    }
  }

  return r;
}
