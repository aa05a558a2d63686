// The case (办件) in the vocabulary of GB/T 39046-2020 (政务服务平台基础数据规范).
// Field names are English; each comment gives the standard's term.
import type { SessionEvidenceType } from '../../../remote-window/src/server/index.js';

/** GA/T 2000.156 证件类型 codes we accept from clerks. */
export const ID_TYPES = {
  '111': '居民身份证',
  '112': '临时居民身份证',
  '113': '户口簿',
  '414': '普通护照',
  '511': '台湾居民来往大陆通行证',
  '516': '港澳居民来往内地通行证',
  '553': '外国人永久居留身份证',
  '990': '其他',
} as const;
export type IdType = keyof typeof ID_TYPES;

/** 办件类型: 1 即办件, 2 承诺件, 9 其他 */
export type CaseKind = '1' | '2' | '9';
/** 办理形式: 1 窗口, 2 PC, 3 移动端, 4 快递, 9 其他 */
export type HandlingForm = '1' | '2' | '3' | '4' | '9';

/** Canonical case states. Partners' own status codes map onto these in their mapping.ts. */
export const CASE_STATUSES = {
  draft: '草稿',
  received: '已收件',
  forwarded: '已转递',
  accepted: '已受理',
  needs_supplement: '需补正',
  completed: '办结',
  rejected: '不予受理',
  withdrawn: '已撤回',
  delivered: '已送达',
} as const;
export type CaseStatus = keyof typeof CASE_STATUSES;

export type ApplicantKind = 'person' | 'organization';

export interface Applicant {
  kind: ApplicantKind;
  /** 申请人姓名 / 单位名称 */
  name: string;
  /** 证件类型 (GA/T 2000.156); for organizations '990' with a 统一社会信用代码 in idNumber */
  idType: IdType;
  /** 证件号码: 公民身份号码 (GB 11643) or 统一社会信用代码 (GB 32100) */
  idNumber: string;
  /** 联系电话 */
  phone: string;
  /** 联系地址, used for 寄递 */
  address?: string;
  /** 法定代表人/经办人 for organizations */
  agentName?: string;
}

export interface Material {
  id: string;
  /** which required material of the item this is (材料编码), or 'extra' */
  code: string;
  /** 材料名称 */
  name: string;
  fileName: string;
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
  size: number;
  sha256: string;
  /** page count for PDFs, 1 for images */
  pages: number;
  addedAt: string;
  addedBy: string;
  /** where it came from when not scanned at the window: a still taken in a 远程帮办 session with consent */
  source?: 'remote_capture';
}

export interface Delivery {
  /** 是否快递寄送结果 */
  byPost: boolean;
  address?: string;
  /** 物流单号 */
  trackingNo?: string;
  /** 网络送达 */
  electronic?: boolean;
}

export interface CaseResult {
  /** 结果文书/证照名称 */
  documentName: string;
  /** 结果证照编号 */
  certificateNo?: string;
  /** the stored result document, if the partner sent one */
  document?: { fileName: string; mediaType: string; size: number; sha256: string; /** blob name in the store */ blob: string };
  /** 办结时间 */
  completedAt: string;
  delivery?: Delivery;
  remark?: string;
}

/**
 * 撤件 of a handed-off case. 'requested' while the cancel step is queued or being retried; then the
 * partner's answer: 'withdrawn' (the case is 已撤回 on both sides) or 'refused' (it had already decided:
 * the case keeps the partner's decision, which the applicant is told).
 */
export interface Withdrawal {
  state: 'requested' | 'withdrawn' | 'refused';
  reason: string;
  requestedAt: string;
  requestedBy: string;
  /** the cancel step's job */
  jobId: string;
  answeredAt?: string;
  /** the partner's own status code in its answer */
  partnerStatus?: string;
  /** refused: why, in the partner's words */
  refusal?: string;
}

export type HandoffJobStatus = 'pending' | 'delivered' | 'dead' | 'cancelled';

/** One outbox job: deliver one step of the case to one partner. */
export interface HandoffJob {
  id: string;
  partner: string;
  /** 'submit' for the first handoff, 'supplement-N' for the N-th 补正; for an inbound case a report of
   *  our decision to the sending region: 'report-accepted', 'report-supplement-N', 'report-rejected' … */
  step: string;
  /** stable per (case, partner, step): the partner sees it exactly once */
  idempotencyKey: string;
  status: HandoffJobStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string;
  createdAt: string;
  deliveredAt?: string;
  lastError?: { code: string; message: string; at: string };
}

