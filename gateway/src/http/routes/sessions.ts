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

/** these operations take an optional body: none is the same as {} */
const emptyBody: RequestHandler = (req, _res, next) => {
  req.body ??= {};
  next();
};

export function sessionsRouter(core: Core, tokens: TokenService, remote: RemoteWindow | undefined): Router {
  const r = Router();
  const clerk = requireClerk(tokens, core.now);
  const rw = (): RemoteWindow => {
    if (!remote) throw new GatewayError('REMOTE_WINDOW_DISABLED', '远程帮办服务未启用（RW_ENABLED=false）');
    return remote;
  };
  const me = (res: Response) => toIdentity(clerkOf(res));
  const sessionId = (p: { sessionId?: unknown }) => String(p.sessionId);

  r.post('/sessions', clerk, emptyBody, validateBody('createSession'), async (req, res) => {
    const created = await viaRemote(res, () => rw().createSession(me(res), { ...(req.body?.caseId ? { caseId: req.body.caseId } : {}) }));
    res.status(201).location(`/api/sessions/${created.sessionId}`).json(created);
  });

  r.get('/sessions', clerk, async (_req, res) => {
    res.json(await viaRemote(res, () => rw().listSessions(me(res))));
  });

  r.get('/sessions/:sessionId', clerk, async (req, res) => {
    res.json(await viaRemote(res, () => rw().getSession(me(res), sessionId(req.params))));
  });

  r.post('/sessions/:sessionId/end', clerk, emptyBody, validateBody('endSession'), async (req, res) => {
    res.json(await viaRemote(res, () => rw().endSession(me(res), sessionId(req.params), req.body?.reason)));
  });

  r.post('/sessions/:sessionId/invitations', clerk, async (req, res) => {
    res.status(201).json(await viaRemote(res, () => rw().invitePartnerClerk(me(res), sessionId(req.params))));
  });

  r.post('/sessions/:sessionId/tickets', clerk, emptyBody, validateBody('issueSessionTicket'), async (req, res) => {
    res.status(201).json(await viaRemote(res, () => rw().issueSessionTicket(me(res), sessionId(req.params))));
  });

  r.post('/rw/join', validateBody('joinSession'), async (req, res) => {
    const { code, joinToken, displayName, device } = req.body as { code?: string; joinToken?: string; displayName: string; device?: 'phone' | 'pc' };
    res.status(201).json(await viaRemote(res, () => rw().joinSession(req.ip ?? 'unknown', { ...(code ? { code } : {}), ...(joinToken ? { joinToken } : {}), displayName, ...(device ? { device } : {}) })));
  });

  return r;
}
