// 远程帮办 sessions (contracts/gateway.yaml, tag 远程帮办). Thin: parse, call one remote-window use
// case, answer. joinSession is public (applicants have no account); the rest need a clerk.
import { Router, type RequestHandler, type Response } from 'express';
import type { RemoteWindow } from '../../../../remote-window/src/server/index.js';
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

export function sessionsRouter(core: Core, tokens: TokenService, budget: BodyBudget, remote: RemoteWindow | undefined): Router {
  const r = Router();
  const signedIn = requireClerk(tokens, core.now);
  // who may do it (permissions.ts), then the body: nobody's body is read before that
  const body = jsonBody({ limit: SESSION_MAX_BYTES });
  const clerk = (action: Action): RequestHandler => chain(signedIn, (_req, res, next) => { assertMay(clerkOf(res), action); next(); }, body);
  const rw = (): RemoteWindow => {
    if (!remote) throw new GatewayError('REMOTE_WINDOW_DISABLED', '远程帮办服务未启用（RW_ENABLED=false）');
    return remote;
  };
  const me = (res: Response) => toIdentity(clerkOf(res));
  const sessionId = (p: { sessionId?: unknown }) => String(p.sessionId);

  r.post('/sessions', clerk('session.create'), emptyBody, validateBody('createSession'), async (req, res) => {
    const created = await viaRemote(() => rw().createSession(me(res), { ...(req.body?.caseId ? { caseId: req.body.caseId } : {}) }));
    res.status(201).location(`/api/sessions/${created.sessionId}`).json(created);
  });

  r.get('/sessions', clerk('session.join'), async (_req, res) => {
    res.json(await viaRemote(() => rw().listSessions(me(res))));
  });

  r.get('/sessions/:sessionId', clerk('session.join'), async (req, res) => {
    res.json(await viaRemote(() => rw().getSession(me(res), sessionId(req.params))));
  });

  r.post('/sessions/:sessionId/end', clerk('session.manage'), emptyBody, validateBody('endSession'), async (req, res) => {
    res.json(await viaRemote(() => rw().endSession(me(res), sessionId(req.params), req.body?.reason)));
  });

  r.post('/sessions/:sessionId/invitations', clerk('session.manage'), async (req, res) => {
    res.status(201).json(await viaRemote(() => rw().invitePartnerClerk(me(res), sessionId(req.params))));
  });

  r.post('/sessions/:sessionId/tickets', clerk('session.join'), emptyBody, validateBody('issueSessionTicket'), async (req, res) => {
    res.status(201).json(await viaRemote(() => rw().issueSessionTicket(me(res), sessionId(req.params))));
  });

  r.post('/rw/join', jsonBody({ limit: JOIN_MAX_BYTES, budget }), validateBody('joinSession'), async (req, res) => {
    const { code, joinToken, displayName, device } = req.body as { code?: string; joinToken?: string; displayName: string; device?: 'phone' | 'pc' };
    res.status(201).json(await viaRemote(() => rw().joinSession(req.ip ?? 'unknown', { ...(code ? { code } : {}), ...(joinToken ? { joinToken } : {}), displayName, ...(device ? { device } : {}) })));
  });

  return r;
}
