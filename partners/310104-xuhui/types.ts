// The bodies of 徐汇区's API (contracts/partners/310104-xuhui.yaml), as TypeScript. The contract is the
// source of truth: every body built or read here is also checked against it at runtime.

export const CONTRACT_FILE = 'partners/310104-xuhui.yaml';
export const REGION = '310104';
export const REGION_NAME = '上海市徐汇区';

export type XhStatus = 'RECEIVED' | 'ACCEPTED' | 'SUPPLEMENT_REQUIRED' | 'SUPPLEMENTED' | 'COMPLETED' | 'REJECTED' | 'WITHDRAWN';
export type XhIdType =
  | 'ID_CARD' | 'TEMP_ID_CARD' | 'HOUSEHOLD_REGISTER' | 'PASSPORT' | 'TW_PERMIT' | 'HKMO_PERMIT'
  | 'FOREIGN_PR_CARD' | 'USCC' | 'OTHER';
export type XhCaseType = 'IMMEDIATE' | 'PROMISED' | 'OTHER';
export type XhChannel = 'WINDOW' | 'PC' | 'MOBILE' | 'EXPRESS' | 'OTHER';
export type XhDeliveryMethod = 'EXPRESS' | 'ELECTRONIC' | 'WINDOW_PICKUP';
export type XhEventType =
  | 'application.received' | 'application.accepted' | 'application.supplement_required'
  | 'application.supplemented' | 'application.completed' | 'application.rejected';

export interface XhError {
  code: string;
  message: string;
  details?: { field: string; message: string }[];
  requestId?: string;
}

export interface XhTokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/** the text fields of the multipart upload; the file travels beside them */
export interface XhMaterialUploadFields {
  sha256: string;
  materialCode: string;
  materialName: string;
}

export interface XhMaterialReceipt {
  materialId: string;
  sha256: string;
  size: number;
  receivedAt: string;
}

export interface XhMaterialRef {
  materialId: string;
  materialCode: string;
  materialName: string;
  sha256: string;
  pages: number;
}

export interface XhApplicationRequest {
  externalCaseNo: string;
  itemCode: string;
  implementationCode: string;
  itemName: string;
  caseType: XhCaseType;
  channel: XhChannel;
  acceptRegionCode: string;
  handlingRegionCode: string;
  applicant: {
    type: 'NATURAL_PERSON' | 'LEGAL_PERSON';
    name: string;
    idType: XhIdType;
    idNumber: string;
    mobile: string;
    agentName?: string;
  };
  materials: XhMaterialRef[];
  promisedDays: number;
  promisedAt: string;
  submittedAt: string;
  resultDelivery: { method: XhDeliveryMethod; address?: string };
  acceptingWindow: { name: string; handlerName: string };
}

export interface XhApplicationReceipt {
  applicationId: string;
  externalCaseNo: string;
  status: XhStatus;
  receivedAt: string;
}

export interface XhSupplementRequest {
  externalCaseNo: string;
  materials: XhMaterialRef[];
  note?: string;
}

export interface XhSupplementReceipt {
  applicationId: string;
  supplementId: string;
  status: XhStatus;
  receivedAt: string;
}

export interface XhWithdrawalRequest {
  externalCaseNo: string;
  reason: string;
  requestedAt: string;
}

export interface XhWithdrawalReceipt {
  applicationId: string;
  externalCaseNo: string;
  status: 'WITHDRAWN';
  withdrawnAt: string;
}

export interface XhApplicationSummary {
  applicationId: string;
  externalCaseNo: string;
  status: XhStatus;
  receivedAt: string;
  updatedAt: string;
}

export interface XhApplicationList {
  items: XhApplicationSummary[];
}

export interface XhApplication extends XhApplicationSummary {
  events: XhStatusEvent[];
}

export interface XhStatusEvent {
  eventId: string;
  eventType: XhEventType;
  occurredAt: string;
  applicationId: string;
  externalCaseNo: string;
  status: XhStatus;
  supplement?: { items: { materialName: string; reason?: string }[]; note?: string };
  rejection?: { reasonCode?: string; reason: string };
  result?: {
    documentName: string;
    certificateNo?: string;
    document: { fileName: string; mediaType: 'application/pdf' | 'application/ofd'; contentBase64: string; sha256: string };
    delivery: { method: XhDeliveryMethod; expressCompany?: string; trackingNo?: string };
  };
}
