// What the audit chainer may still owe, so a restart finds it without reading every audit file.
// The chainer's progress reaches `chained()` only once the audit files are fsynced (auditSync.ts).
//
// Every case document carries `lsn`, a store-wide logical write counter (monotonic across restarts:
// it resumes from the highest lsn on disk, so wall-clock jumps cannot confuse it). The checkpoint
// file holds one number, the watermark: every document whose lsn is below it has all its events in
// the audit trail. It is the lowest lsn of any write still in flight or not yet chained, saved
// periodically and at close. On start only documents with lsn >= watermark are handed to the
// chainer to reconcile; every other audit file stays unread.
import { readFile } from 'node:fs/promises';
import { isNotFound, writeFileDurable } from './durableFile.js';

interface Owed {
  /** lsn of the oldest write of this case whose events are not chained yet */
  lsn: number;
  /** the chain must reach this seq */
  seq: number;
}

export class AuditBacklog {
  readonly #file: string;
  readonly #fsync: boolean;
  /** without a chainer nothing is tracked and the checkpoint is left alone, so a later start with one reconciles */
  readonly #tracking: boolean;
  #nextLsn = 1;
  readonly #inflight = new Set<number>();
  readonly #owed = new Map<string, Owed>();
  #saved = -1;
  #saving: Promise<void> = Promise.resolve();

  constructor(file: string, fsync: boolean, tracking: boolean) {
    this.#file = file;
    this.#fsync = fsync;
    this.#tracking = tracking;
  }

  /** the watermark saved by the previous run (0 when there is none: then every case is reconciled) */
  async load(): Promise<number> {
    try {
      const saved = JSON.parse(await readFile(this.#file, 'utf8')) as { watermark?: unknown };
      const w = typeof saved.watermark === 'number' && Number.isFinite(saved.watermark) ? saved.watermark : 0;
      this.#saved = w;
      // documents restored from an older backup may all sit below the watermark: new writes must not
      this.#nextLsn = Math.max(this.#nextLsn, w);
      return w;
    } catch (e) {
      if (isNotFound(e) || e instanceof SyntaxError) return 0;
      throw e;
    }
  }

  /** at init: a document found on disk */
  seen(caseId: string, lsn: number, lastSeq: number, watermark: number): boolean {
    if (lsn >= this.#nextLsn) this.#nextLsn = lsn + 1;
    if (!this.#tracking || lsn < watermark || lastSeq === 0) return false;
    this.#owed.set(caseId, { lsn, seq: lastSeq });
    return true;
  }

  /** at init: lsns up to this one were used (by the write-ahead log) */
  advance(lsn: number): void {
    if (lsn >= this.#nextLsn) this.#nextLsn = lsn + 1;
  }

  begin(): number {
    const lsn = this.#nextLsn++;
    this.#inflight.add(lsn);
    return lsn;
  }

  /** a write ended; `lastSeq` is set when it durably added events that now need chaining */
  end(lsn: number, caseId: string, lastSeq?: number): void {
    this.#inflight.delete(lsn);
    if (!this.#tracking || lastSeq === undefined) return;
    const owed = this.#owed.get(caseId);
    if (owed) owed.seq = Math.max(owed.seq, lastSeq);
    else this.#owed.set(caseId, { lsn, seq: lastSeq });
  }

  chained(caseId: string, seq: number): void {
    const owed = this.#owed.get(caseId);
    if (owed && seq >= owed.seq) this.#owed.delete(caseId);
  }

  owedCases(): string[] {
    return [...this.#owed.keys()];
  }

  watermark(): number {
    let w = this.#nextLsn;
    for (const lsn of this.#inflight) w = Math.min(w, lsn);
    for (const o of this.#owed.values()) w = Math.min(w, o.lsn);
    return w;
  }

  /** saves the watermark if it moved; saves never overlap */
  save(): Promise<void> {
    if (!this.#tracking) return Promise.resolve();
    this.#saving = this.#saving.catch(() => undefined).then(async () => {
      const w = this.watermark();
      if (w === this.#saved) return;
      await writeFileDurable(this.#file, JSON.stringify({ watermark: w, savedAt: new Date().toISOString() }), this.#fsync);
      this.#saved = w;
    });
    return this.#saving;
  }
}
