// Audit anchors: the heads of the case chains, signed and kept apart from them.
//
// A case's chain shows an edit of one copy of its trail (verify.ts), but someone who can write the data
// directory could edit an event in both copies and re-hash the chain from there on. So every interval
// the heads of the chains that moved since the last anchor go into one record of
// DATA_DIR/audit-anchors.jsonl: the record is hash-linked to the one before it and signed with the
// gateway's Ed25519 key (the one that signs its documents). A rewritten chain then no longer reaches
// the head anchored for it; rewriting the anchors too needs the private key, and the latest anchor's
// hash, published at GET /api/audit/anchor for operators to copy elsewhere, pins the whole log.
//
// Startup reads and checks the whole log (links, hashes, signatures) and keeps only where each case's
// latest anchor is (a byte offset); a verification reads that one line. A log that fails its check is
// left as it is, reported with every verdict, and no longer appended to: an operator looks at it,
// moves it aside, and a new log starts at the next start. A torn last line (a crash in the middle of
// an append) is cut off, as the audit files do.
import { createHash, sign, verify } from 'node:crypto';
import { appendFile, open, readFile, truncate } from 'node:fs/promises';
import type { SigningKey } from '../receipts/keys.js';
import { isNotFound } from '../store/durableFile.js';
import { type StoreLogger, moduleLogger } from '../store/logger.js';
import { canonicalJson } from './canonical.js';
import { GENESIS, type ChainHead } from './hash.js';

export const ANCHOR_FILE = 'audit-anchors.jsonl';

interface AnchorBody {
  n: number;
  at: string;
  prev: string;
  keyId: string;
  /** caseId → [seq, hash] of its chain's head */
  cases: Record<string, [number, string]>;
}
interface AnchorRecord extends AnchorBody {
  hash: string;
  /** Ed25519 over the 32 bytes of `hash`, base64url */
  sig: string;
}

/** a case's head as the latest anchor holding it states it */
export interface CaseAnchor {
  n: number;
  at: string;
  seq: number;
  hash: string;
}

export interface AnchorStatus {
  latest: { n: number; at: string; hash: string; keyId: string; sig: string; cases: number } | null;
  /** set when the log failed its check at start: nothing more is anchored until it is looked at */
  broken: { n: number; reason: string } | null;
  /** heads noted since the latest anchor, sealed at the next one */
  pending: number;
}

export interface AnchorLogOptions {
  file: string;
  key: SigningKey;
  fsync: boolean;
  intervalMs: number;
  now?: () => Date;
  logger?: StoreLogger;
}

const hashOf = (body: AnchorBody): string => createHash('sha256').update(canonicalJson(body)).digest('hex');

export class AnchorLog {
  readonly #opts: AnchorLogOptions;
  readonly #log: ReturnType<typeof moduleLogger>;
  /** caseId → byte offset of the line of its latest anchor */
  readonly #where = new Map<string, number>();
  #pending = new Map<string, ChainHead>();
  #latest: AnchorRecord | undefined;
  #size = 0;
  #broken: { n: number; reason: string } | undefined;
  #timer: NodeJS.Timeout | undefined;
  #sealing: Promise<void> = Promise.resolve();

  private constructor(opts: AnchorLogOptions) {
    this.#opts = opts;
    this.#log = moduleLogger(opts.logger, 'audit-anchors');
  }

  /** reads and checks the log, then seals every `intervalMs` */
  static async open(opts: AnchorLogOptions): Promise<AnchorLog> {
    const log = new AnchorLog(opts);
    await log.#load();
    log.#timer = setInterval(() => { void log.seal(); }, opts.intervalMs);
    log.#timer.unref();
    return log;
  }

