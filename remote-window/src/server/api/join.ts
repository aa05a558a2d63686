// joinSession: an applicant, without an account, trades the join link's token or the 6-digit code
// for a ticket to the signalling socket. Wrong codes are rate-limited per IP and overall.
import { RwError } from '../errors.js';
import type { RwCore } from '../core.js';
import type { Session } from '../session.js';
import { wsUrlOf } from './tickets.js';

export interface JoinInput {
  code?: string;
  joinToken?: string;
  displayName: string;
  device?: 'phone' | 'pc';
}

export function joinSession(rw: RwCore, clientIp: string, input: JoinInput) {
  const session = findByCredential(rw, clientIp, input);
  if (session.expiresAt.getTime() <= rw.deps.now().getTime()) throw new RwError('JOIN_EXPIRED', '加入码或链接已过期，请联系工作人员重新发起');
  rw.guard.assertSessionMayAdmitJoin(session.id);
  const { ticket, expiresAt } = rw.tickets.issue({
    sessionId: session.id, role: 'applicant', displayName: input.displayName.trim(), ...(input.device ? { device: input.device } : {}),
  });
  return { sessionId: session.id, ticket, wsUrl: `${wsUrlOf(rw)}?ticket=${encodeURIComponent(ticket)}`, expiresAt };
}

function findByCredential(rw: RwCore, clientIp: string, input: JoinInput): Session {
  if (input.joinToken) {
    const s = rw.registry.byJoinToken(input.joinToken);
    if (!s) throw new RwError('JOIN_CODE_INVALID', '链接无效或会话已结束');
    return s;
  }
  rw.guard.assertMayTryCode(clientIp);
  const s = rw.registry.byCode(input.code ?? '');
  if (!s) {
    rw.guard.wrongCode(clientIp);
    throw new RwError('JOIN_CODE_INVALID', '加入码不正确或会话已结束');
  }
  return s;
}
