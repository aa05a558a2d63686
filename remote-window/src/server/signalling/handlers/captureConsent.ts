// The person in the still consents (it becomes a material of the case, with the hash computed here)
// or refuses (nothing is stored). Either way the outcome goes into the case's audit trail.
import { SignalError, found, type HandlerSpec } from '../types.js';

export const captureConsent: HandlerSpec<'captureConsent'> = {
  async handle({ session, participant: p }, d) {
    const pending = found(session.captures.get(d.captureId), `capture ${d.captureId}`);
    if (pending.fromParticipantId !== p.id) throw new SignalError('FORBIDDEN', 'only the person in the still can decide');
    const capture = session.captures.take(d.captureId)!;
    const caseRef = session.caseRef!;
    const clerk = session.participants.get(capture.byParticipantId);
    let materialId: string | undefined;
    if (d.granted) {
      try {
        ({ materialId } = await session.deps.attachCapture({
          caseId: caseRef.caseId, sessionId: session.id, captureId: capture.captureId, bytes: capture.bytes, mediaType: capture.mediaType, sha256: capture.sha256,
          clerk: { username: clerk?.username ?? session.owner.username, name: clerk?.displayName ?? session.owner.name, region: clerk?.region ?? session.owner.region },
          ...(capture.note ? { note: capture.note } : {}),
        }));
      } catch (err) {
        session.evidence('session.capture_failed', p.actor, { captureId: capture.captureId, sha256: capture.sha256, reason: err instanceof Error ? err.message : String(err) });
        throw new SignalError('CONFLICT', `材料未能保存：${err instanceof Error ? err.message : String(err)}`);
      }
      session.evidence('session.capture_consented', p.actor, { captureId: capture.captureId, sha256: capture.sha256, materialId, size: capture.bytes.length });
    } else {
      session.evidence('session.capture_refused', p.actor, { captureId: capture.captureId, sha256: capture.sha256 });
    }
    const outcome = { captureId: capture.captureId, granted: d.granted, sha256: capture.sha256, ...(materialId ? { materialId } : {}) };
    session.broadcast('captureResolved', outcome, { except: p });
    return outcome;
  },
};
