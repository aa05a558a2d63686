// The default store: one small lowdb document per case (record + events) under cases/<shard>/, in
// memory only summaries and lookups (caseIndex.ts) and a bounded cache of recently used documents.
// Why: lowdb rewrites its whole file per write (846 ms per update at 50k cases in one file, DESIGN.md
// §7); the figures of this layout are printed by tests/bench/store.bench.ts.
//
// What makes a write durable is one line in a write-ahead log shared by all cases, synced once per
// batch (group commit, wal.ts); the documents follow in the background (flusher.ts) and are fsynced
// by the periodic checkpoint (checkpoint.ts), which then drops the log; a start after a crash
// replays it (recovery.ts). Per write that is one append and a share of one fdatasync, instead of a
// temp file, a rename and two fsyncs.
import { AuditBacklog } from './auditBacklog.js';
import { appendAuditFile, readAuditFile, readAuditHead } from './auditFiles.js';
import { AuditSync } from './auditSync.js';
import { createBlobs } from './blobs.js';
import type { CaseDb } from './caseDoc.js';
import { CaseIndex } from './caseIndex.js';
import { caseWrites } from './caseWrites.js';
import { Checkpointer } from './checkpoint.js';
import { DocFlusher } from './flusher.js';
import { KeyedLock } from './keyedLock.js';
import { moduleLogger } from './logger.js';
import type { InitReport, LowStore, LowStoreOptions } from './lowStoreTypes.js';
import { Lru } from './lru.js';
import { assertSafeName, layoutOf } from './paths.js';
import { prepareDataDir } from './prepare.js';
import { recover } from './recovery.js';
import { SyncWorker } from './syncWorker.js';
import { WriteAheadLog } from './wal.js';

export type { CheckpointStage } from './checkpoint.js';
export type { InitReport, LowStore, LowStoreOptions, StoreStats } from './lowStoreTypes.js';

