// The write-ahead log, shared by all cases, with group commit: a write is one line appended to the
// current segment; one fdatasync makes a whole batch durable. While a sync is in flight, further
// writes queue and go out together in the next batch, so under load there is one sync for many
// writes, and every caller resolves only after the sync that covers its line.
//
// After the sync, each entry's `onCommit` runs (synchronously, in log order, before any caller
// resumes): that is where the store publishes the new state. So once a batch has settled, every
// write in it is visible in memory; the checkpoint relies on that when it switches segments.
//
// A failed write or sync leaves the log's end unknown (part of the batch may be on disk and would be
// replayed), so the log refuses every later write: the store fails stop and the next start recovers
// from what is on disk.
import { closeSync, unlinkSync, writeSync } from 'node:fs';
import { fdatasyncAsync, fsyncDir, openAsync } from './durableFile.js';
import type { CaseDoc } from './caseDoc.js';
import type { Layout } from './paths.js';
import { encodeEntry } from './walFormat.js';

interface Item {
  id: string;
  doc: CaseDoc;
  added: { json: string; bytes: number };
  onCommit: () => void;
  resolve: () => void;
  reject: (e: unknown) => void;
}

const RESOLVE_SLICE = 16;

interface Segment {
  n: number;
  fd: number;
}

export interface WalOptions {
  layout: Layout;
  fsync: boolean;
  /** called when the current segment grows past `segmentBytes` */
  onFull?: () => void;
  segmentBytes: number;
}

export class WriteAheadLog {
  readonly #opts: WalOptions;
  #segment: Segment;
  #bytes = 0;
  #lastLsn = 0;
  #queue: Item[] = [];
  /** cases that already have a full entry in the current segment */
  #imaged = new Set<string>();
  #busy = false;
  #switch: { to: Segment; done: (firstLsn: number) => void } | undefined;
  #idle: (() => void)[] = [];
  #failed: Error | undefined;
  readonly stats = { batches: 0, entries: 0, syncs: 0, bytes: 0 };

  private constructor(opts: WalOptions, segment: Segment) {
    this.#opts = opts;
    this.#segment = segment;
  }

  /** creates segment `n` (it must not exist) and makes it durable in the log directory */
  static async open(opts: WalOptions, n: number): Promise<WriteAheadLog> {
    return new WriteAheadLog(opts, await createSegment(opts, n));
  }

  get segment(): number {
    return this.#segment.n;
  }

  /** bytes in the current segment */
  get bytes(): number {
    return this.#bytes;
  }

  /** resolves once the entry is durable and `onCommit` has run; `added` = the events the write added, as JSON (see nextDoc) */
  append(id: string, doc: CaseDoc, added: { json: string; bytes: number }, onCommit: () => void): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed);
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ id, doc, added, onCommit, resolve, reject });
      this.#kick();
    });
  }

  /**
   * Starts segment `current + 1` at the next batch boundary (or keeps the current one if it is
   * empty). Resolves once every entry of the older segments is durable and published, with the
   * number of the segment now written to and the lowest lsn it may hold.
   */
  async rotate(): Promise<{ segment: number; lsn: number }> {
    if (this.#failed) throw this.#failed;
    if (this.#bytes === 0 && this.#queue.length === 0 && !this.#busy) return { segment: this.#segment.n, lsn: this.#lastLsn + 1 };
    const to = await createSegment(this.#opts, this.#segment.n + 1);
    const lsn = await new Promise<number>((done) => {
      this.#switch = { to, done };
      this.#kick();
    });
    return { segment: to.n, lsn };
  }

  /** waits for the queue to drain, then closes the segment */
  async close(): Promise<void> {
    if (this.#busy) await new Promise<void>((r) => this.#idle.push(r));
    closeSync(this.#segment.fd);
  }

  #kick(): void {
    if (this.#busy) return;
    this.#busy = true;
    // one turn of the event loop gathers the writes issued together (e.g. by requests resumed at once)
    setImmediate(() => void this.#run());
  }

  async #run(): Promise<void> {
    for (;;) {
      if (this.#switch) {
        const { to, done } = this.#switch;
        this.#switch = undefined;
        closeSync(this.#segment.fd);
        this.#segment = to;
        this.#bytes = 0;
        this.#imaged = new Set();
        done(this.#lastLsn + 1);
        continue;
      }
      if (this.#queue.length === 0 || this.#failed) break;
      const batch = this.#queue;
      this.#queue = [];
      await this.#commit(batch);
    }
    this.#busy = false;
    this.#idle.splice(0).forEach((r) => r());
  }

  async #commit(batch: Item[]): Promise<void> {
    try {
      let length = 0;
      const text = batch.map((it) => {
        const full = !this.#imaged.has(it.id);
        if (full) this.#imaged.add(it.id);
        const { line, bytes } = encodeEntry(it.id, it.doc, it.added, full);
        length += bytes;
        return line;
      }).join('');
      // a string, not a Buffer: one conversion less per batch (a short write to a regular file is rare, but handled)
      let done = writeSync(this.#segment.fd, text, null, 'utf8');
      const rest = done < length ? Buffer.from(text) : undefined;
      while (rest && done < rest.length) done += writeSync(this.#segment.fd, rest, done, rest.length - done);
      if (this.#opts.fsync) {
        await fdatasyncAsync(this.#segment.fd);
        this.stats.syncs++;
      }
      this.#bytes += done;
      this.stats.bytes += done;
    } catch (e) {
      this.#failed = new Error(`the write-ahead log cannot be written (${(e as Error).message}); the store refuses writes until it is restarted`, { cause: e });
      for (const it of [...batch, ...this.#queue.splice(0)]) it.reject(this.#failed);
      return;
    }
    this.stats.batches++;
    this.stats.entries += batch.length;
    for (const it of batch) {
      this.#lastLsn = it.doc.lsn;
      it.onCommit();
    }
    resolveInSlices(batch);
    if (this.#bytes > this.#opts.segmentBytes) this.#opts.onFull?.();
  }
}

/**
 * Every caller of a batch resumes at once, and each goes on with its own work (its next write, its
 * response): 64 callers held the event loop for ~20 ms in one go. So they resume a slice per turn of
 * the loop, letting timers and I/O in between, while the next batch is already being written.
 */
function resolveInSlices(items: Item[], from = 0): void {
  const to = Math.min(items.length, from + RESOLVE_SLICE);
  for (let i = from; i < to; i++) (items[i] as Item).resolve();
  if (to < items.length) setImmediate(() => resolveInSlices(items, to));
}

async function createSegment(opts: WalOptions, n: number): Promise<Segment> {
  const path = opts.layout.segmentFile(n);
  const fd = await openAsync(path, 'wx');
  try {
    // the segment's directory entry must be durable before a sync of its data can acknowledge anything
    if (opts.fsync) await fsyncDir(opts.layout.walDir);
  } catch (e) {
    closeSync(fd);
    unlinkSync(path);
    throw e;
  }
  return { n, fd };
}
