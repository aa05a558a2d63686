// The facts of each document, read off the case (whitelisted and masked like the case views).
import { ID_TYPES, type CaseDocument, type CaseEvent, type CaseRecord, type DocumentType } from '../domain/case.js';
import { maskIdNumber, maskPhone } from '../domain/mask.js';
import type { RegionDirectory } from '../domain/region.js';
import { DOCUMENT_TITLES, TRAVEL_CODES, type AnyFacts, type DocumentFacts, type MaterialLine } from './facts.js';
import { deliveryWords } from './text.js';

export interface FactsContext {
  documentId: string;
  issuedAt: string;
  publicBaseUrl: string;
  /** the documents the case already has (a 材料流转单 lists the 受理回执 that travels with it) */
  documents: CaseDocument[];
  /** the case's events (a 送达回执 states who delivered, and when) */
  events: CaseEvent[];
  /** the names of the regions the document names */
  regions: RegionDirectory;
}

const region = (code: string, regions: RegionDirectory) => ({ code, name: regions.regionFullName(code) ?? regions.regionName(code) ?? code });

export function statusLink(publicBaseUrl: string, c: Pick<CaseRecord, 'caseNo' | 'publicCode'>): string {
  return `${publicBaseUrl}/status.html?no=${encodeURIComponent(c.caseNo)}&code=${encodeURIComponent(c.publicCode ?? '')}`;
}

export function common<T extends DocumentType>(c: CaseRecord, documentType: T, ctx: FactsContext): Omit<DocumentFacts<T>, 'body'> {
  return {
    v: 1,
    documentId: ctx.documentId,
    documentType,
    caseId: c.id,
    caseNo: c.caseNo,
    itemCode: c.itemCode,
    itemName: c.itemName,
    acceptRegion: region(c.acceptRegion, ctx.regions),
    handlingRegion: region(c.handlingRegion, ctx.regions),
    issuer: { region: c.acceptRegion, window: c.receivedBy?.window ?? '跨域通办窗口' },
    issuedAt: ctx.issuedAt,
    copy: false,
    reprintNo: 0,
    links: { status: statusLink(ctx.publicBaseUrl, c), verify: `${ctx.publicBaseUrl}/verify.html`, keys: `${ctx.publicBaseUrl}/api/receipts/signing-keys` },
  };
}

export const materialLines = (c: CaseRecord): MaterialLine[] =>
  c.materials.map((m) => ({ code: m.code, name: m.name, fileName: m.fileName, mediaType: m.mediaType, pages: m.pages, size: m.size, sha256: m.sha256 }));

/** one of the gateway's own documents as an item that travels with the case */
export const documentLine = (d: CaseDocument): MaterialLine => ({
  code: TRAVEL_CODES[d.type] ?? 'KYTB-DOC', name: DOCUMENT_TITLES[d.type], fileName: d.fileName, mediaType: 'application/pdf', pages: d.pages, size: d.size, sha256: d.sha256,
});

const applicantName = (c: CaseRecord): string => c.applicant.name;

export function acceptanceReceiptFacts(c: CaseRecord, ctx: FactsContext): AnyFacts {
  const a = c.applicant;
  return {
    ...common(c, 'acceptance_receipt', ctx),
    body: {
      applicant: {
        kind: a.kind, name: a.name, idTypeLabel: ID_TYPES[a.idType], phoneMasked: maskPhone(a.phone),
        idNumberMasked: a.kind === 'organization' ? a.idNumber : maskIdNumber(a.idNumber),
        ...(a.agentName ? { agentName: a.agentName } : {}),
      },
      receivedAt: c.submittedAt ?? ctx.issuedAt,
      clerkName: c.receivedBy?.clerkName ?? c.createdBy,
      materials: materialLines(c),
      promisedDays: c.promisedDays,
      promisedAt: c.promisedAt ?? ctx.issuedAt,
      delivery: deliveryWords(c.delivery),
      publicCode: c.publicCode ?? '',
    },
  };
}

export function transferSheetFacts(c: CaseRecord, step: string, ctx: FactsContext): AnyFacts {
  const job = c.handoffs.find((j) => j.step === step);
  const receipt = ctx.documents.find((d) => d.slot === 'receipt' && !d.copy);
  const items = [...materialLines(c), ...(receipt ? [documentLine(receipt)] : [])];
  return {
    ...common(c, 'transfer_sheet', ctx),
    body: {
      step,
      idempotencyKey: job?.idempotencyKey ?? `${c.caseNo}:${c.partner}:${step}`,
      clerkName: c.receivedBy?.clerkName ?? c.createdBy,
      items,
      totalBytes: items.reduce((n, m) => n + m.size, 0),
    },
  };
}

