// Start-up: load the case documents as they are on disk, then replay the write-ahead log over them.
// Every case whose latest state in the log is newer than its document (or whose document is
// missing or torn) takes the log's state; those documents are rewritten and made durable, and only
// then is the log dropped (a checkpoint record first, then the segment files), so a crash at any
// point of the start itself leaves a log that the next start replays again.
import { unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CaseDocFile, type CaseDoc } from './caseDoc.js';
import { syncPaths, writeFileDurable } from './durableFile.js';
import type { StoreLogger } from './logger.js';
import type { Layout } from './paths.js';
import { removeLeftovers } from './prepare.js';
import { scanCaseDocs } from './scan.js';
import { readLog } from './walReplay.js';

export interface Recovered {
  /** documents rewritten from the log */
  replayed: number;
  logEntries: number;
  tornLogBytes: number;
  leftoverTempFiles: string[];
  /** the segment the log continues in (not created yet) */
  nextSegment: number;
  /** the highest lsn of the log or its checkpoint: new writes go above it */
  maxLsn: number;
}

export interface RecoveryOptions {
  layout: Layout;
  fsync: boolean;
  log: StoreLogger;
  syncConcurrency: number;
}

export async function recover(opts: RecoveryOptions, onDoc: (doc: CaseDoc) => void): Promise<Recovered> {
  const { layout, fsync, log } = opts;
  const wal = await readLog(layout);
  if (wal.torn) log.warn(wal.torn, 'cut a torn end off the write-ahead log (a batch the crash interrupted; none of it was acknowledged)');

  const fromLog = wal.docs;
  const scan = await scanCaseDocs(
    layout.casesDir,
    (doc) => {
      const logged = fromLog.get(doc.record.id);
      if (logged && logged.lsn > doc.lsn) return;
      if (logged) fromLog.delete(doc.record.id);
      onDoc(doc);
    },
    (id) => fromLog.has(id),
  );
  for (const doc of fromLog.values()) onDoc(doc);

  await rewriteDurably(opts, fromLog);
  await removeLeftovers([...scan.leftovers, ...wal.leftovers], log);
  const nextSegment = wal.lastSegment + 1;
  const maxLsn = Math.max(wal.maxLsn, wal.checkpoint.lsn - 1);
  await writeFileDurable(layout.walCheckpointFile, JSON.stringify({ segment: nextSegment, lsn: maxLsn + 1, savedAt: new Date().toISOString() }), fsync);
  await Promise.all([...wal.obsolete, ...wal.segments].map((f) => unlink(f)));
  if (fromLog.size > 0) log.info({ documents: fromLog.size, entries: wal.entries }, 'replayed the write-ahead log');
  return {
    replayed: fromLog.size,
    logEntries: wal.entries,
    tornLogBytes: wal.torn?.bytes ?? 0,
    leftoverTempFiles: scan.leftovers,
    nextSegment,
    maxLsn,
  };
}

async function rewriteDurably(opts: RecoveryOptions, docs: Map<string, CaseDoc>): Promise<void> {
  if (docs.size === 0) return;
  const files: string[] = [];
  const pending = [...docs.entries()];
  const worker = async (): Promise<void> => {
    for (let next = pending.pop(); next; next = pending.pop()) {
      const [id, doc] = next;
      const file = new CaseDocFile(opts.layout.caseFile(id));
      await file.create(JSON.stringify(doc));
      files.push(file.path);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  if (!opts.fsync) return;
  await syncPaths(files, opts.syncConcurrency, true);
  await syncPaths(new Set(files.map((f) => dirname(f))), opts.syncConcurrency, false);
}