  async #load(): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.#opts.file);
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
    let offset = 0;
    let prev = GENESIS;
    while (offset < bytes.length) {
      const end = bytes.indexOf(0x0a, offset);
      if (end < 0) {
        // a torn last line: its record was never complete, so it was never published
        this.#log.warn({ file: this.#opts.file, bytes: bytes.length - offset }, 'cutting off a torn last anchor line');
        await truncate(this.#opts.file, offset);
        break;
      }
      const n = (this.#latest?.n ?? 0) + 1;
      const problem = this.#check(bytes.subarray(offset, end).toString('utf8'), n, prev);
      if (typeof problem === 'string') {
        this.#broken = { n, reason: problem };
        this.#log.error({ file: this.#opts.file, n, reason: problem }, 'the audit anchor log fails its check: nothing more is anchored until it is looked at');
        return;
      }
      for (const caseId of Object.keys(problem.cases)) this.#where.set(caseId, offset);
      this.#latest = problem;
      prev = problem.hash;
      offset = end + 1;
    }
    this.#size = offset;
  }

  /** the record of the line, or what is wrong with it */
  #check(line: string, n: number, prev: string): AnchorRecord | string {
    let r: AnchorRecord;
    try {
      r = JSON.parse(line) as AnchorRecord;
    } catch {
      return `record ${n} is not JSON`;
    }
    if (r.n !== n) return `record ${n} carries n ${String(r.n)}: a record was deleted or reordered`;
    if (r.prev !== prev) return `record ${n} does not link to the record before it`;
    if (r.keyId !== this.#opts.key.keyId) return `record ${n} is signed with key ${String(r.keyId)}, not this gateway's key ${this.#opts.key.keyId}`;
    const { hash, sig, ...body } = r;
    if (hashOf(body) !== hash) return `record ${n}: its hash does not match its content (edited)`;
    if (typeof sig !== 'string' || !verify(null, Buffer.from(hash, 'hex'), this.#opts.key.publicKey, Buffer.from(sig, 'base64url'))) {
      return `record ${n}: the signature does not verify`;
    }
    return r;
  }

  /** the chainer calls this with each case's new head */
  note(caseId: string, head: ChainHead): void {
    if (!this.#broken) this.#pending.set(caseId, head);
  }

  /** writes one record with the heads noted since the last (none noted: nothing written) */
  seal(): Promise<void> {
    this.#sealing = this.#sealing.then(() => this.#seal()).catch((err: unknown) => {
      this.#log.error({ err }, 'writing an audit anchor failed; its heads are kept for the next one');
    });
    return this.#sealing;
  }

  async #seal(): Promise<void> {
    if (this.#pending.size === 0 || this.#broken) return;
    const heads = this.#pending;
    this.#pending = new Map();
    const cases: Record<string, [number, string]> = {};
    for (const [caseId, h] of heads) cases[caseId] = [h.seq, h.hash];
    const body: AnchorBody = {
      n: (this.#latest?.n ?? 0) + 1, at: (this.#opts.now?.() ?? new Date()).toISOString(),
      prev: this.#latest?.hash ?? GENESIS, keyId: this.#opts.key.keyId, cases,
    };
    const hash = hashOf(body);
    const record: AnchorRecord = { ...body, hash, sig: sign(null, Buffer.from(hash, 'hex'), this.#opts.key.privateKey).toString('base64url') };
    const line = `${JSON.stringify(record)}\n`;
    try {
      await appendFile(this.#opts.file, line);
      if (this.#opts.fsync) {
        const fd = await open(this.#opts.file, 'r');
        try { await fd.datasync(); } finally { await fd.close(); }
      }
    } catch (e) {
      // put the heads back (newer ones noted meanwhile win) and cut what may have been half written
      for (const [caseId, h] of heads) if (!this.#pending.has(caseId)) this.#pending.set(caseId, h);
      await truncate(this.#opts.file, this.#size).catch(() => undefined);
      throw e;
    }
    for (const caseId of heads.keys()) this.#where.set(caseId, this.#size);
    this.#size += Buffer.byteLength(line);
    this.#latest = record;
  }

  /** the head the latest anchor holding this case states, if any */
  async anchorOf(caseId: string): Promise<CaseAnchor | undefined> {
    const offset = this.#where.get(caseId);
    if (offset === undefined) return undefined;
    const fd = await open(this.#opts.file, 'r');
    try {
      const chunks: Buffer[] = [];
      let pos = offset;
      for (;;) {
        const { bytesRead, buffer } = await fd.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, pos);
        if (bytesRead === 0) break;
        const nl = buffer.subarray(0, bytesRead).indexOf(0x0a);
        chunks.push(buffer.subarray(0, nl < 0 ? bytesRead : nl));
        if (nl >= 0) break;
        pos += bytesRead;
      }
      const r = JSON.parse(Buffer.concat(chunks).toString('utf8')) as AnchorRecord;
      const head = r.cases[caseId];
      return head ? { n: r.n, at: r.at, seq: head[0], hash: head[1] } : undefined;
    } finally {
      await fd.close();
    }
  }

  status(): AnchorStatus {
    const l = this.#latest;
    return {
      latest: l ? { n: l.n, at: l.at, hash: l.hash, keyId: l.keyId, sig: l.sig, cases: Object.keys(l.cases).length } : null,
      broken: this.#broken ?? null,
      pending: this.#pending.size,
    };
  }

  /** stops the timer and seals what is noted */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.seal();
  }
}
