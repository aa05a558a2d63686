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
// Startup reads and checks the whole log (links, hashes, signatures) and keeps only which record holds
// each case's latest anchor and where each record starts; a verification reads that one line. A log that fails its check is
// left as it is, reported with every verdict, and no longer appended to: an operator looks at it,
// moves it aside, and a new log starts at the next start. A torn last line (a crash in the middle of
// an append) is cut off, as the audit files do.
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { open, readFile, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SigningKey } from '../receipts/keys.js';
import { fsyncDir, isNotFound } from '../store/durableFile.js';
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

/** where and why the log failed its check at start */
export interface LogBreak { n: number; reason: string }

/** a record as published: its cases are counted, not listed */
export interface AnchorSummary { n: number; at: string; prev: string; hash: string; keyId: string; sig: string; cases: number }

const summaryOf = (r: AnchorRecord): AnchorSummary => ({ n: r.n, at: r.at, prev: r.prev, hash: r.hash, keyId: r.keyId, sig: r.sig, cases: Object.keys(r.cases).length });

export interface AnchorStatus {
  latest: AnchorSummary | null;
  /** set when the log failed its check at start: nothing more is anchored until it is looked at */
  broken: LogBreak | null;
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

export interface CheckedLog {
  /** the records that passed, with the byte offset of each line */
  records: Array<{ record: AnchorRecord; offset: number }>;
  /** bytes of complete lines that passed (less than the file: a torn last line, or a broken log) */
  end: number;
  broken?: LogBreak;
}

/**
 * Checks a whole log, as the gateway does at start and `npm run verify-anchors` does offline: each
 * record numbered in order, linked to the one before by its hash, its hash that of its content, signed
 * by `key`. Stops at the first record that fails; a last line without its newline is left unread.
 */
export function checkAnchorLog(bytes: Buffer, key: { keyId: string; publicKey: KeyObject }): CheckedLog {
  const out: CheckedLog = { records: [], end: 0 };
  let prev = GENESIS;
  while (out.end < bytes.length) {
    const nl = bytes.indexOf(0x0a, out.end);
    if (nl < 0) break;
    const n = out.records.length + 1;
    const checked = checkRecord(bytes.subarray(out.end, nl).toString('utf8'), n, prev, key);
    if (typeof checked === 'string') {
      out.broken = { n, reason: checked };
      break;
    }
    out.records.push({ record: checked, offset: out.end });
    prev = checked.hash;
    out.end = nl + 1;
  }
  return out;
}

function checkRecord(line: string, n: number, prev: string, key: { keyId: string; publicKey: KeyObject }): AnchorRecord | string {
  let r: AnchorRecord;
  try {
    r = JSON.parse(line) as AnchorRecord;
  } catch {
    return `record ${n} is not JSON`;
  }
  if (r === null || typeof r !== 'object') return `record ${n} is not an object`;
  if (r.n !== n) return `record ${n} carries n ${String(r.n)}: a record was deleted or reordered`;
  if (r.prev !== prev) return `record ${n} does not link to the record before it`;
  if (r.keyId !== key.keyId) return `record ${n} is signed with key ${String(r.keyId)}, not ${key.keyId}`;
  const { hash, sig, ...body } = r;
  if (hashOf(body) !== hash) return `record ${n}: its hash does not match its content (edited)`;
  if (typeof sig !== 'string' || !verify(null, Buffer.from(hash, 'hex'), key.publicKey, Buffer.from(sig, 'base64url'))) {
    return `record ${n}: the signature does not verify`;
  }
  return r;
}

export class AnchorLog {
  readonly #opts: AnchorLogOptions;
  readonly #log: ReturnType<typeof moduleLogger>;
  /** caseId → number of its latest anchor record */
  readonly #where = new Map<string, number>();
  /** byte offset of record n at n - 1 (its line ends where the next one starts, or at #size) */
  readonly #offsets: number[] = [];
  #pending = new Map<string, ChainHead>();
  #latest: AnchorRecord | undefined;
  #size = 0;
  #broken: LogBreak | undefined;
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
    const checked = checkAnchorLog(bytes, this.#opts.key);
    for (const { record, offset } of checked.records) {
      for (const caseId of Object.keys(record.cases)) this.#where.set(caseId, record.n);
      this.#offsets.push(offset);
    }
    this.#latest = checked.records.at(-1)?.record;
    this.#size = checked.end;
    if (checked.broken) {
      this.#broken = checked.broken;
      this.#log.error({ file: this.#opts.file, ...checked.broken }, 'the audit anchor log fails its check: nothing more is anchored until it is looked at');
      return;
    }
    if (checked.end < bytes.length) {
      // a torn last line: its record was never complete, so it was never published
      this.#log.warn({ file: this.#opts.file, bytes: bytes.length - checked.end }, 'cutting off a torn last anchor line');
      await truncate(this.#opts.file, checked.end);
    }
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
      const fd = await open(this.#opts.file, 'a');
      try {
        await fd.appendFile(line);
        if (this.#opts.fsync) await fd.datasync();
      } finally {
        await fd.close();
      }
      // the log's first record may have created the file: its directory entry must last too
      if (this.#opts.fsync && this.#size === 0) await fsyncDir(dirname(this.#opts.file));
    } catch (e) {
      // put the heads back (newer ones noted meanwhile win) and cut what may have been half written
      for (const [caseId, h] of heads) if (!this.#pending.has(caseId)) this.#pending.set(caseId, h);
      await truncate(this.#opts.file, this.#size).catch(() => undefined);
      throw e;
    }
    for (const caseId of heads.keys()) this.#where.set(caseId, record.n);
    this.#offsets.push(this.#size);
    this.#size += Buffer.byteLength(line);
    this.#latest = record;
  }

  /** the head the latest anchor holding this case states, if any */
  async anchorOf(caseId: string): Promise<CaseAnchor | undefined> {
    const n = this.#where.get(caseId);
    if (n === undefined) return undefined;
    const r = await this.#read(n);
    const head = r.cases[caseId];
    return head ? { n: r.n, at: r.at, seq: head[0], hash: head[1] } : undefined;
  }

  /** record n as published (what an operator's copy of an earlier `latest` is compared with) */
  async record(n: number): Promise<AnchorSummary | undefined> {
    return Number.isInteger(n) && n >= 1 && n <= this.#offsets.length ? summaryOf(await this.#read(n)) : undefined;
  }

  /** record n, read from its line (checked at start or written by this process) */
  async #read(n: number): Promise<AnchorRecord> {
    const offset = this.#offsets[n - 1] as number;
    const length = (this.#offsets[n] ?? this.#size) - offset - 1;
    const fd = await open(this.#opts.file, 'r');
    try {
      const { buffer } = await fd.read(Buffer.alloc(length), 0, length, offset);
      return JSON.parse(buffer.toString('utf8')) as AnchorRecord;
    } finally {
      await fd.close();
    }
  }

  status(): AnchorStatus {
    const l = this.#latest;
    return { latest: l ? summaryOf(l) : null, broken: this.#broken ?? null, pending: this.#pending.size };
  }

  /** stops the timer and seals what is noted */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.seal();
  }
}
