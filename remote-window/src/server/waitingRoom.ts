// The waiting room: every person who enters is announced to the clerks (each one, not only the
// first); the clerk admits or declines; a person who waits too long is told so and let go.
import { CloseCode } from '../protocol.js';
import type { Participant } from './participant.js';
import type { Session } from './session.js';

/** first hello: the others learn about this person */
export function enter(session: Session, p: Participant): void {
  p.entered = true;
  if (p.state === 'waiting') {
    p.waitingSince = session.nowIso();
    p.waitingTimer = setTimeout(() => expire(session, p), session.settings.waitingTimeoutMs);
    session.broadcast('participantWaiting', { participant: p.view() }, { to: (o) => o.isClerk });
    session.evidence('session.participant_waiting', p.actor, { participantId: p.id, role: p.role, device: p.device ?? null });
  } else {
    session.broadcast('participantJoined', { participant: p.view() }, { about: p, except: p });
    session.evidence('session.participant_joined', p.actor, { participantId: p.id, role: p.role, region: p.region ?? null });
  }
}

export function admit(session: Session, by: Participant, p: Participant): void {
  p.state = 'admitted';
  clearTimeout(p.waitingTimer);
  p.waitingTimer = undefined;
  // what the newcomer could not see while waiting: who is here and what they send, told before
  // 'admitted' so that the client consumes all of it at once when admitted
  for (const other of session.visibleTo(p)) if (other !== p) p.send('participantJoined', { participant: other.view() });
  for (const producer of session.producerViews()) if (producer.participantId !== p.id) p.send('newProducer', producer);
  p.send('admitted', {});
  session.broadcast('participantJoined', { participant: p.view() }, { about: p, except: p });
  session.evidence('session.admitted', by.actor, { participantId: p.id, role: p.role });
}

export function decline(session: Session, by: Participant, p: Participant, reason: string): void {
  p.send('declined', { reason });
  session.evidence('session.declined', by.actor, { participantId: p.id, reason });
  session.leave(p, 'declined', { code: CloseCode.DECLINED, text: 'declined' });
}

function expire(session: Session, p: Participant): void {
  if (p.state !== 'waiting' || session.closed) return;
  const reason = '等待时间过长，请重新扫码或输入加入码';
  p.send('expired', { reason });
  session.evidence('session.waiting_expired', 'system', { participantId: p.id, waitedMs: session.settings.waitingTimeoutMs });
  session.leave(p, 'timeout', { code: CloseCode.EXPIRED, text: 'expired' });
}
