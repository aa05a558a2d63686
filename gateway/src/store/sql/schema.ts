// The tables of the SQL store, as kysely sees them: one set of types for both engines. Times are ISO
// 8601 UTC text (they sort as they compare, on both engines, and come from the injected clock); JSON
// columns are text; booleans are 0/1 integers; files are bytes (SQLite BLOB, PostgreSQL bytea).
export interface CasesTable {
  id: string;
  case_no: string;
  direction: string;
  status: string;
  partner: string;
  partner_ref: string | null;
  accept_region: string;
  handling_region: string;
  item_code: string;
  item_name: string;
  promised_at: string | null;
  created_at: string;
  updated_at: string;
  /** the status of the case's latest delivery job, for the dead-letter list */
  handoff_status: string | null;
  /** keyed hash of the applicant's ID number (store/personalData.ts) */
  id_number_hash: string | null;
  inbound_partner: string | null;
  inbound_key: string | null;
  /** the sending region's 办件编号 of an inbound case */
  inbound_case_no: string | null;
  version: number;
  event_count: number;
  /** the whole record, its personal fields sealed */
  record: string;
}

export interface CaseEventsTable {
  case_id: string;
  seq: number;
  at: string;
  actor: string;
  type: string;
  data: string;
  /** the audit chain: hash of the previous event ('0' × 64 for the first) and this one's */
  prev_hash: string;
  hash: string;
}

export interface OutboxJobsTable {
  id: string;
  case_id: string;
  /** 'render' (a case's documents) or 'deliver' (one step to one partner) */
  kind: string;
  partner: string | null;
  step: string;
  idempotency_key: string;
  status: string;
  attempts: number;
  max_attempts: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  created_at: string;
  delivered_at: string | null;
  last_error: string | null;
}

export interface CaseDocumentsTable {
  id: string;
  case_id: string;
  type: string;
  slot: string;
  /** 1 for a reprint (副本); originals are unique per (case, slot) */
  is_copy: number;
  issued_at: string;
  meta: string;
}

export interface BlobsTable {
  case_id: string;
  name: string;
  bytes: Uint8Array;
  size: number;
  created_at: string;
}

export interface InboundNoncesTable {
  partner: string;
  nonce: string;
  expires_at: string;
}

export interface UsersTable {
  username: string;
  display_name: string;
  region: string;
  window: string;
  roles: string;
  password_hash: string;
  disabled: number;
}

export interface LoginThrottleTable {
  /** 'account' or 'address': the two budgets of a login */
  scope: string;
  key: string;
  /** failures since `since` (the start of the window) */
  failures: number;
  since: string;
  locked_until: string | null;
  /** the attempts in flight, JSON [{ id, until }]: each holds a slot of the budget until its deadline */
  reservations: string;
  /** when the row, left alone, is stale (window over, lock over, no reservation left): it may be swept */
  expires_at: string;
}

export interface AuditAnchorsTable {
  n: number;
  at: string;
  hash: string;
  record: string;
}

/** which anchor records hold a head of which case (an index: the signed record is the authority) */
export interface AuditAnchorCasesTable {
  case_id: string;
  n: number;
}

export interface OpenSessionsTable {
  session_id: string;
  case_id: string | null;
  opened_at: string;
  instance_id: string;
}

export interface GatewayInstancesTable {
  id: string;
  /** where other instances reach this one (remote-window sessions live on the instance hosting them) */
  url: string;
  started_at: string;
  heartbeat_at: string;
  /** 1 when the instance runs the remote window (RW_ENABLED) */
  remote_window: number;
}

/** a key a client holds to reach a remote-window session, hashed, → the instance hosting the session */
export interface SessionRoutesTable {
  /** hex SHA-256 of '<kind>:<key>' (kind: session, code, join) */
  key_hash: string;
  session_id: string;
  instance_id: string;
  created_at: string;
  ended_at: string | null;
}

export interface Database {
  cases: CasesTable;
  case_events: CaseEventsTable;
  outbox_jobs: OutboxJobsTable;
  case_documents: CaseDocumentsTable;
  blobs: BlobsTable;
  inbound_nonces: InboundNoncesTable;
  users: UsersTable;
  login_throttle: LoginThrottleTable;
  audit_anchors: AuditAnchorsTable;
  audit_anchor_cases: AuditAnchorCasesTable;
  open_sessions: OpenSessionsTable;
  gateway_instances: GatewayInstancesTable;
  session_routes: SessionRoutesTable;
}
