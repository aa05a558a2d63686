// Which clerk may do what with a session: the clerks of the region that opened it, and clerks of the
// partner region once invited (三方连线).
import { RwError } from '../errors.js';
import type { RwCore } from '../core.js';
import type { ClerkIdentity } from '../ports.js';
import type { Session } from '../session.js';

export function openSession(rw: RwCore, sessionId: string): Session {
  const s = rw.registry.get(sessionId);
  if (s && !s.closed) return s;
  const ended = rw.registry.endedReason(sessionId);
  if (ended !== undefined) throw new RwError('SESSION_ENDED', `远程帮办会话已结束：${ended}`);
  throw new RwError('SESSION_NOT_FOUND', `远程帮办会话 ${sessionId} 不存在`);
}

/** the region whose clerk can be invited as the third party: the other side of the case */
export function partnerRegionOf(s: Session): string | undefined {
  const c = s.caseRef;
  if (!c) return undefined;
  return c.handlingRegion !== s.owner.region ? c.handlingRegion : c.receivingRegion !== s.owner.region ? c.receivingRegion : undefined;
}

export function isInvited(rw: RwCore, s: Session, region: string): boolean {
  const until = s.invitations.get(region);
  return until !== undefined && until > rw.deps.now().getTime();
}

export type Access = 'own' | 'partner';

export function assertAccess(rw: RwCore, s: Session, clerk: ClerkIdentity): Access {
  if (clerk.region === s.owner.region) return 'own';
  if (isInvited(rw, s, clerk.region)) return 'partner';
  if (clerk.region === partnerRegionOf(s)) throw new RwError('INVITATION_REQUIRED', '需由发起会话的窗口邀请后才能加入三方连线');
  throw new RwError('FORBIDDEN', '不能访问其他地区的远程帮办会话');
}
