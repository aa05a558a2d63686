// Writes committed case documents to their files after the commit, off the hot path. A document is
// written `delayMs` after it first became dirty, so a case updated again meanwhile is written once,
// with its latest state. Until a document is in its file it is held here, and reads take it from
// here (the file is stale or missing).
//
// Overwrites are synchronous (in place, page cache, ~15 µs: cheaper than a round trip through
// libuv's pool), in slices of a few ms so requests get their turn; creations of new documents go
// through the pool, a few at a time so they do not queue ahead of the log's fdatasync. Nothing is
// fsynced here: the paths written are handed to the next checkpoint, which fsyncs them before it
// lets the log go.
import { dirname } from 'node:path';
import { type CaseDb, type CaseDoc, fileOf } from './caseDoc.js';
import { docBytes, docJson } from './docText.js';
import type { StoreLogger } from './logger.js';

interface Held {
  db: CaseDb;
  /** committed state not yet written */
  dirty: boolean;
  /** a creation in progress */
  writing?: Promise<void>;
}

const MAX_CREATING = 2;
/** a checkpoint waits for these, so it may use more of the pool (but leave a thread to the log) */
const FLUSH_ALL_CREATING = 3;
const SLICE_MS = 4;
const RETRY_MS = 200;

export class DocFlusher {
  readonly #held = new Map<string, Held>();
  /** dirty documents whose file exists, and those still to be created, oldest first */
  readonly #ready = new Set<string>();
  readonly #toCreate = new Set<string>();
  readonly #failedIds = new Set<string>();
  /** written since the last checkpoint took them (and the directories of created ones) */
  #files = new Set<string>();
  #dirs = new Set<string>();
  #creating = 0;
  #timer: NodeJS.Timeout | undefined;
  #retry: NodeJS.Timeout | undefined;
  readonly #log: StoreLogger;
  readonly #delayMs: number;
  /** tests pause it to leave documents unwritten, as a crash right after the commit would */
  readonly #paused: boolean;
  readonly stats = { writes: 0, creates: 0 };

  constructor(log: StoreLogger, delayMs: number, paused = false) {
    this.#log = log;
    this.#delayMs = delayMs;
    this.#paused = paused;
  }

  /** a commit of this case resolved; `db.data` is its new state */
  markDirty(id: string, db: CaseDb): void {
    const h = this.#held.get(id);
    if (h) Object.assign(h, { db, dirty: true });
    else this.#held.set(id, { db, dirty: true });
    this.#queue(id);
  }

  /** the case's latest state when its file does not hold it yet */
  get(id: string): CaseDb | undefined {
    return this.#held.get(id)?.db;
  }

  /** documents not in their files yet */
  get pending(): number {
    return this.#held.size;
  }

  /** the files (and the directories of created files) written since the last call: the checkpoint fsyncs them */
  takeWritten(): { files: string[]; dirs: string[] } {
    const out = { files: [...this.#files], dirs: [...this.#dirs] };
    this.#files = new Set();
    this.#dirs = new Set();
    return out;
  }

  /** a checkpoint that could not sync them gives them back for the next one */
  giveBack(files: string[], dirs: string[]): void {
    files.forEach((f) => this.#files.add(f));
    dirs.forEach((d) => this.#dirs.add(d));
  }

  /** writes every document committed so far (even when paused), creations a few at a time; throws if one cannot be written */
  async flushAll(): Promise<void> {
    const held = [...this.#held];
    let deadline = performance.now() + SLICE_MS;
    const worker = async (): Promise<void> => {
      for (let next = held.pop(); next; next = held.pop()) {
        const [id, h] = next;
        if (h.writing) await h.writing.catch(() => undefined);
        if (h.dirty && this.#held.get(id) === h) await this.#start(id, h);
        if (performance.now() > deadline) {
          await new Promise((r) => setImmediate(r));
          deadline = performance.now() + SLICE_MS;
        }
      }
    };
    await Promise.all(Array.from({ length: FLUSH_ALL_CREATING }, worker));
  }

  close(): void {
    clearTimeout(this.#timer);
    clearTimeout(this.#retry);
  }

  #queue(id: string): void {
    const h = this.#held.get(id);
    // a document being created is queued again when its creation ends
    if (!h || !h.dirty || h.writing) return;
    (fileOf(h.db).exists ? this.#ready : this.#toCreate).add(id);
    this.#soon(this.#delayMs);
  }

  #pump(): void {
    this.#timer = undefined;
    const deadline = performance.now() + SLICE_MS;
    for (const id of this.#ready) {
      this.#ready.delete(id);
      const h = this.#held.get(id);
      if (!h?.dirty || h.writing) continue;
      try {
        this.#start(id, h);
      } catch (err) {
        this.#failed(id, err);
      }
      if (performance.now() > deadline) break;
    }
    for (const id of this.#toCreate) {
      if (this.#creating >= MAX_CREATING) break;
      this.#toCreate.delete(id);
      const h = this.#held.get(id);
      if (!h?.dirty || h.writing) continue;
      try {
        this.#start(id, h)?.catch((err: unknown) => this.#failed(id, err));
      } catch (err) {
        this.#failed(id, err);
      }
    }
    // what the slice left is written on the next turn of the event loop, not after another delay
    if (this.#ready.size > 0) this.#soon(0);
  }

  #soon(ms: number): void {
    if (this.#timer || this.#paused) return;
    this.#timer = setTimeout(() => this.#pump(), ms);
    // the log holds everything pending, so nothing is lost if the process exits first
    this.#timer.unref();
  }

  /** an overwrite is done when this returns; a creation when the promise it returns settles */
  #start(id: string, h: Held): Promise<void> | undefined {
    const file = fileOf(h.db);
    const doc = h.db.data as CaseDoc;
    h.dirty = false;
    if (file.exists) {
      try {
        file.overwrite(docJson(doc), docBytes(doc));
      } catch (e) {
        h.dirty = true;
        throw e;
      }
      this.#done(id, h, false);
      return undefined;
    }
    this.#creating++;
    h.writing = file
      .create(docJson(doc))
      .then(
        () => this.#done(id, h, true),
        (err: unknown) => {
          h.dirty = true;
          throw err;
        },
      )
      .finally(() => {
        this.#creating--;
        h.writing = undefined;
        if (this.#held.get(id) !== h) return;
        if (h.dirty) this.#queue(id);
        else this.#held.delete(id);
        if (this.#toCreate.size > 0) this.#soon(0);
      });
    return h.writing;
  }

  #done(id: string, h: Held, created: boolean): void {
    const file = fileOf(h.db);
    this.#files.add(file.path);
    if (created) {
      this.stats.creates++;
      this.#dirs.add(dirname(file.path));
    } else {
      this.stats.writes++;
    }
    if (!h.dirty && !h.writing && this.#held.get(id) === h) this.#held.delete(id);
  }

  #failed(id: string, err: unknown): void {
    this.#log.error({ caseId: id, err }, 'writing a case document failed; it stays in memory and in the log, and is retried');
    this.#failedIds.add(id);
    this.#retry ??= setTimeout(() => {
      this.#retry = undefined;
      const ids = [...this.#failedIds];
      this.#failedIds.clear();
      ids.forEach((i) => this.#queue(i));
    }, RETRY_MS).unref();
  }
}
