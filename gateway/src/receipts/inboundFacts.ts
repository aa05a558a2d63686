// The documents we issue as 办理地, one per decision on an inbound case, each read off the decision it
// belongs to (case.decisions, by report step), so that a late render states what was decided then, not
// where the case is now. Issued by the deciding unit; personal data masked as on every document.
import { ID_TYPES, type CaseRecord, type DocumentType, type InboundDecisionEntry } from '../domain/case.js';
import { maskIdNumber } from '../domain/mask.js';
import type { AnyFacts, AsHandlingRegion } from './facts.js';
import { common, materialLines, type DueDocument, type FactsContext } from './factsFromCase.js';
import { deliveryWords } from './text.js';

/** the document each report step carries */
export const REPORT_DOCUMENT: Readonly<Record<InboundDecisionEntry['decision'], DocumentType>> = {
  accepted: 'acceptance_notice',
  needs_supplement: 'supplement_notice',
  rejected: 'rejection_notice',
  completed: 'completion_notice',
  delivered: 'delivery_receipt',
};

/** the slot of a report step's document: one original per step */
export const reportSlot = (step: string): string => `report:${step}`;

export function inboundDueDocuments(c: CaseRecord): DueDocument[] {
  return (c.decisions ?? []).map((d) => ({ slot: reportSlot(d.step), type: REPORT_DOCUMENT[d.decision], facts: (rec, ctx) => factsOf(rec, d, ctx) }));
}

function factsOf(c: CaseRecord, d: InboundDecisionEntry, ctx: FactsContext): AnyFacts {
  const head = <T extends DocumentType>(type: T) => ({ ...common(c, type, ctx), issuer: { region: c.handlingRegion, window: d.by.department } });
  const inbound: AsHandlingRegion = { partnerCaseNo: c.inbound?.partnerCaseNo ?? '', department: d.by.department, clerkName: d.by.clerk };
  const applicantName = c.applicant.name;
  switch (d.decision) {
    case 'accepted': {
      const a = c.applicant;
      return {
        ...head('acceptance_notice'),
        body: {
          inbound, acceptedAt: d.at, materials: materialLines(c), promisedDays: c.promisedDays, promisedAt: d.promisedAt ?? d.at, delivery: deliveryWords(c.delivery),
          applicant: { kind: a.kind, name: a.name, idTypeLabel: ID_TYPES[a.idType], idNumberMasked: a.kind === 'organization' ? a.idNumber : maskIdNumber(a.idNumber) },
        },
      };
    }
    case 'needs_supplement': {
      const round = (c.decisions ?? []).filter((x) => x.decision === 'needs_supplement' && x.at <= d.at).length;
      return { ...head('supplement_notice'), body: { inbound, round, requestedAt: d.at, missing: (d.missing ?? []).map((m) => m.name), ...(d.note ? { note: d.note } : {}), applicantName } };
    }
    case 'rejected':
      return { ...head('rejection_notice'), body: { inbound, applicantName, rejectedAt: d.at, reason: d.reason ?? '', legalBasis: d.legalBasis ?? '' } };
    case 'completed': {
      const r = d.result!;
      const doc = c.result?.document;
      return {
        ...head('completion_notice'),
        body: {
          inbound, completedAt: d.at, documentName: r.documentName, ...(r.certificateNo ? { certificateNo: r.certificateNo } : {}),
          ...(doc ? { resultDocument: { fileName: doc.fileName, size: doc.size, sha256: doc.sha256 } } : {}),
          delivery: deliveryWords({ byPost: r.delivery.method === 'post', electronic: r.delivery.method === 'electronic', ...(r.delivery.trackingNo ? { trackingNo: r.delivery.trackingNo } : {}) }),
          ...(r.delivery.trackingNo ? { trackingNo: r.delivery.trackingNo } : {}), applicantName,
        },
      };
    }
    case 'delivered': {
      const x = d.delivered!;
      return {
        ...head('delivery_receipt'),
        body: {
          inbound, deliveredAt: x.at, method: x.method, ...(x.trackingNo ? { trackingNo: x.trackingNo } : {}),
          documentName: c.result?.documentName ?? '办理结果', ...(c.result?.certificateNo ? { certificateNo: c.result.certificateNo } : {}),
          clerkName: d.by.clerk, applicantName,
        },
      };
    }
  }
}
