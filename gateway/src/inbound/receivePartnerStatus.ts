// receivePartnerStatus: a partner reports progress (by callback or by our polling). Duplicates (same
// eventId) change nothing; stale or out-of-order reports are recorded and change nothing else; a result
// document is hashed, and stored in the transaction that points the case at it. The rules are the pure
// transition applyPartnerStatus (domain/transitions.ts).
import { createHash } from 'node:crypto';
import { GatewayError } from '../errors.js';
import { applyPartnerStatus, recordPartnerExchanges, type StatusOutcome } from '../domain/transitions.js';
import type { PartnerExchange, PartnerStatusUpdate } from '../ports/partner.js';
import type { Core } from '../deps.js';

export type { StatusOutcome } from '../domain/transitions.js';

/** a poll's exchanges (or a fetch's) in the case's audit trail, unless its answer repeats the last one recorded */
export async function recordPolledExchanges(core: Core, caseId: string, partner: string, operation: string, exchanges: PartnerExchange[]): Promise<void> {
  if (exchanges.length === 0) return;
  await core.store.updateCase(caseId, (c) => {
    const next = recordPartnerExchanges(c, { at: core.now().toISOString(), partner, operation, exchanges });
    Object.assign(c, next.case);
    return next.events;
  });
}

export async function findCaseIdForUpdate(core: Core, partner: string, u: PartnerStatusUpdate): Promise<string> {
  const id = (await core.store.findCaseIdByPartnerRef(partner, u.partnerRef)) ?? (u.caseNo ? await core.store.findCaseIdByNo(u.caseNo) : undefined);
  if (!id) throw new GatewayError('CASE_NOT_FOUND', `找不到合作地区办件 ${u.partnerRef}${u.caseNo ? `（${u.caseNo}）` : ''}`);
  return id;
}

/**
 * `evidence`: how the report reached us, kept with it in the audit trail (a callback's SHA-256 and the
 * exchanges it took, e.g. fetching a result by URL)
 */
export async function receivePartnerStatus(core: Core, partner: string, u: PartnerStatusUpdate, evidence?: Record<string, unknown>): Promise<StatusOutcome> {
  const caseId = await findCaseIdForUpdate(core, partner, u);
  const doc = u.result?.document;
  let stored: { blob: string; sha256: string; size: number; bytes: Buffer } | undefined;
  if (doc) {
    const bytes = Buffer.from(doc.contentBase64, 'base64');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (doc.sha256 && doc.sha256.toLowerCase() !== sha256) {
      throw new GatewayError('VALIDATION_FAILED', '结果文书的 SHA-256 与声明不符', [{ field: '/result/document/sha256', message: 'mismatch' }]);
    }
    stored = { blob: `result-${sha256.slice(0, 16)}`, sha256, size: bytes.length, bytes };
  }
  // a partner repeating itself (the usual duplicate) is answered without a write
  if ((await core.store.getCase(caseId))?.partnerEventIds?.includes(u.eventId)) {
    core.metrics.partnerCallbacks.inc({ partner, outcome: 'duplicate' });
    return 'duplicate';
  }
  let outcome: StatusOutcome = 'ignored';
  // the duplicate check, the move and the result document in one transaction: of two identical reports
  // racing each other (on one instance or several) one is applied, the other is its duplicate
  await core.store.updateCase(caseId, (c) => {
    const next = applyPartnerStatus(c, { partner, report: u, at: core.now().toISOString(), ...(stored ? { resultDocument: stored } : {}), ...(evidence ? { evidence } : {}) });
    outcome = next.outcome;
    Object.assign(c, next.case);
    return next.events;
  }, { blobs: (c) => (stored && outcome === 'applied' && c.result?.document?.blob === stored.blob ? [{ name: stored.blob, bytes: stored.bytes }] : []) });
  core.metrics.partnerCallbacks.inc({ partner, outcome });
  // 补齐补正通知书 / 办结通知: rendered off this path (the partner is waiting for our answer)
  if ((outcome as StatusOutcome) === 'applied') core.documents.schedule(caseId);
  return outcome;
}