export function supplementNoticeFacts(c: CaseRecord, ctx: FactsContext): AnyFacts {
  const s = c.supplement!;
  return {
    ...common(c, 'supplement_notice', ctx),
    body: {
      round: ctx.documents.filter((d) => d.type === 'supplement_notice' && !d.copy).length + 1,
      requestedAt: s.requestedAt, missing: s.missing, ...(s.note ? { note: s.note } : {}), applicantName: applicantName(c),
    },
  };
}

export function completionNoticeFacts(c: CaseRecord, ctx: FactsContext): AnyFacts {
  const r = c.result!;
  const delivery = r.delivery ?? c.delivery;
  return {
    ...common(c, 'completion_notice', ctx),
    body: {
      completedAt: r.completedAt, documentName: r.documentName,
      ...(r.certificateNo ? { certificateNo: r.certificateNo } : {}),
      ...(r.document ? { resultDocument: { fileName: r.document.fileName, size: r.document.size, sha256: r.document.sha256 } } : {}),
      delivery: deliveryWords(delivery), ...(delivery.trackingNo ? { trackingNo: delivery.trackingNo } : {}),
      applicantName: applicantName(c),
    },
  };
}

export function deliveryReceiptFacts(c: CaseRecord, ctx: FactsContext): AnyFacts {
  const delivered = ctx.events.filter((e) => e.type === 'case.result_delivered').at(-1);
  const method = (delivered?.data.method as 'window' | 'post' | 'electronic' | undefined) ?? (c.delivery.byPost ? 'post' : c.delivery.electronic ? 'electronic' : 'window');
  const trackingNo = (delivered?.data.trackingNo as string | null | undefined) ?? c.delivery.trackingNo;
  return {
    ...common(c, 'delivery_receipt', ctx),
    body: {
      deliveredAt: delivered?.at ?? ctx.issuedAt, method, ...(trackingNo ? { trackingNo } : {}),
      documentName: c.result?.documentName ?? '办理结果', ...(c.result?.certificateNo ? { certificateNo: c.result.certificateNo } : {}),
      clerkName: (delivered?.data.clerkName as string | undefined) ?? delivered?.actor.replace(/^clerk:/, '') ?? '',
      applicantName: applicantName(c),
    },
  };
}

/** A document the case's state calls for: which slot, which kind, and how its facts are made. */
export interface DueDocument { slot: string; type: DocumentType; facts(c: CaseRecord, ctx: FactsContext): AnyFacts }

/** every document an outbound case should have by now, oldest first (a transfer sheet after its receipt);
 *  an inbound case's are its decisions' (inboundFacts.ts) */
export function dueDocuments(c: CaseRecord): DueDocument[] {
  if (c.direction !== 'outbound' || !c.submittedAt) return [];
  const due: DueDocument[] = [{ slot: 'receipt', type: 'acceptance_receipt', facts: acceptanceReceiptFacts }];
  // a 材料流转单 goes with each step that carries the case's materials: the submission and each 补正,
  // not a 撤件 (its cancel step carries no materials)
  for (const j of c.handoffs.filter((h) => h.step === 'submit' || h.step.startsWith('supplement-'))) {
    if (j.status !== 'cancelled') due.push({ slot: `transfer:${j.step}`, type: 'transfer_sheet', facts: (rec, ctx) => transferSheetFacts(rec, j.step, ctx) });
  }
  if (c.supplement) due.push({ slot: `supplement:${c.supplement.requestedAt}`, type: 'supplement_notice', facts: supplementNoticeFacts });
  if (c.result) due.push({ slot: 'completion', type: 'completion_notice', facts: completionNoticeFacts });
  if (c.status === 'delivered') due.push({ slot: 'delivery', type: 'delivery_receipt', facts: deliveryReceiptFacts });
  return due;
}

export const fileNameOf = (type: DocumentType, caseNo: string, reprintNo = 0): string =>
  `${DOCUMENT_TITLES[type].replace(/（.*）$/, '')}-${caseNo}${reprintNo > 0 ? `-副本${reprintNo}` : ''}.pdf`;

