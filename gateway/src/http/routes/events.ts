// GET /api/events (contracts/gateway.yaml, streamCaseEvents): a clerk's screen is told when a case of
// their region changes — on this instance or, on PostgreSQL, on any other (LISTEN/NOTIFY) — as
// server-sent events. Only ids, numbers and states: no personal data.
import { Router, type Response } from 'express';
import type { Core } from '../../deps.js';
import type { TokenService } from '../../auth/tokens.js';
import { assertMay, canSee } from '../../auth/permissions.js';
import { clerkOf, requireClerk } from '../clerkAuth.js';

const HEARTBEAT_MS = 25_000;

/** the open streams, so that a stopping gateway can end them (a server only closes once they are gone) */
export type OpenStreams = Set<Response>;

export function eventsRouter(core: Core, tokens: TokenService, open: OpenStreams): Router {
  const r = Router();
  r.get('/events', requireClerk(tokens, core.now), (req, res) => {
    const clerk = clerkOf(res);
    assertMay(clerk, 'case.read');
    res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    res.write(': connected\n\n');
    open.add(res);
    const unsubscribe = core.changes.subscribe((c) => {
      if (!canSee(clerk, c)) return;
      res.write(`event: case\nid: ${c.caseId}:${c.version}\ndata: ${JSON.stringify({ caseId: c.caseId, caseNo: c.caseNo, status: c.status, version: c.version, updatedAt: c.updatedAt })}\n\n`);
    });
    const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      open.delete(res);
      clearInterval(beat);
      unsubscribe();
    });
  });
  return r;
}
