import { SignalError, found, type HandlerSpec } from '../types.js';
import { admit as admitPerson } from '../../waitingRoom.js';

export const admit: HandlerSpec<'admit'> = {
  clerkOnly: true,
  handle({ session, participant: clerk }, d) {
    const p = found(session.participants.get(d.participantId), `participant ${d.participantId}`);
    if (p.state !== 'waiting' || !p.entered) throw new SignalError('CONFLICT', 'this person is not waiting');
    admitPerson(session, clerk, p);
    return {};
  },
};
