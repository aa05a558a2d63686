// One signalling socket: frames are parsed, checked against their method's schema and the caller's
// standing, and dispatched to the method's handler. A bad frame gets a typed error; the socket and
// the session go on. A ping every heartbeat notices dead peers (then they may resume).
import type { WebSocket, RawData } from 'ws';
import type { Method, ResponseFrame, SignalErrorCode } from '../../protocol.js';
import type { Participant, PeerLink } from '../participant.js';
import type { Session } from '../session.js';
import { SlidingWindow } from '../rateLimit.js';
import { HANDLERS } from './handlers/index.js';
import { SignalError, type HandlerContext, type HandlerSpec } from './types.js';
import { describe, isMethod, paramsProblem, validateFrame } from './validate.js';

/** frames per 10 s one socket may send; far above what a client needs (stats every 2 s) */
const FRAME_BUDGET = 300;

export function serveConnection(ws: WebSocket, session: Session, p: Participant, heartbeatMs: number): void {
  const link: PeerLink = {
    send: (frame) => { if (ws.readyState === ws.OPEN) ws.send(frame); },
    close: (code, reason) => ws.close(code, reason),
  };
  const budget = new SlidingWindow(10_000, FRAME_BUDGET, 1);
  session.attach(p, link);

  let alive = true;
  ws.on('pong', () => { alive = true; });
  const heartbeat = setInterval(() => {
    if (!alive) {
      ws.terminate();
      return;
    }
    alive = false;
    ws.ping();
  }, heartbeatMs);

  const reply = (frame: ResponseFrame) => link.send(JSON.stringify(frame));
  const fail = (id: number | null, code: SignalErrorCode, message: string) => reply({ id, ok: false, error: { code, message } });

  ws.on('message', (raw: RawData, isBinary: boolean) => {
    if (p.link !== link) return; // replaced by a newer socket
    const now = Date.now();
    if (budget.blockedForMs('*', now) > 0) return fail(null, 'RATE_LIMITED', 'too many frames');
    budget.hit('*', now);
    if (isBinary) return fail(null, 'BAD_MESSAGE', 'frames are JSON text');
    let frame: unknown;
    try {
      frame = JSON.parse(raw.toString());
    } catch {
      return fail(null, 'BAD_MESSAGE', 'not JSON');
    }
    const id = typeof (frame as { id?: unknown })?.id === 'number' ? (frame as { id: number }).id : null;
    if (!validateFrame(frame)) return fail(id, 'BAD_MESSAGE', `frame: ${describe(validateFrame.errors)}`);
    const { method, data } = frame as { id: number; method: string; data: unknown };
    if (!isMethod(method)) return fail(id, 'UNKNOWN_METHOD', `unknown method ${method}`);
    void dispatch(method, data).then(
      (result) => reply({ id: id!, ok: true, data: result as never }),
      (err: unknown) => {
        if (err instanceof SignalError) return fail(id, err.code, err.message);
        session.log.error({ err, method }, 'signalling handler failed');
        fail(id, 'INTERNAL', 'internal error');
      },
    );
  });

  async function dispatch(method: Method, data: unknown): Promise<unknown> {
    if (session.closed || p.state === 'left') throw new SignalError('SESSION_ENDED', 'the session has ended');
    const spec = HANDLERS[method] as HandlerSpec<Method>;
    if (!p.entered && method !== 'hello') throw new SignalError('NOT_ADMITTED', 'send hello first');
    if (spec.clerkOnly && p.role !== 'clerk') throw new SignalError('FORBIDDEN', `${method} is for the session's clerk`);
    if (p.state === 'waiting' && !spec.whileWaiting) throw new SignalError('NOT_ADMITTED', 'still in the waiting room');
    const problem = paramsProblem(method, data);
    if (problem) throw new SignalError('BAD_MESSAGE', `${method}: ${problem}`);
    const ctx: HandlerContext = { session, participant: p };
    return spec.handle(ctx, data as never);
  }

  ws.on('close', () => {
    clearInterval(heartbeat);
    session.detach(p, link);
  });
  ws.on('error', (err) => session.log.warn({ err, participantId: p.id }, 'signalling socket error'));
}
