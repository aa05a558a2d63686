// The report of one decision of ours on an inbound case (a handoff step 'report-…'), as the partner port
// sees it: the facts the decision carried when it was taken (case.decisions, by step), our signed
// document of the step (rendered by the step's render job before the report became due) and, with
// 办结, the result document. Nothing is rendered here; every retry sends the same.
import type { CaseRecord, HandoffJob } from '../domain/case.js';
import type { DecisionReport, ReportDocument } from '../ports/partner.js';
import { reportSlot } from '../receipts/inboundFacts.js';

export function toDecisionReport(c: CaseRecord, job: HandoffJob, readBlob: (blob: string) => Promise<Buffer>): DecisionReport {
  const d = c.decisions?.find((x) => x.step === job.step);
  if (!d || !c.inbound) throw new Error(`case ${c.id}: no decision for report step ${job.step}`);
  const ours = (c.documents ?? []).filter((x) => x.slot === reportSlot(job.step) && !x.copy);
  if (ours.length === 0) throw new Error(`case ${c.id}: the document of report step ${job.step} is not rendered (its render step has not run)`);
  const files: Array<ReportDocument & { blob: string }> = ours.map((x) => ({ type: x.type, title: x.title, fileName: x.fileName, mediaType: 'application/pdf', size: x.size, sha256: x.sha256, blob: x.id }));
  const result = c.result?.document;
  if (d.decision === 'completed' && result) {
    files.push({ type: 'result', title: d.result?.documentName ?? c.result!.documentName, fileName: result.fileName, mediaType: result.mediaType, size: result.size, sha256: result.sha256, blob: result.blob });
  }
  return {
    partnerCaseNo: c.inbound.partnerCaseNo, caseNo: c.caseNo, handlingRegion: c.handlingRegion, decision: d.decision, step: job.step, idempotencyKey: job.idempotencyKey,
    occurredAt: d.at, decidedBy: { department: d.by.department, clerk: d.by.clerk },
    ...(d.promisedAt ? { promisedAt: d.promisedAt } : {}),
    ...(d.missing ? { missing: d.missing.map((m) => ({ ...m })) } : {}),
    ...(d.note ? { note: d.note } : {}),
    ...(d.reason ? { reason: d.reason } : {}),
    ...(d.legalBasis ? { legalBasis: d.legalBasis } : {}),
    ...(d.result ? { result: { ...d.result, delivery: { ...d.result.delivery } } } : {}),
    ...(d.delivered ? { delivered: { ...d.delivered } } : {}),
    documents: files.map(({ blob: _blob, ...doc }) => doc),
    async readDocument(name) {
      const f = files.find((x) => x.fileName === name);
      if (!f) throw new Error(`report ${job.step} carries no document named ${name}`);
      return readBlob(f.blob);
    },
  };
}
