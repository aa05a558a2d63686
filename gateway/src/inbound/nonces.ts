// Replay protection: a nonce is accepted once within the freshness window (after which the timestamp
// check refuses the request anyway, so nonces older than that can be forgotten).
export class NonceRegistry {
  private readonly seen = new Map<string, number>();
  private lastPrune = 0;

  constructor(private readonly ttlMs: number) {}

  /** true the first time (partner, nonce) is seen within the TTL */
  remember(partner: string, nonce: string, nowMs: number): boolean {
    this.prune(nowMs);
    const key = `${partner}\u0000${nonce}`;
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > nowMs) return false;
    this.seen.set(key, nowMs + this.ttlMs);
    return true;
  }

  private prune(nowMs: number): void {
    if (nowMs - this.lastPrune < 10_000) return;
    this.lastPrune = nowMs;
    for (const [k, exp] of this.seen) if (exp <= nowMs) this.seen.delete(k);
  }
}
