// The store's one interface. Only gateway/src/store/ touches lowdb or the data directory; everything
// else sees plain data through this, so a PostgreSQL store can replace it by implementing it again.
import type { CaseEvent, CaseRecord, CaseStatus, Direction, HandoffJobStatus } from '../domain/case.js';

/** An event as a use case writes it: the store numbers it (seq) and stamps the case id. */
export type NewEvent = Omit<CaseEvent, 'caseId' | 'seq'>;

/** What the in-memory index keeps of each case: enough to list, filter and schedule, nothing personal. */
export interface CaseSummary {
  id: string;
  caseNo: string;
  direction: Direction;
  status: CaseStatus;
  partner: string;
  partnerRef?: string;
  acceptRegion: string;
  handlingRegion: string;
  itemCode: string;
  itemName: string;
  promisedAt?: string;
  createdAt: string;
  updatedAt: string;
  /** the status of the latest handoff job, if any */
  handoffStatus?: HandoffJobStatus;
  eventCount: number;
  /** the keyed hash of the applicant's ID number (personalData.ts): a pseudonym to filter by, never the number */
  idNumberHash?: string;
}

export interface CaseQuery {
  /** only cases whose acceptRegion or handlingRegion is one of these */
  regions: string[];
  status?: CaseStatus[];
  partner?: string;
  handoffStatus?: HandoffJobStatus;
  /** promisedAt <= this (ISO): cases due by then */
  deadlineBefore?: string;
  /** caseNo contains this */
  caseNo?: string;
  /**
   * the applicant's full ID number: the personal-data layer (sealedStore.ts) replaces it by its keyed
   * hash before the query reaches a store, which filters by `idNumberHash` only
   */
  idNumber?: string;
  idNumberHash?: string;
  /** newest first */
  offset: number;
  limit: number;
}

export interface DueJob {
  caseId: string;
  jobId: string;
  partner: string;
  nextAttemptAt: string;
}

/** One entry of a case's hash-chained audit trail. */
export interface AuditEntry {
  seq: number;
  /** hash of the previous entry ('0' * 64 for the first) */
  prev: string;
  /** SHA-256 over prev + the canonical JSON of event */
  hash: string;
  event: CaseEvent;
}

export interface Store {
  /** open the data directory and build the in-memory indexes */
  init(): Promise<void>;
  close(): Promise<void>;
  /** store a new case with its first events in one durable write */
  createCase(record: CaseRecord, events: NewEvent[]): Promise<{ record: CaseRecord; events: CaseEvent[] }>;
  getCase(id: string): Promise<CaseRecord | undefined>;
  findCaseIdByNo(caseNo: string): string | undefined;
  findCaseIdByPartnerRef(partner: string, partnerRef: string): string | undefined;
  findCaseIdByInboundKey(partner: string, idempotencyKey: string): string | undefined;
  /**
   * Read-modify-write of one case under a per-case lock, then one durable write (case + new events).
   * `mutate` changes the record in place and returns the events to append; if it throws, nothing is
   * written. `version` is incremented and `updatedAt` set by the caller's mutate.
   */
  updateCase(id: string, mutate: (record: CaseRecord) => NewEvent[] | Promise<NewEvent[]>): Promise<{ record: CaseRecord; events: CaseEvent[] }>;
  listCases(query: CaseQuery): { items: CaseSummary[]; total: number };
  /** pending handoff jobs due at or before `now`, oldest first */
  dueJobs(now: Date, limit: number): DueJob[];
  /** the earliest nextAttemptAt of any pending job, to know how long the worker may sleep */
  nextDueAt(): Date | undefined;
  /** cases of a partner in the given states (for polling partners) */
  casesOfPartner(partner: string, statuses: CaseStatus[]): CaseSummary[];
  events(caseId: string): Promise<CaseEvent[]>;
  /** material files, result documents: durable before the promise resolves */
  putBlob(caseId: string, name: string, bytes: Buffer): Promise<void>;
  getBlob(caseId: string, name: string): Promise<Buffer>;
  /** the audit trail (written by the audit chainer, off the hot path) */
  appendAudit(caseId: string, entries: AuditEntry[]): Promise<void>;
  readAudit(caseId: string): Promise<AuditEntry[]>;
  /** how many cases are stored */
  count(): number;
}
