// The store, opened and wired: the SQL database (migrated), the case store on it, personal data sealed
// at rest around it, and the audit trail's verifier. The audit chain is written in the same
// transaction as the events it chains, so there is no chainer to wait for.
import { AnchorLog } from '../audit/anchors.js';
import type { SigningKey } from '../receipts/keys.js';
import type { StoreLogger } from './logger.js';
import { createAnchorRecordStore } from './sql/anchorRecords.js';
import { type AuditVerdict, verifyCaseAudit } from '../audit/verify.js';
import type { Keyring } from './keyring.js';
import { createPersonalDataCodec } from './personalData.js';
import { withSealedPersonalData } from './sealedStore.js';
import { openDatabase, type SqlDatabase, type SqlTarget } from './sql/database.js';
import { createSqlStore } from './sql/caseStore.js';
import { localChangeFeed, postgresChangeFeed, type ChangeFeed } from './sql/changeFeed.js';
import type { Store } from './types.js';

export type { AuditVerdict } from '../audit/verify.js';
export { verifyCaseAudit } from '../audit/verify.js';
export { BlobNotFoundError, type Store } from './types.js';
export { openKeyringFile, KeyringError, type Keyring } from './keyring.js';
export { PersonalDataError } from './personalData.js';
export type { StoreLogger } from './logger.js';
export { StoreInUseError, type SqlDatabase, type SqlTarget } from './sql/database.js';
export type { CaseChange, ChangeFeed } from './sql/changeFeed.js';

export interface OpenStoreOptions {
  /** SQLite file (the embedded default) or PostgreSQL URL */
  target: SqlTarget;
  /** the keys personal data is sealed with at rest (personalData.ts); from PII_KEYS_FILE */
  keyring: Keyring;
  /** sign the chain heads into the anchor log (audit/anchors.ts) every `intervalMs`, with this key */
  anchors?: { key: SigningKey; intervalMs: number; logger?: StoreLogger };
  now?: () => Date;
  /** the change feed's LISTEN connection broke (it reconnects by itself) */
  onFeedError?: (err: Error) => void;
}

export interface StoreAudit {
  /** kept for callers that wait for the chain: every committed event is chained already */
  flush(): Promise<void>;
  /** verifies the case's chain (and its anchored head) */
  verify(caseId: string): Promise<AuditVerdict>;
  close(): Promise<void>;
}

export interface OpenedStore {
  store: Store;
  audit: StoreAudit;
  /** the database the store runs on (the other repositories share it) */
  database: SqlDatabase;
  /** the signed anchors of the chain heads, when asked for */
  anchors: AnchorLog | undefined;
  /** committed case changes, from this instance and (PostgreSQL) every other one */
  changes: ChangeFeed;
}

export async function openStore(opts: OpenStoreOptions): Promise<OpenedStore> {
  const database = await openDatabase(opts.target);
  const anchors = opts.anchors && await AnchorLog.open({ records: createAnchorRecordStore(database), ...opts.anchors, ...(opts.now ? { now: opts.now } : {}) });
  const changes = opts.target.engine === 'postgres'
    ? await postgresChangeFeed({ url: opts.target.url, ...(opts.onFeedError ? { onError: opts.onFeedError } : {}) })
    : localChangeFeed();
  const sqlStore = createSqlStore(database, { changes, ...(opts.now ? { now: opts.now } : {}), ...(anchors ? { onChained: (caseId, head) => anchors.note(caseId, head) } : {}) });
  const inner: Store = { ...sqlStore, close: async () => { await changes.close(); await sqlStore.close(); } };
  return {
    // events and the audit trail hold no personal data: the verifier reads the store underneath
    store: withSealedPersonalData(inner, createPersonalDataCodec(opts.keyring)),
    audit: {
      flush: async () => {},
      verify: (caseId) => verifyCaseAudit(inner, caseId, anchors),
      close: async () => {},
    },
    database,
    anchors,
    changes,
  };
}
