// The door of /rw/ws: the upgrade is refused with a plain HTTP 401 before any WebSocket exists unless
// the URL carries a valid, unused, unexpired ticket or a current resume token.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { CloseCode } from '../../protocol.js';
import type { RwCore } from '../core.js';
import type { Participant } from '../participant.js';
import type { Session } from '../session.js';
import type { TicketGrant } from '../tickets.js';
import { serveConnection } from './connection.js';

/** a capture is ≤ 8 MiB, i.e. ≈ 11 MiB of base64 inside its frame */
export const MAX_FRAME_BYTES = 12 * 1024 * 1024;

type Target = { session: Session; grant: TicketGrant } | { session: Session; participant: Participant };

function refuse(socket: Duplex, status: 401 | 404, text: string): void {
  const body = `${text}\n`;
  socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Not Found'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  socket.destroy();
}

function resolveTarget(rw: RwCore, params: URLSearchParams): Target | undefined {
  const ticket = params.get('ticket');
  const resume = params.get('resume');
  if (ticket) {
    const grant = rw.tickets.consume(ticket);
    const session = grant && rw.registry.get(grant.sessionId);
    return session && grant ? { session, grant } : undefined;
  }
  if (resume) {
    const ref = rw.resumeTokens.lookup(resume);
    const session = ref && rw.registry.get(ref.sessionId);
    const participant = session?.participants.get(ref!.participantId);
    return session && participant && participant.state !== 'left' ? { session, participant } : undefined;
  }
  return undefined;
}

/** a clerk who opens the panel again takes over their own place instead of appearing twice */
function participantFor(session: Session, grant: TicketGrant): Participant {
  if (grant.username) {
    for (const p of session.participants.values()) if (p.username === grant.username && p.role === grant.role && p.state !== 'left') return p;
  }
  return session.addParticipant(grant);
}

export function createUpgradeHandler(rw: RwCore): { handle(req: IncomingMessage, socket: Duplex, head: Buffer): boolean; close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  return {
    handle(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== rw.settings.wsPath) return false;
      const target = resolveTarget(rw, url.searchParams);
      if (!target || target.session.closed) {
        refuse(socket, 401, 'a valid ticket or resume token is required');
        return true;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        const { session } = target;
        if (session.closed) return ws.close(CloseCode.SESSION_ENDED, 'session ended');
        const participant = 'participant' in target ? target.participant : participantFor(session, target.grant);
        if (participant.state === 'left') return ws.close(CloseCode.SESSION_ENDED, 'gone');
        serveConnection(ws, session, participant, rw.settings.heartbeatMs);
      });
      return true;
    },
    close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
