// The audit trail's appends are plain appends (no fsync each); this makes them durable in batches
// and only then lets the audit checkpoint move. The chainer's "case X is chained up to seq N" is
// held back until every audit file touched so far has been fsynced (and the directory of every file
// created), so the saved watermark can never be ahead of what is on disk: after a crash, a case
// whose audit tail was lost is still owed and is re-chained from its events at the next start.
import { dirname } from 'node:path';
import type { AuditBacklog } from './auditBacklog.js';

/** fsyncs (dataOnly: fdatasyncs) the paths, resolving with how many were synced; a no-op without fsync */
export type SyncFiles = (paths: Iterable<string>, dataOnly: boolean) => Promise<number>;

export class AuditSync {
  readonly #backlog: AuditBacklog;
  readonly #sync: SyncFiles;
  #files = new Set<string>();
  #dirs = new Set<string>();
  /** caseId → seq the chain reaches, waiting for the next sync */
  #marks = new Map<string, number>();
  readonly stats = { fileSyncs: 0, dirSyncs: 0 };

  constructor(backlog: AuditBacklog, sync: SyncFiles) {
    this.#backlog = backlog;
    this.#sync = sync;
  }

  /** entries up to `seq` were appended to `path` (created: the file is new, its directory needs a sync too) */
  appended(caseId: string, seq: number, path: string, created: boolean): void {
    this.#files.add(path);
    if (created) this.#dirs.add(dirname(path));
    this.#mark(caseId, seq);
  }

  /**
   * the chain of `caseId` already reaches `seq` (nothing appended): the file may still be a previous
   * run's unsynced append, so it is synced with its directory before the mark counts
   */
  chained(caseId: string, seq: number, path: string): void {
    this.#files.add(path);
    this.#dirs.add(dirname(path));
    this.#mark(caseId, seq);
  }

  /** fsyncs everything touched so far, then lets the marks through and saves the watermark; never overlaps itself (the caller serialises) */
  async sync(): Promise<void> {
    const files = this.#files;
    const dirs = this.#dirs;
    const marks = this.#marks;
    this.#files = new Set();
    this.#dirs = new Set();
    this.#marks = new Map();
    try {
      this.stats.fileSyncs += await this.#sync(files, true);
      this.stats.dirSyncs += await this.#sync(dirs, false);
    } catch (e) {
      files.forEach((f) => this.#files.add(f));
      dirs.forEach((d) => this.#dirs.add(d));
      marks.forEach((seq, id) => this.#mark(id, seq));
      throw e;
    }
    marks.forEach((seq, id) => this.#backlog.chained(id, seq));
    await this.#backlog.save();
  }

  #mark(caseId: string, seq: number): void {
    this.#marks.set(caseId, Math.max(seq, this.#marks.get(caseId) ?? 0));
  }
}
