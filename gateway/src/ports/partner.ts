// The one interface through which the core sees a partner region. The core never imports a partner
// folder; partners/index.ts lists the modules that implement this.
import type { AxiosInstance } from 'axios';
import type { Applicant, Delivery, IdType, CaseKind, HandlingForm } from '../domain/case.js';
import type { ServiceItem } from '../domain/catalog.js';

/** What the core hands an adapter: a whitelisted view of the case. The adapter sends of it only what
 *  the partner's contract needs (PIPL: minimum necessary). */
export interface OutboundCase {
  caseNo: string;
  itemCode: string;
  implementationCode: string;
  itemName: string;
  kind: CaseKind;
  handlingForm: HandlingForm;
  acceptRegion: string;
  handlingRegion: string;
  applicant: Applicant;
  materials: OutboundMaterial[];
  promisedDays: number;
  promisedAt: string;
  submittedAt: string;
  delivery: Delivery;
  /** the receiving window, e.g. '诸暨市行政服务中心跨域通办窗口' and clerk display name */
  receivedBy: { window: string; clerk: string };
}

export interface OutboundMaterial {
  id: string;
  code: string;
  name: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  pages: number;
}

export interface HandoffRequest {
  case: OutboundCase;
  /** 'submit' or 'supplement-N' */
  step: string;
  /** stable per (case, partner, step); send it as the partner's idempotency key / serial */
  idempotencyKey: string;
  readMaterial(materialId: string): Promise<Buffer>;
}

/** 'withdrawn' only ever confirms a 撤件 we asked for (CancelAnswer); a report of it never moves a case */
export type PartnerReportedStatus = 'forwarded' | 'accepted' | 'needs_supplement' | 'completed' | 'rejected' | 'withdrawn';

export interface HandoffAck {
  /** the partner's own id for the case (申报流水号 etc.) */
  partnerRef: string;
  /** the partner's raw status code at acknowledgement, for the audit trail */
  partnerStatus: string;
  /** what the acknowledgement means in canonical terms; usually 'forwarded' */
  status: PartnerReportedStatus;
}

export interface PartnerResultDocument {
  fileName: string;
  mediaType: string;
  contentBase64: string;
  /** SHA-256 the partner declared, if its contract carries one */
  sha256?: string;
}

/** A status change reported by a partner, in canonical terms. */
export interface PartnerStatusUpdate {
  partnerRef: string;
  /** our 办件编号 when the partner echoes it */
  caseNo?: string;
  status: PartnerReportedStatus;
  /** the partner's own status code, e.g. '4' or 'BJ' */
  partnerStatus: string;
  /** when the partner says it happened (ISO 8601) */
  occurredAt: string;
  /** unique per partner event: duplicate callbacks carry the same id */
  eventId: string;
  /** needs_supplement: the materials the partner asks for */
  missing?: string[];
  note?: string;
  /** rejected: 不予受理 reason */
  reason?: string;
  /** completed: the result */
  result?: {
    documentName: string;
    certificateNo?: string;
    document?: PartnerResultDocument;
    delivery?: Delivery;
  };
}

/** Our decision on a case the partner handed us (we are 办理地), as the report to it says it. */
export type InboundDecision = 'accepted' | 'needs_supplement' | 'rejected' | 'completed' | 'delivered';

/** One document a report carries: our signed document of the step, or the result document. */
export interface ReportDocument { type: string; title: string; fileName: string; mediaType: string; size: number; sha256: string }

/** What the core hands an adapter to report one decision to the region that sent the case. */
export interface DecisionReport {
  partnerCaseNo: string;     // the sending region's 办件编号
  caseNo: string;            // ours
  handlingRegion: string;    // ours (办理地区划): the report's sender
  decision: InboundDecision;
  step: string;              // 'report-accepted', 'report-supplement-1', …
  idempotencyKey: string;
  occurredAt: string;        // ISO 8601
  decidedBy: { department: string; clerk: string };
  promisedAt?: string;                               // accepted
  missing?: Array<{ code?: string; name: string }>;  // needs_supplement
  note?: string;
  reason?: string; legalBasis?: string;              // rejected
  result?: { documentName: string; certificateNo?: string; delivery: { method: 'post' | 'electronic'; trackingNo?: string } }; // completed
  delivered?: { method: 'post' | 'electronic' | 'window'; trackingNo?: string; at: string };  // delivered
  documents: ReportDocument[];                      // our signed documents of this step, and the result document
  readDocument(name: string): Promise<Buffer>;      // bytes of one of them (by fileName)
}

