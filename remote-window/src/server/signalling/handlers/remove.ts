import { CloseCode } from '../../../protocol.js';
import { SignalError, found, type HandlerSpec } from '../types.js';

export const remove: HandlerSpec<'remove'> = {
  clerkOnly: true,
  handle({ session, participant: clerk }, d) {
    const p = found(session.participants.get(d.participantId), `participant ${d.participantId}`);
    if (p === clerk) throw new SignalError('CONFLICT', 'use leave or endSession to go yourself');
    p.send('removed', { reason: d.reason });
    session.evidence('session.removed', clerk.actor, { participantId: p.id, role: p.role, reason: d.reason });
    session.leave(p, 'removed', { code: CloseCode.REMOVED, text: 'removed' });
    return {};
  },
};
