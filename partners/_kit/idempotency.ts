// The partner side of exactly-once: a request repeated with the same idempotency key gets the original
// answer and creates nothing new; the same key with a different body is a conflict.
import { createHash } from 'node:crypto';

export interface StoredReply {
  bodyHash: string;
  status: number;
  body: unknown;
}

/** the ledger as plain data, for the simulator's state file */
export interface LedgerSnapshot {
  replies: [string, StoredReply][];
  hits: [string, number][];
}

export class IdempotencyLedger {
  private readonly replies = new Map<string, StoredReply>();
  /** every key seen, with how often: tests read this to prove a partner saw a case exactly once */
  readonly hits = new Map<string, number>();

  static hash(body: unknown): string {
    return createHash('sha256').update(typeof body === 'string' ? body : JSON.stringify(body ?? null)).digest('hex');
  }

  /** the earlier reply for this key, 'conflict' if the body differs, or undefined for a new key */
  lookup(key: string, body: unknown): StoredReply | 'conflict' | undefined {
    this.hits.set(key, (this.hits.get(key) ?? 0) + 1);
    const earlier = this.replies.get(key);
    if (!earlier) return undefined;
    return earlier.bodyHash === IdempotencyLedger.hash(body) ? earlier : 'conflict';
  }

  remember(key: string, body: unknown, status: number, reply: unknown): void {
    this.replies.set(key, { bodyHash: IdempotencyLedger.hash(body), status, body: reply });
  }

  snapshot(): LedgerSnapshot {
    return { replies: [...this.replies], hits: [...this.hits] };
  }

  /** take back what an earlier run of the simulator remembered */
  restore(saved: LedgerSnapshot): void {
    for (const [key, reply] of saved.replies) this.replies.set(key, reply);
    for (const [key, n] of saved.hits) this.hits.set(key, n);
  }

  get size(): number {
    return this.replies.size;
  }
}