export function createLowStore(opts: LowStoreOptions): LowStore {
  const fsync = opts.fsync ?? true;
  const syncConcurrency = opts.syncConcurrency ?? 2;
  const log = moduleLogger(opts.logger, 'store');
  const layout = layoutOf(opts.dataDir);
  const index = new CaseIndex();
  const cache = new Lru<string, CaseDb>(opts.cacheSize ?? 2000);
  const locks = new KeyedLock();
  const auditLocks = new KeyedLock();
  const backlog = new AuditBacklog(layout.checkpointFile, fsync, opts.onEvents !== undefined);
  let syncer: SyncWorker | undefined;
  const syncFiles = (paths: Iterable<string>, dataOnly: boolean): Promise<number> => (syncer ? syncer.sync(paths, dataOnly) : Promise.resolve(0));
  const auditSync = new AuditSync(backlog, syncFiles);
  const blobs = createBlobs(layout, fsync);
  const flusher = new DocFlusher(log, opts.flushDelayMs ?? 100, opts.pauseFlusher);
  let wal: WriteAheadLog | undefined;
  let checkpointer: Checkpointer | undefined;
  let state: 'new' | 'open' | 'closed' = 'new';
  let report: InitReport | undefined;
  const toReconcile: string[] = [];

  function assertOpen(): void {
    if (state !== 'open') throw new Error(`store is ${state === 'new' ? 'not initialised (call init())' : 'closed'}`);
  }

  const cases = caseWrites({ layout, index, cache, flusher, backlog, locks, log, onEvents: opts.onEvents, wal: () => wal as WriteAheadLog });

  return {
    async init() {
      if (state !== 'new') throw new Error('store already initialised');
      const started = performance.now();
      await prepareDataDir(layout, fsync);
      const watermark = await backlog.load();
      index.beginBulk();
      const recovered = await recover({ layout, fsync, log, syncConcurrency }, (doc) => {
        index.put(doc.record, doc.events.length);
        if (backlog.seen(doc.record.id, doc.lsn, doc.events.at(-1)?.seq ?? 0, watermark)) toReconcile.push(doc.record.id);
      });
      index.endBulk();
      backlog.advance(recovered.maxLsn);
      wal = await WriteAheadLog.open(
        { layout, fsync, segmentBytes: opts.segmentBytes ?? 8 * 2 ** 20, onFull: () => checkpointer?.request() },
        recovered.nextSegment,
      );
      if (fsync) syncer = new SyncWorker(syncConcurrency);
      checkpointer = new Checkpointer({
        layout, fsync, wal, flusher, audit: auditSync, log, sync: syncFiles,
        intervalMs: opts.checkpointMs ?? 1000,
        onStage: opts.onCheckpointStage,
      });
      const { replayed, logEntries, tornLogBytes, leftoverTempFiles } = recovered;
      report = { cases: index.size, leftoverTempFiles, toReconcile: toReconcile.length, replayed, logEntries, tornLogBytes, ms: performance.now() - started };
      log.info({ ...report, leftoverTempFiles: leftoverTempFiles.length }, 'store opened');
      checkpointer.start();
      state = 'open';
    },

    async close() {
      if (state !== 'open') return;
      state = 'closed';
      await locks.idle();
      await auditLocks.idle();
      try {
        await checkpointer?.close();
      } finally {
        flusher.close();
        await wal?.close();
        await syncer?.close();
      }
    },

    async createCase(record, events) {
      assertOpen();
      return cases.createCase(record, events);
    },
    async getCase(id) {
      assertOpen();
      return cases.getCase(id);
    },
    async updateCase(id, mutate) {
      assertOpen();
      return cases.updateCase(id, mutate);
    },
    async events(caseId) {
      assertOpen();
      return cases.events(caseId);
    },

    findCaseIdByNo: (caseNo) => index.idByNo(caseNo),
    findCaseIdByPartnerRef: (partner, partnerRef) => index.idByPartnerRef(partner, partnerRef),
    findCaseIdByInboundKey: (partner, key) => index.idByInboundKey(partner, key),
    listCases: (query) => index.list(query),
    dueJobs: (now, limit) => index.dueJobs(now, limit),
    nextDueAt: () => index.jobs.next(),
    casesOfPartner: (partner, statuses) => index.ofPartner(partner, statuses),
    count: () => index.size,

    putBlob: (caseId, name, bytes) => blobs.put(caseId, name, bytes),
    getBlob: (caseId, name) => blobs.get(caseId, name),

    async appendAudit(caseId, entries) {
      assertSafeName('case id', caseId);
      const last = entries.at(-1);
      if (!last) return;
      const path = layout.auditFile(caseId);
      const { created } = await auditLocks.run(caseId, () => appendAuditFile(path, entries, log));
      auditSync.appended(caseId, last.seq, path, created);
    },

    async readAudit(caseId) {
      assertSafeName('case id', caseId);
      return auditLocks.run(caseId, () => readAuditFile(layout.auditFile(caseId), log));
    },

    async readAuditHead(caseId) {
      assertSafeName('case id', caseId);
      return auditLocks.run(caseId, async () => readAuditHead(layout.auditFile(caseId)));
    },

    casesToReconcile: () => [...toReconcile],
    markChained: (caseId, seq) => auditSync.chained(caseId, seq, layout.auditFile(caseId)),
    initReport: () => report && { ...report, leftoverTempFiles: [...report.leftoverTempFiles] },
    flushDocuments: () => flusher.flushAll(),
    async checkpoint() {
      assertOpen();
      await checkpointer?.now();
    },
    stats: () => ({
      walBatches: wal?.stats.batches ?? 0,
      walEntries: wal?.stats.entries ?? 0,
      walSyncs: wal?.stats.syncs ?? 0,
      walBytes: wal?.stats.bytes ?? 0,
      docWrites: flusher.stats.writes,
      docCreates: flusher.stats.creates,
      checkpoints: checkpointer?.stats.checkpoints ?? 0,
      docSyncs: checkpointer?.stats.docSyncs ?? 0,
      dirSyncs: checkpointer?.stats.dirSyncs ?? 0,
      auditFileSyncs: auditSync.stats.fileSyncs,
      auditDirSyncs: auditSync.stats.dirSyncs,
    }),
  };
}
