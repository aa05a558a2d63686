import { SignalError, found, type HandlerSpec } from '../types.js';

export const muteParticipant: HandlerSpec<'muteParticipant'> = {
  clerkOnly: true,
  handle({ session }, d) {
    const p = found(session.participants.get(d.participantId), `participant ${d.participantId}`);
    if (p.state !== 'admitted') throw new SignalError('CONFLICT', 'this person is not in the session');
    p.send('muteRequested', { source: d.source });
    return {};
  },
};
