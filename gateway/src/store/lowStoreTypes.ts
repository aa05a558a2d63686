// The options, start-up report and counters of the default store, and what it offers beyond the
// Store interface (to the audit chainer, tests and benches).
import type { CaseEvent } from '../domain/case.js';
import type { CheckpointStage } from './checkpoint.js';
import type { StoreLogger } from './logger.js';
import type { Store } from './types.js';

export interface LowStoreOptions {
  dataDir: string;
  /** fsync the log, the checkpoints and blobs (default true; off only for seeding benches) */
  fsync?: boolean;
  logger?: StoreLogger;
  /** receives the events of every durable write, after it; must not block (the audit chainer queues them) */
  onEvents?: (caseId: string, events: CaseEvent[]) => void;
  /** case documents kept in memory (default 2000) */
  cacheSize?: number;
  /** how often a checkpoint runs: log, case documents and audit checkpoint (default 1000 ms) */
  checkpointMs?: number;
  /** a checkpoint also starts when the log's current segment passes this size (default 8 MiB) */
  segmentBytes?: number;
  /** fsyncs a checkpoint keeps in flight through libuv's pool, from a worker thread (default 2, so the log's sync finds a thread) */
  syncConcurrency?: number;
  /** a case document is written this long after its first unwritten change, so changes in between coalesce (default 100 ms) */
  flushDelayMs?: number;
  /** tests: leave committed documents unwritten until a checkpoint, as a crash right after each commit would */
  pauseFlusher?: boolean;
  /** tests: called after each stage of a log checkpoint */
  onCheckpointStage?: (stage: CheckpointStage) => void;
}

export interface InitReport {
  cases: number;
  leftoverTempFiles: string[];
  /** cases written since the last audit checkpoint: the chainer checks only these */
  toReconcile: number;
  /** case documents rewritten from the write-ahead log (0 after a clean close) */
  replayed: number;
  logEntries: number;
  tornLogBytes: number;
  ms: number;
}

export interface StoreStats {
  walBatches: number;
  walEntries: number;
  walSyncs: number;
  walBytes: number;
  docWrites: number;
  docCreates: number;
  checkpoints: number;
  docSyncs: number;
  dirSyncs: number;
  auditFileSyncs: number;
  auditDirSyncs: number;
}

/** The Store plus what the audit chainer, tests and benches need from it. */
export interface LowStore extends Store {
  /** cases whose newest events may not be in the audit trail yet (found at init via the checkpoint) */
  casesToReconcile(): string[];
  /** the chainer reports that the audit trail of a case reaches `seq` */
  markChained(caseId: string, seq: number): void;
  /** seq and hash of the last audit entry, or undefined when the trail's end needs a full read */
  readAuditHead(caseId: string): Promise<{ seq: number; hash: string } | undefined>;
  initReport(): InitReport | undefined;
  /** writes every committed case document to its file now (not fsynced), for tests and tools that read the files */
  flushDocuments(): Promise<void>;
  /** runs a checkpoint now (after the one in progress) */
  checkpoint(): Promise<void>;
  stats(): StoreStats;
}