export type RenderJobStatus = 'pending' | 'done' | 'dead' | 'cancelled';

/**
 * One outbox job that renders the documents a handoff step carries (the 受理回执 and the step's 材料流转单)
 * before the step is delivered. A step of its own, queued with the delivery job: the delivery waits
 * until it is done, so a delivery retry never renders again and a rendering failure shows on its own.
 */
export interface RenderJob {
  id: string;
  /** the handoff step whose documents it renders ('submit', 'supplement-N') */
  step: string;
  status: RenderJobStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string;
  createdAt: string;
  doneAt?: string;
  lastError?: { code: string; message: string; at: string };
}

export type Direction = 'outbound' | 'inbound';

export interface CaseRecord {
  id: string;
  /** 办件编号 (≤ 50) */
  caseNo: string;
  direction: Direction;
  /** 事项基本编码 */
  itemCode: string;
  /** 实施编码 */
  implementationCode: string;
  itemName: string;
  kind: CaseKind;
  handlingForm: HandlingForm;
  /** 受理地区划 (收件地) */
  acceptRegion: string;
  /** 办理地区划 (办结地区划): the authority's region */
  handlingRegion: string;
  /** partner region code this case is handed to (outbound) or came from (inbound) */
  partner: string;
  /** the partner's own case id once it has acknowledged */
  partnerRef?: string;
  status: CaseStatus;
  applicant: Applicant;
  materials: Material[];
  /** 承诺办结时限 (working days) and the resulting 承诺办结时间 (set at submit) */
  promisedDays: number;
  promisedAt?: string;
  /** years the 承诺办结时间 was counted through without their official holiday list: provisional until added */
  promisedAtUnknownYears?: number[];
  delivery: Delivery;
  result?: CaseResult;
  /** 补齐补正: what the partner says is missing (outbound), or what we asked for (inbound) */
  supplement?: { missing: string[]; note?: string; requestedAt: string };
  /** 不予受理 reason, and for a decision of ours (inbound) its legal basis */
  rejection?: { reason: string; legalBasis?: string; at: string };
  /** inbound (we are 办理地): each decision of ours, with what its report to the sending region carries */
  decisions?: InboundDecisionEntry[];
  /** 撤件 of a case the partner already has: asked through its cancel operation, and its answer */
  withdrawal?: Withdrawal;
  handoffs: HandoffJob[];
  /** the render steps of the handoff steps (absent until the first submission) */
  renders?: RenderJob[];
  createdAt: string;
  /** username of the clerk who received the case, or 'partner:<region>' */
  createdBy: string;
  /** the receiving window and the clerk's name, as printed on receipts and sent to partners */
  receivedBy?: { window: string; clerkName: string };
  submittedAt?: string;
  updatedAt: string;
  /** for inbound cases: the partner's 办件编号 and idempotency key */
  inbound?: {
    partnerCaseNo: string; idempotencyKey: string; bodySha256: string; receivedAt: string;
    /** the partner's answers to our 补正 requests (supplyInboundMaterials), by their Idempotency-Key */
    supplements?: Array<{ idempotencyKey: string; bodySha256: string; round: number; receivedAt: string; materialIds: string[] }>;
  };
  /** the signed documents the gateway issued for the case (受理回执 …), oldest first */
  documents?: CaseDocument[];
  /** 查询码: printed on the 受理回执 with its QR code; with the 办件编号 it opens the public status page */
  publicCode?: string;
  /**
   * Only inside the store: the keyed hash (HMAC-SHA256) of applicant.idNumber that finds a person's
   * cases without the plain number (store/personalData.ts). Records the store returns never have it.
   */
  idNumberHash?: string;
  /** the response hashes of the last poll of the partner recorded in the trail (an identical answer is not recorded again) */
  lastPartnerAnswer?: string;
  /** the eventIds of the partner's status reports this case has recorded (a repeated report is a duplicate) */
  partnerEventIds?: string[];
  /** optimistic-concurrency counter, incremented by the store */
  version: number;
}