/** One HTTP exchange with a partner, reported for the audit trail (hashes, never bodies). */
export interface PartnerExchange {
  operationId: string;
  method: string;
  url: string;
  requestSha256: string;
  status?: number;
  responseSha256?: string;
  durationMs: number;
  error?: string;
}

export interface PartnerContext {
  /** the HTTP client to use for every call to the partner (timeouts set; loopback only in tests) */
  http: AxiosInstance;
  now(): Date;
  record(exchange: PartnerExchange): void;
}

/** A request a partner made to our callback endpoint, as the core received it. */
export interface InboundHttpRequest {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
  body: unknown;
}

/** What a verified callback carries for the core's freshness and replay checks. */
export interface CallbackAuth {
  timestamp: Date;
  nonce: string;
}

/**
 * What a region's contract offers, declared by its adapter. The core offers a clerk only what the region
 * supports (no 撤件 button for a region without a cancel operation) and checks that the adapter has the
 * methods its declaration needs when the gateway starts.
 */
export interface PartnerCapabilities {
  /** the region asks for 补齐补正 and takes the missing materials as a new handoff step ('supplement-N') */
  supplement: boolean;
  /** a case handed to the region can be withdrawn (撤件) through its cancel operation: `cancel` */
  cancel: boolean;
  /** how the status of the cases we hand it comes back: pushed to our callback, or polled by us */
  statusBy: 'callback' | 'polling';
  /** how a result document comes back: inline in the status report, or by reference (a URL we fetch) */
  results: 'inline' | 'reference';
  /**
   * how our reports of the decisions on cases the region hands us reach it: pushed to its endpoint
   * (`report` calls it), or published for it to poll (`report` checks and publishes without calling
   * anyone; the region fetches them from /api/inbound/partners/<region>/reports/<operation>, answered by
   * `checkPollHeaders`, `verifyPoll`, `answerPoll` and `pollReply`). Absent: 'push'.
   */
  reportsBy?: 'push' | 'poll';
}

/** A poll of our published reports, as the adapter read it from a request it verified. */
export interface PollQuery {
  /** the region's operation asked for, e.g. '汉中 fkcx' */
  operationId: string;
  /** the region's own 办件编号 of the case it asks about (what it sent to receiveCase) */
  partnerCaseNo: string;
  /** the rest of what it asks (e.g. which document), in the region's own terms */
  params: Readonly<Record<string, string>>;
}

/** What the core gives an adapter to answer a poll: a case the region handed us and our published reports. */
export interface PublishedCase {
  partnerCaseNo: string;
  caseNo: string;
  /** ours (办理地区划) */
  handlingRegion: string;
  /** the reports whose step is delivered (published), oldest first, each with its documents' reader */
  reports: DecisionReport[];
}

/** An answer in the partner's own style. */
export interface PartnerReply { status: number; contentType: string; body: unknown }

/** 撤件: the applicant asks to withdraw a case the region already has. */
export interface CancelRequest {
  /** our 办件编号 and the region's own id for the case */
  caseNo: string;
  partnerRef: string;
  /** the region whose window received the case (the sender of the case, in contracts that name one) */
  acceptRegion: string;
  /** stable per case: a repeat returns the first answer */
  idempotencyKey: string;
  /** the applicant's reason, as the clerk recorded it */
  reason: string;
  /** when the applicant asked (ISO 8601) */
  requestedAt: string;
}

/**
 * The region's answer to a cancel: withdrawn (it will not decide the case), or refused because it has
 * already decided (办结 or 不予受理) or the case is past the point where its rules allow a withdrawal.
 * Whatever it answers, the region keeps reporting the case's status as before.
 */
