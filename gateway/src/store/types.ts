// The store's one interface. Only gateway/src/store/ touches the database and the data directory;
// everything else sees plain data through this. One implementation serves both engines
// (sql/caseStore.ts on SQLite or PostgreSQL), wrapped so that personal data is sealed at rest
// (sealedStore.ts).
import type { CaseEvent, CaseRecord, CaseStatus, Direction, HandoffJobStatus, NewCaseEvent } from '../domain/case.js';

/** An event as a use case writes it: the store numbers it (seq) and stamps the case id. */
export type NewEvent = NewCaseEvent;

/** What a list of cases shows of each: enough to list, filter and schedule, nothing personal. */
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
}

export interface CaseQuery {
  /** only cases whose acceptRegion or handlingRegion is one of these */
  regions: string[];
  status?: CaseStatus[];
  /** only cases we hand off (outbound) or decide (inbound) */
  direction?: Direction;
  partner?: string;
  handoffStatus?: HandoffJobStatus;
  /** promisedAt <= this (ISO): cases due by then */
  deadlineBefore?: string;
  /** caseNo contains this */
  caseNo?: string;
  /** the applicant's full ID number: found through its keyed hash (sealedStore.ts), never stored plain */
  idNumber?: string;
  /** inside the store only: the keyed hash the sealing layer made of `idNumber` */
  idNumberHash?: string;
  /** newest first */
  offset: number;
  limit: number;
}

/** An outbox job this process holds the lease of, as claimDueJobs returns it. */
export interface ClaimedJob {
  caseId: string;
  jobId: string;
  /** 'render': the documents a handoff step carries; 'deliver': the step to its partner */
  kind: 'render' | 'deliver';
  /** the partner a delivery goes to ('' for a render) */
  partner: string;
  step: string;
  nextAttemptAt: string;
  /** the lease runs out then unless extended (extendLeases) */
  leaseUntil: string;
}

/** The lease an update rests on: it is written only while `owner` still holds the job's lease. */
export interface LeaseCheck {
  jobId: string;
  owner: string;
}

/**
 * The lease of an outbox job was lost: it ran out and another owner claimed the job (or the job was
 * withdrawn meanwhile). The update was not written; the other owner's attempt is the one that counts.
 */
export class LeaseLostError extends Error {
  readonly code = 'LEASE_LOST';
  constructor(
    readonly jobId: string,
    readonly owner: string,
  ) {
    super(`the lease of outbox job ${jobId} is no longer held by ${owner}`);
    this.name = 'LeaseLostError';
  }
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

/** A blob (material file, document) that is not in the store. */
export class BlobNotFoundError extends Error {
  readonly code = 'BLOB_NOT_FOUND';
  constructor(
    readonly caseId: string,
    readonly blobName: string,
  ) {
    super(`blob ${blobName} of case ${caseId} is not in the store`);
    this.name = 'BlobNotFoundError';
  }
}

/** a blob (material file, document) written in the same transaction as its case */
export interface NewBlob {
  name: string;
  bytes: Buffer;
}

export interface UpdateOptions {
  /**
   * The blobs to write with the update, chosen from the record as `mutate` left it (so that only what
   * the committed record points at is written): they commit with the case or not at all.
   */
  blobs?: (record: CaseRecord) => NewBlob[];
  /**
   * The update records the outcome of an outbox job's attempt: it is written, and the job's lease
   * cleared, in the one transaction, only while `owner` still holds the lease; otherwise nothing is
   * written and updateCase rejects with LeaseLostError.
   */
  lease?: LeaseCheck;
}

export interface Store {
  /**
   * Store a new case with its first events, jobs and blobs in one transaction. A case number or
   * partner idempotency key already taken is CONCURRENT_UPDATE, and nothing is written.
   */
  createCase(record: CaseRecord, events: NewEvent[], blobs?: NewBlob[]): Promise<{ record: CaseRecord; events: CaseEvent[] }>;
  getCase(id: string): Promise<CaseRecord | undefined>;
  findCaseIdByNo(caseNo: string): Promise<string | undefined>;
  findCaseIdByPartnerRef(partner: string, partnerRef: string): Promise<string | undefined>;
  findCaseIdByInboundKey(partner: string, idempotencyKey: string): Promise<string | undefined>;
  /** an inbound case by the sending region's 办件编号 (its latest, should it have sent the number twice) */
  findCaseIdByPartnerCaseNo(partner: string, partnerCaseNo: string): Promise<string | undefined>;
  /**
   * Read-modify-write of one case in one transaction (the case row locked): `mutate` changes the
   * record in place and returns the events to append; case, events and jobs commit together. If it
   * throws, nothing is written. `version` is set by the store; `updatedAt` by the caller's mutate.
   */
  updateCase(
    id: string,
    mutate: (record: CaseRecord) => NewEvent[] | Promise<NewEvent[]>,
    opts?: UpdateOptions,
  ): Promise<{ record: CaseRecord; events: CaseEvent[] }>;
  listCases(query: CaseQuery): Promise<{ items: CaseSummary[]; total: number }>;
  /**
   * Leases up to `limit` due outbox jobs to `owner` until now + leaseMs, atomically, oldest first: pending
   * jobs due at or before `now` that nobody holds a live lease on (none, or one that ran out by
   * `now`), deliveries only once their step's documents are rendered. With several instances on one
   * PostgreSQL each job goes to one claimer (FOR UPDATE SKIP LOCKED).
   */
  claimDueJobs(owner: string, now: Date, limit: number, leaseMs: number): Promise<ClaimedJob[]>;
  /** extends to now + leaseMs the leases `owner` still holds among `jobIds`; returns those ids */
  extendLeases(owner: string, jobIds: string[], now: Date, leaseMs: number): Promise<string[]>;
  /**
   * When the worker should look again: the earliest time a pending job becomes claimable (its
   * nextAttemptAt, or the end of a live lease on it), undefined when no job is pending.
   */
  nextDueAt(): Promise<Date | undefined>;
  /** cases of a partner in the given states (for polling partners), newest first */
  casesOfPartner(partner: string, statuses: CaseStatus[]): Promise<CaseSummary[]>;
  events(caseId: string): Promise<CaseEvent[]>;
  /** the audit trail: the events with their chain hashes, written in the same transaction as them */
  readAudit(caseId: string): Promise<AuditEntry[]>;
  /** material files, result documents: durable before the promise resolves */
  putBlob(caseId: string, name: string, bytes: Buffer): Promise<void>;
  getBlob(caseId: string, name: string): Promise<Buffer>;
  /** how many cases are stored */
  count(): Promise<number>;
  close(): Promise<void>;
}
