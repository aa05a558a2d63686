// Audit anchors: the heads of the case chains, signed and kept apart from them.
//
// A case's chain shows an edit of its events (verify.ts), but someone who can write the database could
// edit an event and re-hash the chain from there on. So every interval the heads of the chains that
// moved since the last anchor go into one record of the anchor log (the store's audit_anchors): the
// record is hash-linked to the one before it and signed with the gateway's Ed25519 key (the one that
// signs its documents). A rewritten chain then no longer reaches the head anchored for it; rewriting the
// anchors too needs the private key, and the latest anchor's hash, published at GET /api/audit/anchor for
// operators to copy elsewhere, pins the whole log.
//
// Startup reads and checks the whole log (links, hashes, signatures). A record read later is checked
// again (hash and signature) before it is believed. A log that fails its check is reported with every
// verdict and no longer appended to: an operator looks at it. Several instances share one log: one that
// finds its next number taken (another sealed first) takes the newer record as its predecessor and
// signs again.
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import type { SigningKey } from '../receipts/keys.js';
import { type StoreLogger, moduleLogger } from '../store/logger.js';
import type { AnchorRecordStore } from '../store/sql/anchorRecords.js';
import { canonicalJson } from './canonical.js';
import { GENESIS, type ChainHead } from './hash.js';

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
  records: AnchorRecordStore;
  key: SigningKey;
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

/** how often a seal retries when other instances keep taking its record number */
const SEAL_RACES = 5;

export class AnchorLog {
  readonly #opts: AnchorLogOptions;
  readonly #log: ReturnType<typeof moduleLogger>;
  #pending = new Map<string, ChainHead>();
  #latest: AnchorRecord | undefined;
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
    const rows = await this.#opts.records.all();
    const checked = checkAnchorLog(Buffer.from(rows.map((r) => `${r.text}\n`).join(''), 'utf8'), this.#opts.key);
    this.#latest = checked.records.at(-1)?.record;
    if (checked.broken) this.#fail(checked.broken);
  }

  #fail(broken: LogBreak): void {
    this.#broken ??= broken;
    this.#log.error({ ...broken }, 'the audit anchor log fails its check: nothing more is anchored until it is looked at');
  }

  /** the store calls this with each case's new head, once its write is committed */
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
    try {
      for (let race = 0; race < SEAL_RACES; race++) {
        const body: AnchorBody = {
          n: (this.#latest?.n ?? 0) + 1, at: (this.#opts.now?.() ?? new Date()).toISOString(),
          prev: this.#latest?.hash ?? GENESIS, keyId: this.#opts.key.keyId, cases,
        };
        const hash = hashOf(body);
        const record: AnchorRecord = { ...body, hash, sig: sign(null, Buffer.from(hash, 'hex'), this.#opts.key.privateKey).toString('base64url') };
        if (await this.#opts.records.append({ n: record.n, at: record.at, hash, text: JSON.stringify(record), caseIds: Object.keys(cases) })) {
          this.#latest = record;
          return;
        }
        // another instance sealed record n first: it becomes the predecessor, once it checks out
        const newer = await this.#opts.records.latest();
        const checked = newer && checkRecord(newer.text, newer.n, this.#latest && newer.n === this.#latest.n + 1 ? this.#latest.hash : (JSON.parse(newer.text) as AnchorRecord).prev, this.#opts.key);
        if (!newer || typeof checked === 'string') {
          this.#fail({ n: newer?.n ?? body.n, reason: typeof checked === 'string' ? checked : 'the record another instance wrote cannot be read' });
          return;
        }
        this.#latest = checked;
      }
      throw new Error(`record ${(this.#latest?.n ?? 0) + 1} was taken ${SEAL_RACES} times in a row by other instances`);
    } catch (e) {
      // put the heads back (newer ones noted meanwhile win)
      for (const [caseId, h] of heads) if (!this.#pending.has(caseId)) this.#pending.set(caseId, h);
      throw e;
    }
  }

  /** the head the latest anchor holding this case states, if any (its record checked again) */
  async anchorOf(caseId: string): Promise<CaseAnchor | undefined> {
    const n = await this.#opts.records.latestFor(caseId);
    if (n === undefined) return undefined;
    const r = await this.#read(n);
    const head = r?.cases[caseId];
    return r && head ? { n: r.n, at: r.at, seq: head[0], hash: head[1] } : undefined;
  }

  /** record n as published (what an operator's copy of an earlier `latest` is compared with) */
  async record(n: number): Promise<AnchorSummary | undefined> {
    if (!Number.isInteger(n) || n < 1) return undefined;
    const r = await this.#read(n);
    return r && summaryOf(r);
  }

  /** the whole log as JSON lines, as `npm run verify-anchors` checks it away from the gateway */
  async export(): Promise<string> {
    return (await this.#opts.records.all()).map((r) => `${r.text}\n`).join('');
  }

  /** record n, its hash and signature checked; one that fails breaks the log */
  async #read(n: number): Promise<AnchorRecord | undefined> {
    const text = await this.#opts.records.get(n);
    if (text === undefined) return undefined;
    let prev: string;
    try {
      prev = String((JSON.parse(text) as AnchorRecord).prev);
    } catch {
      prev = '';
    }
    const checked = checkRecord(text, n, prev, this.#opts.key);
    if (typeof checked === 'string') {
      this.#fail({ n, reason: checked });
      return undefined;
    }
    return checked;
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
