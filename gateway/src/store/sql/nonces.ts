// Replay protection for signed partner requests, shared by every gateway instance and surviving
// restarts. A nonce is accepted once within its time to live (twice the freshness window: after that
// the timestamp check refuses the request anyway). Taking it is one statement, an INSERT … ON CONFLICT
// that only overwrites a row already expired: the database decides which of two concurrent requests
// (on one instance or two) got it, and the affected row count says whether this one did.
import type { SqlDatabase } from './database.js';

export interface NonceRepositoryOptions {
  ttlMs: number;
  now(): number;
}

export interface NonceRepository {
  /** true the first time (partner, nonce) is seen within the TTL; false for a replay */
  remember(partner: string, nonce: string): Promise<boolean>;
  /** rows held (expired ones not yet swept included) */
  count(): Promise<number>;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function createNonceRepository({ db }: SqlDatabase, opts: NonceRepositoryOptions): NonceRepository {
  // expired rows are deleted now and then, so the table holds about one TTL's worth of requests
  const sweepEveryMs = Math.min(10_000, opts.ttlMs);
  let lastSweep = Number.NEGATIVE_INFINITY;

  async function sweep(now: number): Promise<void> {
    if (now - lastSweep < sweepEveryMs) return;
    lastSweep = now;
    await db.deleteFrom('inbound_nonces').where('expires_at', '<=', iso(now)).execute();
  }

  return {
    async remember(partner, nonce) {
      const now = opts.now();
      await sweep(now);
      const taken = await db.insertInto('inbound_nonces')
        .values({ partner, nonce, expires_at: iso(now + opts.ttlMs) })
        .onConflict((oc) => oc.columns(['partner', 'nonce'])
          .doUpdateSet({ expires_at: (eb) => eb.ref('excluded.expires_at') })
          .where('inbound_nonces.expires_at', '<=', iso(now)))
        .executeTakeFirst();
      return (taken.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async count() {
      const { n } = await db.selectFrom('inbound_nonces').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
      return Number(n);
    },
  };
}
