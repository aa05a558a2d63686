// Replay protection that survives a restart. A nonce is accepted once within its time to live (twice
// the freshness window: after that the timestamp check refuses the request anyway). Accepted nonces
// are kept in memory and appended to a journal in the data directory, which is read back at start,
// so a request captured before a crash or a deploy cannot be replayed right after it.
import { open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

export interface NonceJournalOptions {
  dataDir: string;
  ttlMs: number;
  /** fsync each append (the store's STORE_FSYNC setting) */
  fsync: boolean;
  now(): number;
}

const FILE = 'inbound-nonces.jsonl';

export class NonceJournal {
  readonly #seen = new Map<string, number>();
  readonly #opts: NonceJournalOptions;
  #file: FileHandle;
  #lines = 0;
  #tail: Promise<void> = Promise.resolve();
  #lastPrune = 0;

  private constructor(opts: NonceJournalOptions, file: FileHandle) {
    this.#opts = opts;
    this.#file = file;
  }

  static async open(opts: NonceJournalOptions): Promise<NonceJournal> {
    const path = join(opts.dataDir, FILE);
    const seen = new Map<string, number>();
    const now = opts.now();
    const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? '' : Promise.reject(e)));
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const { k, e } = JSON.parse(line) as { k: string; e: number };
        if (typeof k === 'string' && typeof e === 'number' && e > now) seen.set(k, Math.max(e, seen.get(k) ?? 0));
      } catch {
        // a line torn by a crash mid-append: the nonce it held was never answered as accepted
      }
    }
    const journal = new NonceJournal(opts, await open(path, 'a'));
    for (const [k, e] of seen) journal.#seen.set(k, e);
    await journal.#compact(); // start from a file holding only live entries
    return journal;
  }

  /**
   * true the first time (partner, nonce) is seen within the TTL. The nonce is taken at once (a
   * concurrent duplicate is refused) and the call resolves when the journal holds it.
   */
  async remember(partner: string, nonce: string): Promise<boolean> {
    const now = this.#opts.now();
    this.#prune(now);
    const k = `${partner}\u0000${nonce}`;
    const expires = this.#seen.get(k);
    if (expires !== undefined && expires > now) return false;
    const e = now + this.#opts.ttlMs;
    this.#seen.set(k, e);
    await this.#append(`${JSON.stringify({ k, e })}\n`);
    return true;
  }

  get size(): number {
    return this.#seen.size;
  }

  async close(): Promise<void> {
    await this.#tail;
    await this.#file.close();
  }

  #append(line: string): Promise<void> {
    const next = this.#tail.then(async () => {
      await this.#file.appendFile(line);
      if (this.#opts.fsync) await this.#file.datasync();
      this.#lines += 1;
      if (this.#lines > 2 * this.#seen.size + 1000) await this.#compact();
    });
    this.#tail = next.catch(() => undefined);
    return next;
  }

  /** rewrite the journal with the live entries only (temp file + fsync + rename) */
  async #compact(): Promise<void> {
    const path = join(this.#opts.dataDir, FILE);
    const now = this.#opts.now();
    const live = [...this.#seen].filter(([, e]) => e > now);
    const tmp = `${path}.tmp`;
    const f = await open(tmp, 'w');
    try {
      await f.writeFile(live.map(([k, e]) => `${JSON.stringify({ k, e })}\n`).join(''));
      await f.datasync();
    } finally {
      await f.close();
    }
    await rename(tmp, path);
    await this.#file.close();
    this.#file = await open(path, 'a');
    this.#lines = live.length;
  }

  #prune(now: number): void {
    if (now - this.#lastPrune < Math.min(10_000, this.#opts.ttlMs)) return;
    this.#lastPrune = now;
    for (const [k, e] of this.#seen) if (e <= now) this.#seen.delete(k);
  }
}
