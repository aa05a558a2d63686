// The facts a document states and its signature covers. They are written into the PDF (the signature
// dictionary's /Facts) so that a verifier can tell which case a document belongs to, and so that a
// reprint renders exactly the same content. Personal data appears only masked, as on the page.
import type { DocumentType } from '../domain/case.js';

export const DOCUMENT_TITLES: Readonly<Record<DocumentType, string>> = {
  acceptance_receipt: '受理回执（收件凭证）',
  transfer_sheet: '材料流转单',
  supplement_notice: '补齐补正通知书',
  completion_notice: '办结通知',
  delivery_receipt: '送达回执',
  acceptance_notice: '受理通知书',
  rejection_notice: '不予受理通知书',
};

/** How the gateway's documents travel to a partner, as extra materials of the case. */
export const TRAVEL_CODES: Readonly<Partial<Record<DocumentType, string>>> = {
  acceptance_receipt: 'KYTB-SLHZ',
  transfer_sheet: 'KYTB-CLLZD',
  // what we issue as 办理地, reported to the sending region with our decisions
  acceptance_notice: 'KYTB-SLTZS',
  supplement_notice: 'KYTB-BZTZS',
  rejection_notice: 'KYTB-BYSLTZS',
  completion_notice: 'KYTB-BJTZ',
  delivery_receipt: 'KYTB-SDHZ',
};

export interface MaterialLine {
  code: string;
  name: string;
  fileName: string;
  mediaType: string;
  pages: number;
  size: number;
  sha256: string;
}

export interface AcceptanceReceiptBody {
  applicant: { kind: 'person' | 'organization'; name: string; idTypeLabel: string; idNumberMasked: string; phoneMasked: string; agentName?: string };
  receivedAt: string;
  clerkName: string;
  materials: MaterialLine[];
  promisedDays: number;
  promisedAt: string;
  /** 结果送达方式, in words */
  delivery: string;
  /** 查询码 printed beside the QR code */
  publicCode: string;
}

export interface TransferSheetBody {
  step: string;
  idempotencyKey: string;
  clerkName: string;
  /** everything that travels to the partner in this step, the gateway's own documents included */
  items: MaterialLine[];
  totalBytes: number;
}

/** a document we issue as 办理地 on a case a partner region handed us: whom it answers, who decided */
export interface AsHandlingRegion {
  /** the sending region's 办件编号 */
  partnerCaseNo: string;
  /** the deciding unit and the approver's name */
  department: string;
  clerkName: string;
}

export interface SupplementNoticeBody {
  round: number;
  requestedAt: string;
  missing: string[];
  note?: string;
  applicantName: string;
  /** set when we ask for the 补正 ourselves (inbound) */
  inbound?: AsHandlingRegion;
}

export interface AcceptanceNoticeBody {
  inbound: AsHandlingRegion;
  applicant: { kind: 'person' | 'organization'; name: string; idTypeLabel: string; idNumberMasked: string };
  acceptedAt: string;
  materials: MaterialLine[];
  promisedDays: number;
  promisedAt: string;
  delivery: string;
}

export interface RejectionNoticeBody {
  inbound: AsHandlingRegion;
  applicantName: string;
  rejectedAt: string;
  reason: string;
  legalBasis: string;
}

export interface CompletionNoticeBody {
  completedAt: string;
  documentName: string;
  certificateNo?: string;
  /** the partner's own result document, as stored with the case */
  resultDocument?: { fileName: string; size: number; sha256: string };
  delivery: string;
  trackingNo?: string;
  applicantName: string;
  inbound?: AsHandlingRegion;
}

export interface DeliveryReceiptBody {
  deliveredAt: string;
  method: 'window' | 'post' | 'electronic';
  trackingNo?: string;
  documentName: string;
  certificateNo?: string;
  clerkName: string;
  applicantName: string;
  inbound?: AsHandlingRegion;
}

export interface BodyOf {
  acceptance_receipt: AcceptanceReceiptBody;
  transfer_sheet: TransferSheetBody;
  supplement_notice: SupplementNoticeBody;
  completion_notice: CompletionNoticeBody;
  delivery_receipt: DeliveryReceiptBody;
  acceptance_notice: AcceptanceNoticeBody;
  rejection_notice: RejectionNoticeBody;
}

export interface DocumentFacts<T extends DocumentType = DocumentType> {
  /** version of this shape */
  v: 1;
  documentId: string;
  documentType: T;
  caseId: string;
  caseNo: string;
  itemCode: string;
  itemName: string;
  acceptRegion: { code: string; name: string };
  handlingRegion: { code: string; name: string };
  /** 出具单位: the window that issues it */
  issuer: { region: string; window: string };
  issuedAt: string;
  /** a reprint marked 副本: the original's id, the how-many-th reprint, when */
  copy: boolean;
  reprintNo: number;
  originalId?: string;
  printedAt?: string;
  /** the case's public status page (the QR code) and where anyone can check the document */
  links: { status: string; verify: string; keys: string };
  body: BodyOf[T];
}

export type AnyFacts = { [K in DocumentType]: DocumentFacts<K> }[DocumentType];

/** A reprint: the same facts, marked as the n-th copy of the original. */
export function asReprint(original: AnyFacts, documentId: string, reprintNo: number, printedAt: string): AnyFacts {
  return { ...original, documentId, copy: true, reprintNo, originalId: original.documentId, printedAt };
}