/** 受理回执 / 收件凭证, 材料流转单, 补齐补正通知书, 办结通知, 送达回执; as 办理地 also 受理通知书, 不予受理通知书 */
export type DocumentType =
  | 'acceptance_receipt' | 'transfer_sheet' | 'supplement_notice' | 'completion_notice' | 'delivery_receipt'
  | 'acceptance_notice' | 'rejection_notice';

/** what our decision on an inbound case is, in the terms of the report to the sending region */
export type InboundDecisionKind = 'accepted' | 'needs_supplement' | 'rejected' | 'completed' | 'delivered';

/** One decision of ours on an inbound case: the facts its report step (and its documents) carries. */
export interface InboundDecisionEntry {
  /** the report step: 'report-accepted', 'report-supplement-N', 'report-rejected', 'report-completed', 'report-delivered' */
  step: string;
  decision: InboundDecisionKind;
  at: string;
  /** who decided: the approver's unit (审批部门) and name, and their username for the audit trail */
  by: { department: string; clerk: string; username: string };
  /** accepted: 承诺办结时间 */
  promisedAt?: string;
  /** needs_supplement: what is missing, and why */
  missing?: Array<{ code?: string; name: string }>;
  note?: string;
  /** rejected: the reason and its legal basis */
  reason?: string;
  legalBasis?: string;
  /** completed: the result (the document itself is the case's result.document) */
  result?: { documentName: string; certificateNo?: string; delivery: { method: 'post' | 'electronic'; trackingNo?: string } };
  /** delivered: how the result reached the applicant */
  delivered?: { method: 'post' | 'electronic' | 'window'; trackingNo?: string; at: string };
}

/** One signed PDF the gateway issued for a case, stored as the case's blob named by its id. */
export interface CaseDocument {
  id: string;
  type: DocumentType;
  /** what called for it, one original per slot: 'receipt', 'transfer:<step>', 'supplement:<requestedAt>', 'completion', 'delivery' */
  slot: string;
  title: string;
  fileName: string;
  size: number;
  sha256: string;
  pages: number;
  /** the signing key's id (first 16 hex of SHA-256 of its SPKI) */
  keyId: string;
  issuedAt: string;
  /** a reprint (副本): of which original, the how-many-th, when and by whom */
  copy?: { originalId: string; reprintNo: number; printedAt: string; printedBy: string };
}

/** One event of a case, as the use case records it. The audit chain hashes these. */
export interface CaseEvent {
  caseId: string;
  /** 1, 2, 3 … per case */
  seq: number;
  at: string;
  /** who: 'clerk:<username>', 'partner:<region>', 'system' */
  actor: string;
  type: CaseEventType;
  /** small, masked facts; request/response bodies only as hashes */
  data: Record<string, unknown>;
}

/** An event as a transition makes it: the store numbers it (seq) and stamps the case id. */
export type NewCaseEvent = Omit<CaseEvent, 'caseId' | 'seq'>;

export type CaseEventType =
  | 'case.created'
  | 'case.material_added'
  | 'case.submitted'
  | 'case.status_changed'
  | 'case.received_from_partner'
  | 'case.withdrawn'
  | 'case.withdrawal_requested'
  | 'case.withdrawal_refused'
  | 'case.result_delivered'
  | 'case.viewed'
  // we as 办理地 (inbound cases): our decisions, and the partner's answer to a 补正
  | 'inbound.accepted'
  | 'inbound.supplement_requested'
  | 'inbound.supplement_received'
  | 'inbound.rejected'
  | 'inbound.completed'
  | 'inbound.delivered'
  | 'handoff.queued'
  | 'handoff.attempt'
  | 'handoff.delivered'
  | 'handoff.failed'
  | 'handoff.dead_lettered'
  | 'handoff.retried'
  | 'partner.status_received'
  | 'partner.status_ignored'
  | 'partner.polled'
  | 'partner.result_received'
  // a region that polls our reports (we are 办理地) fetched them: the request's and the answer's hashes
  | 'partner.queried'
  | 'document.issued'
  | 'document.downloaded'
  | 'document.reprinted'
  | 'document.render_failed'
  // 远程帮办 (remote window, issue 3): evidence of a video session held for this case, named by the
  // remote window's port (session.created … session.ended)
  | SessionEvidenceType;
