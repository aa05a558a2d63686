// The clerk grabs a still of a participant's video (e.g. a document in document mode). It is checked
// and hashed here and kept in memory only: nothing is stored until that person consents.
import { SignalError, found, type HandlerSpec } from '../types.js';
import { decodeStill } from '../../captures.js';

export const captureStill: HandlerSpec<'captureStill'> = {
  clerkOnly: true,
  async handle({ session, participant: clerk }, d) {
    if (!session.caseRef) throw new SignalError('CONFLICT', '本会话未关联办件（无办件帮办），不能拍摄材料');
    // the case as it is now, not as it was when the session began
    const current = await session.deps.loadCase(session.owner, session.caseRef.caseId);
    if (!current.ok) throw new SignalError('CONFLICT', current.detail);
    if (!current.case.materialsEditable) throw new SignalError('CONFLICT', `办件 ${current.case.caseNo} 已提交，仅草稿或补正阶段可拍摄材料`);
    const from = found(session.participants.get(d.fromParticipantId), `participant ${d.fromParticipantId}`);
    if (from.state !== 'admitted' || from === clerk) throw new SignalError('CONFLICT', 'can only capture an admitted participant other than yourself');
    const still = decodeStill(d.imageBase64, d.mediaType);
    if (!still.ok) throw new SignalError('BAD_MESSAGE', still.reason);
    const capture = session.captures.add({
      fromParticipantId: from.id, byParticipantId: clerk.id, bytes: still.bytes, mediaType: d.mediaType, sha256: still.sha256,
      ...(d.note ? { note: d.note } : {}), at: session.deps.now().getTime(),
    });
    if (!capture) throw new SignalError('RATE_LIMITED', 'too many captures await consent');
    from.send('captureRequested', { captureId: capture.captureId, mediaType: d.mediaType, imageBase64: d.imageBase64, sha256: still.sha256, ...(d.note ? { note: d.note } : {}) });
    session.evidence('session.capture_requested', clerk.actor, { captureId: capture.captureId, participantId: from.id, sha256: still.sha256, size: still.bytes.length });
    return { captureId: capture.captureId, sha256: still.sha256 };
  },
};
