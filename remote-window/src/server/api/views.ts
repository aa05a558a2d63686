// What the HTTP operations answer about a session: built field by field.
import type { ClerkIdentity } from '../ports.js';
import type { Session } from '../session.js';

export const joinUrlOf = (publicUrl: string, s: Session): string => `${publicUrl}/rw/j/${s.joinToken}`;
export const clerkPanelPath = (s: Session): string => `/rw/clerk.html?session=${encodeURIComponent(s.id)}`;

/** the session's own clerk and clerks of its region see the join code and link; invited partners do not */
export function toSessionView(s: Session, viewer: ClerkIdentity, publicUrl: string) {
  const ownRegion = viewer.region === s.owner.region;
  return {
    sessionId: s.id,
    status: s.closed ? 'ended' : 'open',
    walkIn: !s.caseRef,
    caseId: s.caseRef?.caseId ?? null,
    caseNo: s.caseRef?.caseNo ?? null,
    itemName: s.caseRef?.itemName ?? null,
    createdAt: s.createdAt.toISOString(),
    createdBy: { username: s.owner.username, name: s.owner.name, region: s.owner.region },
    expiresAt: s.expiresAt.toISOString(),
    ...(ownRegion ? { code: s.code, joinUrl: joinUrlOf(publicUrl, s) } : {}),
    clerkPanelUrl: clerkPanelPath(s),
    invitedRegions: [...s.invitations.keys()],
    participants: [...s.participants.values()].filter((p) => p.entered && p.state !== 'left').map((p) => ({
      participantId: p.id, role: p.role, displayName: p.displayName, state: p.publicState, device: p.device ?? null, joinedAt: p.joinedAt,
    })),
  };
}
