// Failure budgets for login, per account and per client address. An attempt takes its slot *before*
// the password is checked and gives it back after, so parallel guesses cannot all pass a check that
// was read before any of them failed: at most `maxFailures` attempts are ever judged per window.
// Memory is bounded: at most `maxKeys` entries, expired ones swept first.
import { GatewayError } from '../errors.js';

export interface ThrottleOptions {
  /** failures in a window after which the key is locked */
  maxFailures: number;
  /** how long a lock lasts, and how long a failure is remembered (ms) */
  lockMs: number;
  /** what the 429 tells the client */
  message: (retryAfterS: number) => string;
  maxKeys?: number;
}

export interface Slot {
  /** the attempt failed: it counts against the key */
  failed(nowMs: number): void;
  /** the attempt succeeded; `reset` forgets the key's failures (an account), otherwise only the slot is freed */
  succeeded(reset: boolean): void;
}

interface Entry { failures: number; inFlight: number; since: number; lockedUntil: number }

export interface Throttle {
  /** throws RATE_LIMITED (with Retry-After) while the key is locked or its budget is taken by attempts in flight */
  reserve(key: string, nowMs: number): Slot;
  size(): number;
}

export function createThrottle(opts: ThrottleOptions): Throttle {
  const maxKeys = opts.maxKeys ?? 100_000;
  const entries = new Map<string, Entry>();
  const limited = (retryMs: number): GatewayError => {
    const retryAfterS = Math.max(1, Math.ceil(retryMs / 1000));
    return new GatewayError('RATE_LIMITED', opts.message(retryAfterS), undefined, { retryAfterS });
  };
  const stale = (e: Entry, now: number): boolean => e.inFlight === 0 && (e.lockedUntil ? e.lockedUntil <= now : now - e.since >= opts.lockMs);

  function entryFor(key: string, now: number): Entry {
    let e = entries.get(key);
    if (e && stale(e, now)) {
      entries.delete(key);
      e = undefined;
    }
    if (e) return e;
    if (entries.size >= maxKeys) makeRoom(now);
    e = { failures: 0, inFlight: 0, since: now, lockedUntil: 0 };
    entries.set(key, e);
    return e;
  }

  function makeRoom(now: number): void {
    for (const [k, e] of entries) if (stale(e, now)) entries.delete(k);
    // still full: the oldest idle entries go (a Map iterates in insertion order)
    for (const [k, e] of entries) {
      if (entries.size < maxKeys) break;
      if (e.inFlight === 0) entries.delete(k);
    }
  }

  return {
    reserve(key, now) {
      const e = entryFor(key, now);
      if (e.lockedUntil > now) throw limited(e.lockedUntil - now);
      if (e.failures + e.inFlight >= opts.maxFailures) throw limited(1000);
      e.inFlight += 1;
      let done = false;
      return {
        failed(at) {
          if (done) return;
          done = true;
          e.inFlight -= 1;
          e.failures += 1;
          if (e.failures >= opts.maxFailures) e.lockedUntil = at + opts.lockMs;
        },
        succeeded(reset) {
          if (done) return;
          done = true;
          e.inFlight -= 1;
          if (reset && entries.get(key) === e) entries.delete(key);
        },
      };
    },
    size: () => entries.size,
  };
}
