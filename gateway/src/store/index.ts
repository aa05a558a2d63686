// The store with its audit chainer, wired together. lowStore.ts never imports the audit code: it
// calls the `onEvents` callback it is given; the chainer is given the store (as the narrow
// ChainerStore type). This file is the only one that imports both, so the module graph has no
// cycle: store/index → audit/* → store/{types,logger,lru}, and store/lowStore → nothing in audit/.
import type { AnchorLog } from '../audit/anchors.js';
import { createAuditChainer } from '../audit/chain.js';
import { type AuditVerdict, verifyCaseAudit } from '../audit/verify.js';
import type { Keyring } from './keyring.js';
import type { StoreLogger } from './logger.js';
import { createLowStore, type LowStore, type LowStoreOptions } from './lowStore.js';
import { createPersonalDataCodec } from './personalData.js';
import { withSealedPersonalData } from './sealedStore.js';

export type { AuditVerdict } from '../audit/verify.js';
export { verifyCaseAudit } from '../audit/verify.js';
export { createLowStore, type CheckpointStage, type LowStore, type LowStoreOptions, type InitReport, type StoreStats } from './lowStore.js';
export { BlobNotFoundError } from './blobs.js';
export { openKeyringFile, KeyringError, type Keyring } from './keyring.js';
export { PersonalDataError } from './personalData.js';
export type { StoreLogger } from './logger.js';
export { NonceJournal } from './nonceJournal.js';

/** dataDir, fsync and logger are what the gateway sets; the rest tune or test the store (lowStore.ts) */
export interface OpenStoreOptions extends Omit<LowStoreOptions, 'onEvents'> {
  dataDir: string;
  fsync?: boolean;
  logger?: StoreLogger;
  /** the signed anchors of the chain heads (anchors.ts): told every new head, asked by verify */
  anchors?: AnchorLog;
  /** the keys personal data is sealed with at rest (personalData.ts); from PII_KEYS_FILE */
  keyring: Keyring;
}

export interface StoreAudit {
  /** resolves once every event written so far is chained */
  flush(): Promise<void>;
  /** flushes, then verifies the case's chain against its stored events */
  verify(caseId: string): Promise<AuditVerdict>;
  /** flushes and stops the chainer (call before store.close()) */
  close(): Promise<void>;
}

/**
 * Opens (init) the store, starts the chainer and reconciles what a crash left unchained. The store it
 * returns seals personal data on the way in and opens it on the way out; the chainer works on the
 * store underneath, since events hold no personal data.
 */
export async function openStore(opts: OpenStoreOptions): Promise<{ store: LowStore; audit: StoreAudit }> {
  // the callback reaches the chainer only after init(), when `audit` exists
  const { anchors, keyring, ...storeOpts } = opts;
  const codec = createPersonalDataCodec(keyring);
  const store = createLowStore({ ...storeOpts, onEvents: (caseId, events) => audit.enqueue(caseId, events) });
  const audit = createAuditChainer({ store, logger: opts.logger, ...(anchors ? { onChained: (caseId, head) => anchors.note(caseId, head) } : {}) });
  await store.init();
  audit.reconcile(store.casesToReconcile());
  return {
    store: withSealedPersonalData(store, codec),
    audit: {
      flush: () => audit.flush(),
      async verify(caseId) {
        await audit.flush();
        return verifyCaseAudit(store, caseId, anchors);
      },
      close: () => audit.close(),
    },
  };
}