export type CancelAnswer =
  | { outcome: 'withdrawn'; partnerStatus: string; occurredAt: string }
  | { outcome: 'refused'; partnerStatus: string; reason: string; decided?: PartnerReportedStatus };

export interface PartnerAdapter {
  /** GB/T 2260 code of the partner region, e.g. '310104' */
  readonly region: string;
  /** e.g. '上海市徐汇区' */
  readonly name: string;
  readonly capabilities: PartnerCapabilities;
  /** Deliver one step of a case. Must be safe to call again with the same idempotencyKey.
   *  Throws PartnerFailure on failure. */
  deliver(req: HandoffRequest, ctx: PartnerContext): Promise<HandoffAck>;
  /** regions that declare `cancel`: ask the region to withdraw a case it has. Must be safe to call again
   *  with the same idempotencyKey. Throws PartnerFailure when there is no answer to act on. */
  cancel?(req: CancelRequest, ctx: PartnerContext): Promise<CancelAnswer>;
  /** Report one decision of ours on a case the partner handed us, in its style. Must be safe to call
   *  again with the same idempotencyKey. Throws PartnerFailure on failure. A partner without it cannot
   *  hear our decisions: the report is dead-lettered, for an operator to see. */
  report?(req: DecisionReport, ctx: PartnerContext): Promise<{ partnerStatus?: string }>;
  /** polling partners: every status change since the case was handed off, oldest first */
  pollStatus?(partnerRef: string, caseNo: string, ctx: PartnerContext): Promise<PartnerStatusUpdate[]>;
  /** callback partners: the largest callback body their contract allows (bytes; default 1 MiB) */
  callbackMaxBytes?: number;
  /** callback partners: how their callbacks are encoded: JSON (the default) or an HTML form
   *  (application/x-www-form-urlencoded, `body` then a record of strings) */
  callbackMediaType?: 'json' | 'form';
  /**
   * callback partners: who sent it, from a request whose body the core has read (within callbackMaxBytes)
   * and parsed once (`body`: JSON bounded in depth and members, or the form's fields); `rawBody` holds the
   * bytes as sent. Throws GatewayError SIGNATURE_INVALID / VALIDATION_FAILED; the core then checks
   * freshness and the nonce.
   */
  verifyCallback?(req: InboundHttpRequest): CallbackAuth;
  /**
   * callback partners: the updates a verified callback carries. May call the partner back through `ctx.http`
   * (a result sent by URL is fetched here); every such exchange reported to `ctx.record` goes into the audit
   * trail with the updates it brought.
   */
  parseCallback?(req: InboundHttpRequest, ctx: PartnerContext): PartnerStatusUpdate[] | Promise<PartnerStatusUpdate[]>;
  /** callback partners: the reply body in the partner's style, for success or for an error */
  callbackReply?(outcome: { ok: true } | { ok: false; code: string; message: string }): { status: number; contentType: string; body: unknown };
  /** polling partners (reportsBy 'poll'): the largest poll body (bytes; default 64 KiB) */
  pollMaxBytes?: number;
  /**
   * polling partners: what the headers alone tell of a poll, before a byte of its body is read: which
   * of the region's operations `operation` (the last path segment) is, and when and with which nonce the
   * region says it sent it (the core checks the time at once, the nonce once the signature verified).
   * Throws GatewayError NOT_FOUND (no such operation) or SIGNATURE_INVALID (headers missing or malformed).
   */
  checkPollHeaders?(operation: string, headers: InboundHttpRequest['headers']): { operationId: string; auth: CallbackAuth };
  /** polling partners: the signature over the request read within pollMaxBytes, then its body against the
   *  region's contract; throws GatewayError SIGNATURE_INVALID / VALIDATION_FAILED */
  verifyPoll?(req: InboundHttpRequest, operationId: string): PollQuery;
  /** polling partners: the answer, in the region's style; `found` is undefined when the region handed us no
   *  such case. Never calls the network: everything it may tell is in `found`. */
  answerPoll?(query: PollQuery, found: PublishedCase | undefined): Promise<PartnerReply>;
  /** polling partners: a refused poll in the region's error style (code: one of our error codes) */
  pollReply?(refusal: { code: string; message: string }): PartnerReply;
}

