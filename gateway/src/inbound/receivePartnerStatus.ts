// receivePartnerStatus: a partner reports progress (by callback or by our polling). Duplicates (same
// eventId) and stale or out-of-order reports are recorded and change nothing; a result document is
// stored and hashed before the case points at it.
import { createHash } from 'node:crypto';
import { GatewayError } from '../errors.js';
import type { CaseRecord } from '../domain/case.js';
import { planPartnerStatus } from '../domain/stateMachine.js';
import type { PartnerStatusUpdate } from '../ports/partner.js';
import type { NewEvent } from '../store/types.js';
import type { Core } from '../deps.js';

export type StatusOutcome = 'applied' | 'duplicate' | 'ignored';

export async function findCaseIdForUpdate(core: Core, partner: string, u: PartnerStatusUpdate): Promise<string> {
  const id = (await core.store.findCaseIdByPartnerRef(partner, u.partnerRef)) ?? (u.caseNo ? await core.store.findCaseIdByNo(u.caseNo) : undefined);
  if (!id) throw new GatewayError('CASE_NOT_FOUND', `找不到合作地区办件 ${u.partnerRef}${u.caseNo ? `（${u.caseNo}）` : ''}`);
  return id;
}

export async function receivePartnerStatus(core: Core, partner: string, u: PartnerStatusUpdate): Promise<StatusOutcome> {
  const caseId = await findCaseIdForUpdate(core, partner, u);
  const doc = u.result?.document;
  let stored: { name: string; sha256: string; size: number; bytes: Buffer } | undefined;
  if (doc) {
    const bytes = Buffer.from(doc.contentBase64, 'base64');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (doc.sha256 && doc.sha256.toLowerCase() !== sha256) {
      throw new GatewayError('VALIDATION_FAILED', '结果文书的 SHA-256 与声明不符', [{ field: '/result/document/sha256', message: 'mismatch' }]);
    }
    stored = { name: `result-${sha256.slice(0, 16)}`, sha256, size: bytes.length, bytes };
  }
  let outcome: StatusOutcome = 'ignored';
  const events = await core.store.events(caseId);
  if (events.some((e) => e.type.startsWith('partner.status_') && e.data.eventId === u.eventId)) {
    core.metrics.partnerCallbacks.inc({ partner, outcome: 'duplicate' });
    return 'duplicate';
  }
  if (stored) await core.store.putBlob(caseId, stored.name, stored.bytes);
  await core.store.updateCase(caseId, (c) => {
    if (c.partner !== partner) throw new GatewayError('CASE_NOT_FOUND', `办件 ${c.caseNo} 不属于该合作地区`);
    const result = apply(core, c, partner, u, stored);
    outcome = result.outcome;
    return result.events;
  });
  core.metrics.partnerCallbacks.inc({ partner, outcome });
  // 补齐补正通知书 / 办结通知: rendered off this path (the partner is waiting for our answer)
  if ((outcome as StatusOutcome) === 'applied') core.documents.schedule(caseId);
  return outcome;
}

function apply(core: Core, c: CaseRecord, partner: string, u: PartnerStatusUpdate, doc?: { name: string; sha256: string; size: number }): { outcome: StatusOutcome; events: NewEvent[] } {
  const at = core.now().toISOString();
  const actor = `partner:${partner}`;
  const facts = { eventId: u.eventId, partnerStatus: u.partnerStatus, reported: u.status, occurredAt: u.occurredAt };
  // The partner acted on the case before we recorded its acknowledgement (e.g. we crashed in between).
  if (c.status === 'received' && u.status !== 'forwarded') {
    c.status = 'forwarded';
    c.partnerRef ??= u.partnerRef;
  }
  const plan = planPartnerStatus(c.status, u.status);
  if (plan !== 'apply') {
    return { outcome: 'ignored', events: [{ at, actor, type: 'partner.status_ignored', data: { ...facts, current: c.status, why: plan } }] };
  }
  const from = c.status;
  c.status = u.status;
  c.partnerRef ??= u.partnerRef;
  c.updatedAt = at;
  const events: NewEvent[] = [{ at, actor, type: 'partner.status_received', data: facts }];
  if (u.status === 'needs_supplement') c.supplement = { missing: u.missing ?? [], ...(u.note ? { note: u.note } : {}), requestedAt: u.occurredAt };
  if (u.status === 'rejected') c.rejection = { reason: u.reason ?? '（未说明理由）', at: u.occurredAt };
  if (u.status === 'completed' && u.result) {
    c.result = {
      documentName: u.result.documentName,
      ...(u.result.certificateNo ? { certificateNo: u.result.certificateNo } : {}),
      ...(doc && u.result.document ? { document: { fileName: u.result.document.fileName, mediaType: u.result.document.mediaType, size: doc.size, sha256: doc.sha256, blob: doc.name } } : {}),
      completedAt: u.occurredAt,
      ...(u.result.delivery ? { delivery: u.result.delivery } : {}),
    };
    events.push({ at, actor, type: 'partner.result_received', data: { eventId: u.eventId, documentName: u.result.documentName, sha256: doc?.sha256 ?? null, trackingNo: u.result.delivery?.trackingNo ?? null } });
  }
  events.push({ at, actor, type: 'case.status_changed', data: { from, to: u.status } });
  return { outcome: 'applied', events };
}
