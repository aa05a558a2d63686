// hello: the first frame on every (re)connection. Enters the person the first time; on a resume,
// tells the others they are back. Rotates the resume token either way.
import type { HandlerSpec } from '../types.js';
import { enter } from '../../waitingRoom.js';
import { REJOIN_REASON } from '../../session.js';

export const hello: HandlerSpec<'hello'> = {
  whileWaiting: true,
  handle({ session, participant: p }, d) {
    if (d.device) p.device = d.device;
    if (d.displayName && p.role === 'applicant' && !p.entered) p.displayName = d.displayName.trim() || p.displayName;
    const resumed = p.entered;
    if (!p.entered) enter(session, p);
    else if (p.reconnecting) {
      p.reconnecting = false;
      session.broadcast('participantReconnected', { participantId: p.id }, { about: p, except: p });
      session.evidence('session.reconnected', p.actor, { participantId: p.id, role: p.role });
    }
    if (p.missedRejoin) {
      p.missedRejoin = false;
      // after the answer: the client first learns where it stands, then that its media must be rebuilt
      setImmediate(() => p.send('rejoinRequired', { reason: REJOIN_REASON }));
    }
    const admitted = p.state === 'admitted';
    return {
      sessionId: session.id,
      participantId: p.id,
      role: p.role,
      state: p.publicState,
      resumeToken: session.resumeTokens.rotate(session.id, p.id),
      resumed,
      ...(session.caseRef ? { caseNo: session.caseRef.caseNo } : {}),
      participants: session.participantViews(p),
      producers: admitted ? session.producerViews() : [],
      chat: admitted ? [...session.chat] : [],
    };
  },
};