/** Why a delivery failed, in terms the handoff worker can act on. */
export class PartnerFailure extends Error {
  readonly code: 'PARTNER_UNAVAILABLE' | 'PARTNER_REJECTED' | 'PARTNER_CONTRACT_VIOLATION';
  /** retry later (timeouts, 5xx, dropped connections) or not (the partner refused the content) */
  readonly retryable: boolean;
  constructor(code: PartnerFailure['code'], message: string, retryable: boolean) {
    super(message);
    this.name = 'PartnerFailure';
    this.code = code;
    this.retryable = retryable;
  }
}

/** Inbound cases (we are 办理地): how a partner authenticates when it calls our receiveCase. */
export interface InboundCredentials {
  /** the partner's appId in our contract */
  appId: string;
  /** HMAC-SHA256 secret shared with the partner */
  secret: string;
}

/**
 * One adapter setting. A required one must be set in production; outside it the devDefault serves. An
 * optional one may be left unset anywhere (the adapter then does without it: the key is absent).
 */
export interface PartnerSettingSpec {
  description: string;
  devDefault?: string;
  optional?: boolean;
}

/** Settings of one partner, parsed by config.ts from PARTNER_<REGION>_<KEY> variables. */
export type PartnerSettings = Readonly<Record<string, string>>;

/** What the gateway tells an adapter about itself when it creates it. */
export interface AdapterEnvironment {
  /** our public callback URL for this region (PUBLIC_BASE_URL + /api/inbound/partners/<region>/callback),
   *  for contracts that carry a notify URL in their requests */
  callbackUrl: string;
}

/** Everything a partner folder offers, as registered in partners/index.ts. */
export interface PartnerModule {
  region: string;
  name: string;
  /** the adapter's settings (PARTNER_<REGION>_<KEY>), with development defaults (used by the demo and tests) */
  settings: Readonly<Record<string, PartnerSettingSpec>>;
  /**
   * settings only the simulated partner has, e.g. its platform's private signing key: never given to the
   * adapter and never read from PARTNER_ variables; the demo and the tests pass their devDefault to the
   * simulator (partners/index.ts startSimulator)
   */
  simulatorSettings?: Readonly<Record<string, { description: string; devDefault: string }>>;
  createAdapter(settings: PartnerSettings, env?: AdapterEnvironment): PartnerAdapter;
  /** the simulated partner server (demo and tests) */
  createSimulator(options: SimulatorOptions): Promise<SimulatedPartner>;
  /** the items our windows receive 异地代收代办 for this region, each naming it as `partner`; a
   *  事项基本编码 at most once here (another region may offer the same national item) */
  catalog: readonly ServiceItem[];
  /** the names of this region's prefectures and counties (GB/T 2260 code → the unit's own name, e.g.
   *  '310104': '徐汇区'), within its province; the core names the provinces itself */
  regionNames: Readonly<Record<string, string>>;
  /** the demo account of one of this region's clerks (role partner_clerk, for 三方连线), seeded when
   *  SEED_DEMO_USERS is on */
  demoClerk: DemoClerk;
}

/** A partner region's demo clerk: its region is the module's. */
export interface DemoClerk {
  username: string;
  password: string;
  displayName: string;
  /** e.g. '上海市徐汇区行政服务中心' */
  window: string;
}

export interface SimulatorOptions {
  /** the partner's settings (same credentials as the adapter) */
  settings: PartnerSettings;
  /** where the simulator pushes callbacks (our gateway's base URL), if it pushes */
  gatewayBaseUrl?: string;
  /** our gateway's inbound credentials for this partner, for receiveCase calls */
  inbound?: InboundCredentials;
  /** decide automatically (accept after acceptAfterMs, complete after completeAfterMs); off in tests */
  autoAdvance?: { acceptAfterMs: number; completeAfterMs: number };
  now?: () => Date;
  /** interface to listen on (default 127.0.0.1; 0.0.0.0 in containers) */
  host?: string;
}

export interface SimulatedPartner {
  /** base URL the adapter calls, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

export type { Applicant, IdType, ServiceItem };
