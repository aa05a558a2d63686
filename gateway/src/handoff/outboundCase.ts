// The whitelisted view of a case that an adapter receives: never the stored record itself.
import type { CaseDocument, CaseRecord } from '../domain/case.js';
import type { OutboundCase, OutboundMaterial } from '../ports/partner.js';
import { TRAVEL_CODES } from '../receipts/facts.js';

export function toOutboundCase(c: CaseRecord, receivedBy: { window: string; clerk: string }): OutboundCase {
  return {
    caseNo: c.caseNo,
    itemCode: c.itemCode,
    implementationCode: c.implementationCode,
    itemName: c.itemName,
    kind: c.kind,
    handlingForm: c.handlingForm,
    acceptRegion: c.acceptRegion,
    handlingRegion: c.handlingRegion,
    applicant: { ...c.applicant },
    materials: c.materials.map((m) => ({ id: m.id, code: m.code, name: m.name, fileName: m.fileName, mediaType: m.mediaType, size: m.size, sha256: m.sha256, pages: m.pages })),
    promisedDays: c.promisedDays,
    promisedAt: c.promisedAt ?? c.updatedAt,
    submittedAt: c.submittedAt ?? c.updatedAt,
    delivery: { ...c.delivery },
    receivedBy,
  };
}

/** One of the gateway's signed documents as a material that travels with the case (its blob is named by its id). */
export function travellingDocument(d: CaseDocument): OutboundMaterial {
  return { id: d.id, code: TRAVEL_CODES[d.type] ?? 'KYTB-DOC', name: d.title, fileName: d.fileName, mediaType: 'application/pdf', size: d.size, sha256: d.sha256, pages: d.pages };
}

/** the slots of the documents that travel with a handoff step, in the order they are sent */
export const travellingSlots = (step: string): string[] => ['receipt', `transfer:${step}`];

/**
 * The stored 受理回执 and 材料流转单 of a step, read off the case: the render step made them before the
 * delivery became due, so a delivery (and every retry of it) sends them unchanged and renders nothing.
 */
export function travellingDocuments(c: CaseRecord, step: string): CaseDocument[] {
  return travellingSlots(step).map((slot) => {
    const d = (c.documents ?? []).find((x) => x.slot === slot && !x.copy);
    if (!d) throw new Error(`case ${c.id}: the document ${slot} of step ${step} is not rendered (its render step has not run)`);
    return d;
  });
}
