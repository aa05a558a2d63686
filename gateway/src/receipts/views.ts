// What clients see of documents: the gateway's signed ones and the partner's result document, built
// field by field.
import type { CaseDocument, CaseRecord } from '../domain/case.js';

export function toDocumentView(caseId: string, d: CaseDocument) {
  return {
    id: d.id,
    type: d.type,
    title: d.title,
    source: 'gateway' as const,
    fileName: d.fileName,
    mediaType: 'application/pdf',
    size: d.size,
    sha256: d.sha256,
    pages: d.pages,
    issuedAt: d.issuedAt,
    keyId: d.keyId,
    signed: true,
    copy: d.copy ? { originalId: d.copy.originalId, reprintNo: d.copy.reprintNo, printedAt: d.copy.printedAt, printedBy: d.copy.printedBy } : null,
    reprintable: true,
    href: `/api/cases/${caseId}/documents/${d.id}`,
  };
}

/** the result document the partner sent back, stored with the case (not signed by us) */
export function toPartnerResultView(c: CaseRecord) {
  const r = c.result;
  if (!r?.document) return undefined;
  return {
    id: r.document.blob,
    type: 'partner_result' as const,
    title: r.documentName,
    source: 'partner' as const,
    fileName: r.document.fileName,
    mediaType: r.document.mediaType,
    size: r.document.size,
    sha256: r.document.sha256,
    pages: null,
    issuedAt: r.completedAt,
    keyId: null,
    signed: false,
    copy: null,
    reprintable: false,
    href: `/api/cases/${c.id}/documents/${r.document.blob}`,
  };
}

export function toDocumentList(c: CaseRecord, documents: CaseDocument[]) {
  const partner = toPartnerResultView(c);
  return { caseId: c.id, caseNo: c.caseNo, items: [...documents.map((d) => toDocumentView(c.id, d)), ...(partner ? [partner] : [])] };
}
