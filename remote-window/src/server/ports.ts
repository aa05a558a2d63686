// The port through which the remote window sees the rest of the gateway. remote-window never imports
// gateway internals: gateway/src/remote/ implements this with the core (cases, store, audit trail).
import type { Logger } from 'pino';

export type { Logger };

/** A clerk as the gateway authenticated them (bearer JWT, checked by the gateway's own middleware). */
export interface ClerkIdentity {
  username: string;
  name: string;
  /** GB/T 2260 region code of the clerk's window */
  region: string;
}

/** The few facts of a case a session needs; never personal data. */
export interface CaseRef {
  caseId: string;
  caseNo: string;
  /** 办理地: the region with authority over the case */
  handlingRegion: string;
  /** 收件地: the region whose window received it */
  receivingRegion: string;
  itemName: string;
  /** whether a capture can still become a material of the case now (draft or 补正) */
  materialsEditable: boolean;
}

export type SessionEvidenceType =
  | 'session.created'
  | 'session.participant_waiting'
  | 'session.participant_joined'
  | 'session.admitted'
  | 'session.declined'
  | 'session.waiting_expired'
  | 'session.left'
  | 'session.reconnecting'
  | 'session.reconnected'
  | 'session.removed'
  | 'session.partner_invited'
  | 'session.capture_requested'
  | 'session.capture_consented'
  | 'session.capture_refused'
  | 'session.capture_failed'
  | 'session.media_restarted'
  | 'session.ended';

/** One fact for the evidence trail. Only ids, roles, regions, reasons and hashes: no names, no images. */
export interface EvidenceEvent {
  sessionId: string;
  /** absent for a walk-in session (then the event is only logged) */
  caseId?: string;
  at: string;
  /** 'clerk:<username>', 'applicant:<participantId>', 'system' */
  actor: string;
  type: SessionEvidenceType;
  data: Record<string, unknown>;
}

export interface CaptureToAttach {
  caseId: string;
  sessionId: string;
  captureId: string;
  /** the clerk who took it */
  clerk: ClerkIdentity;
  bytes: Buffer;
  mediaType: 'image/jpeg' | 'image/png';
  /** computed by the remote window from the bytes */
  sha256: string;
  note?: string;
}

export type LoadCaseResult =
  | { ok: true; case: CaseRef }
  | { ok: false; code: 'CASE_NOT_FOUND' | 'CASE_OUT_OF_REGION' | 'FORBIDDEN'; detail: string };

/**
 * Where a session's keys are announced when several gateway instances share the clients (issue 11): any
 * instance can then send a request holding one of them to the instance hosting the session.
 */
export interface SessionRoutes {
  /** note the keys of a new session as hosted here before any is handed out; false: the join code leads to an open session elsewhere, pick another */
  claim(keys: { sessionId: string; code: string; joinToken: string }): Promise<boolean>;
  /** the session ended: its code and link token lead nowhere any more (must not block, must not throw) */
  retire(sessionId: string): void;
}

export interface RemoteWindowDeps {
  /** load a case as this clerk would see it (the gateway's visibility rules) */
  loadCase(clerk: ClerkIdentity, caseId: string): Promise<LoadCaseResult>;
  /** store a consented still as a material of the case; rejects if the case no longer allows it */
  attachCapture(capture: CaptureToAttach): Promise<{ materialId: string; sha256: string }>;
  /** append to the case's audit trail off the hot path: must not block and must not throw */
  recordEvidence(event: EvidenceEvent): void;
  /** absent: one instance, the keys need announcing to nobody */
  routes?: SessionRoutes;
  now(): Date;
  logger: Logger;
}

/** What the remote window needs to know of the configuration (the gateway maps its config to this). */
export interface RemoteWindowSettings {
  workers: number;
  /** MEDIASOUP_WORKER_BIN, checked before the workers start */
  workerBin: string;
  listenIp: string;
  announcedIp?: string;
  rtcMinPort: number;
  rtcMaxPort: number;
  emptyTimeoutMs: number;
  reconnectGraceMs: number;
  joinTtlMs: number;
  waitingTimeoutMs: number;
  /** single-use ws tickets live this long */
  ticketTtlMs: number;
  /** ws ping interval; a peer that misses one is dropped (then it may resume) */
  heartbeatMs: number;
  /** base URL for join links, e.g. https://gateway.example.gov.cn */
  publicUrl: string;
  /** the ws URL path */
  wsPath: string;
}
