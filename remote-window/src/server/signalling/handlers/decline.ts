import { SignalError, found, type HandlerSpec } from '../types.js';
import { decline as declinePerson } from '../../waitingRoom.js';

export const decline: HandlerSpec<'decline'> = {
  clerkOnly: true,
  handle({ session, participant: clerk }, d) {
    const p = found(session.participants.get(d.participantId), `participant ${d.participantId}`);
    if (p.state !== 'waiting' || !p.entered) throw new SignalError('CONFLICT', 'this person is not waiting');
    declinePerson(session, clerk, p, d.reason);
    return {};
  },
};
