// Failure budgets for login (per account, per client address), shared by every gateway instance: one
// row per (scope, key) in login_throttle. An attempt takes its slot *before* the password is checked and
// gives it back after, so parallel guesses, on one instance or several, cannot all pass a check that was
// read before any of them failed: at most `maxFailures` attempts are ever judged per window.
//
// Each change is one transaction that reads the row with a lock and writes it back. The read is an
// upsert (INSERT … ON CONFLICT DO UPDATE … RETURNING, or a no-op UPDATE … RETURNING): on PostgreSQL it
// locks the row until commit, so a second instance waits and then reads what the first wrote; SQLite has
// one writer. The same statements serve both engines (no FOR UPDATE, which SQLite does not parse).
//
// An attempt in flight is a reservation with a deadline (`reservationMs`, a minute by default; scrypt
// takes milliseconds). A reservation past its deadline no longer holds the budget: the process that
// took it died, or hangs. Should that attempt still come back, its failure counts all the same.
// A row whose window and lock are over and that holds no live reservation is stale: it starts afresh,
// and the sweep deletes it, so the table holds about one window's worth of keys.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { GatewayError } from '../../errors.js';
import type { SqlDatabase } from './database.js';
import type { Database, LoginThrottleTable } from './schema.js';

export interface LoginThrottleOptions {
  /** which budget this is ('account', 'address'): keys of different scopes never meet */
  scope: string;
  /** failures in a window after which the key is locked */
  maxFailures: number;
  /** how long a lock lasts, and how long a failure is remembered (ms) */
  lockMs: number;
  /** what the 429 tells the client */
  message: (retryAfterS: number) => string;
  /** how long an attempt in flight may hold its slot (ms; default one minute) */
  reservationMs?: number;
}

export interface LoginSlot {
  /** the attempt failed: it counts against the key */
  failed(nowMs: number): Promise<void>;
  /** the attempt succeeded; `reset` forgets the key's failures (an account), otherwise only the slot is freed */
  succeeded(reset: boolean): Promise<void>;
}

export interface LoginThrottle {
  /** throws RATE_LIMITED (with Retry-After) while the key is locked or its budget is taken by attempts in flight */
  reserve(key: string, nowMs: number): Promise<LoginSlot>;
  /** rows of this scope (stale ones not yet swept included) */
  size(): Promise<number>;
}

interface Reservation { id: string; until: string }
interface Budget { failures: number; since: number; lockedUntil: number | null; reservations: Reservation[] }

type Row = Selectable<LoginThrottleTable>;
type Db = Kysely<Database> | Transaction<Database>;

const iso = (ms: number): string => new Date(ms).toISOString();
const fresh = (now: number): Budget => ({ failures: 0, since: now, lockedUntil: null, reservations: [] });

function toBudget(row: Row): Budget {
  return {
    failures: row.failures,
    since: Date.parse(row.since),
    lockedUntil: row.locked_until === null ? null : Date.parse(row.locked_until),
    reservations: JSON.parse(row.reservations) as Reservation[],
  };
}

export function createLoginThrottle({ db }: SqlDatabase, opts: LoginThrottleOptions): LoginThrottle {
  const { scope, maxFailures, lockMs } = opts;
  const reservationMs = opts.reservationMs ?? 60_000;
  const sweepEveryMs = Math.min(10_000, lockMs);
  let lastSweep = Number.NEGATIVE_INFINITY;

  const limited = (retryMs: number): GatewayError => {
    const retryAfterS = Math.max(1, Math.ceil(retryMs / 1000));
    return new GatewayError('RATE_LIMITED', opts.message(retryAfterS), undefined, { retryAfterS });
  };
  /** the time after which, left alone, the row is stale */
  const expiry = (b: Budget): number => Math.max(b.lockedUntil ?? b.since + lockMs, ...b.reservations.map((r) => Date.parse(r.until)));
  const columns = (b: Budget) => ({
    failures: b.failures, since: iso(b.since), locked_until: b.lockedUntil === null ? null : iso(b.lockedUntil),
    reservations: JSON.stringify(b.reservations), expires_at: iso(expiry(b)),
  });

  /** the key's row, created fresh if absent, locked until the transaction ends */
  async function lockOrCreate(trx: Db, key: string, now: number): Promise<Budget> {
    const row = await trx.insertInto('login_throttle')
      .values({ scope, key, ...columns(fresh(now)) })
      .onConflict((oc) => oc.columns(['scope', 'key']).doUpdateSet({ failures: (eb) => eb.ref('login_throttle.failures') }))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toBudget(row);
  }

  /** the key's row locked until the transaction ends, or undefined when it is gone (reset or swept) */
  async function lock(trx: Db, key: string): Promise<Budget | undefined> {
    const row = await trx.updateTable('login_throttle')
      .set((eb) => ({ failures: eb.ref('failures') }))
      .where('scope', '=', scope).where('key', '=', key)
      .returningAll()
      .executeTakeFirst();
    return row ? toBudget(row) : undefined;
  }

  async function write(trx: Db, key: string, b: Budget): Promise<void> {
    await trx.updateTable('login_throttle').set(columns(b)).where('scope', '=', scope).where('key', '=', key).execute();
  }

  async function sweep(now: number): Promise<void> {
    if (now - lastSweep < sweepEveryMs) return;
    lastSweep = now;
    await db.deleteFrom('login_throttle').where('expires_at', '<=', iso(now)).execute();
  }

  /** gives back reservation `id` of `key` and applies `change` to the rest, in one transaction */
  function release(key: string, id: string, change: (b: Budget) => void): Promise<void> {
    return db.transaction().execute(async (trx) => {
      const b = await lock(trx, key);
      if (!b) return;
      b.reservations = b.reservations.filter((r) => r.id !== id);
      change(b);
      await write(trx, key, b);
    });
  }

  return {
    async reserve(key, now) {
      await sweep(now);
      const id = randomUUID();
      const refusal = await db.transaction().execute(async (trx) => {
        let b = await lockOrCreate(trx, key, now);
        b.reservations = b.reservations.filter((r) => Date.parse(r.until) > now);
        if (b.reservations.length === 0 && (b.lockedUntil ?? b.since + lockMs) <= now) b = fresh(now);
        if (b.lockedUntil !== null && b.lockedUntil > now) return limited(b.lockedUntil - now);
        if (b.failures + b.reservations.length >= maxFailures) return limited(1000);
        b.reservations.push({ id, until: iso(now + reservationMs) });
        await write(trx, key, b);
        return undefined;
      });
      if (refusal) throw refusal;
      let done = false;
      const once = (): boolean => {
        if (done) return false;
        done = true;
        return true;
      };
      return {
        async failed(at) {
          if (!once()) return;
          await release(key, id, (b) => {
            b.failures += 1;
            if (b.failures >= maxFailures) b.lockedUntil = at + lockMs;
          });
        },
        async succeeded(reset) {
          if (!once()) return;
          if (reset) await db.deleteFrom('login_throttle').where('scope', '=', scope).where('key', '=', key).execute();
          else await release(key, id, () => {});
        },
      };
    },

    async size() {
      const { n } = await db.selectFrom('login_throttle').where('scope', '=', scope)
        .select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
      return Number(n);
    },
  };
}
