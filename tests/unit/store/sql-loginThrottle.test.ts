// Login failure budgets on SQL (store/sql/loginThrottle.ts), the semantics of the old in-process
// throttle held across instances: a slot is taken before the password is checked, failures lock the key,
// a reservation whose process died gives its slot back after its deadline, stale rows are swept.
import { afterEach, describe, expect, test } from 'vitest';
import type { SqlDatabase } from '../../../gateway/src/store/sql/database.js';
import { createLoginThrottle, type LoginThrottleOptions } from '../../../gateway/src/store/sql/loginThrottle.js';
import { ENGINES, testDatabase, type TestDatabase } from '../../support/sqlDatabases.js';

let database: TestDatabase | undefined;
afterEach(async () => { await database?.close(); database = undefined; });

const LOCK_MS = 900_000;
const T0 = Date.parse('2026-03-01T08:00:00Z');

function throttle(d: SqlDatabase, more: Partial<LoginThrottleOptions> = {}) {
  return createLoginThrottle(d, { scope: 'account', maxFailures: 5, lockMs: LOCK_MS, message: (s) => `请于 ${s} 秒后再试`, ...more });
}

/** the RATE_LIMITED refusal of a reserve, or undefined when it was granted */
async function refusal(p: Promise<unknown>): Promise<{ code: string; retryAfterS: number; message: string } | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return e as { code: string; retryAfterS: number; message: string };
  }
}

describe.each(ENGINES)('login throttling on %s', (engine) => {
  test('five failures lock the key for the lock time, with a Retry-After that counts down; then it starts afresh', async () => {
    database = await testDatabase(engine, 'throttle_lock');
    const accounts = throttle(await database.open());
    for (let i = 0; i < 5; i++) await (await accounts.reserve('zhuji02', T0 + i)).failed(T0 + i);
    expect(await refusal(accounts.reserve('zhuji02', T0 + 10))).toMatchObject({ code: 'RATE_LIMITED', retryAfterS: 900, message: '请于 900 秒后再试' });
    expect(await refusal(accounts.reserve('zhuji02', T0 + 600_004))).toMatchObject({ retryAfterS: 300 });
    // another key is not locked by it
    expect(await refusal(accounts.reserve('zhuji01', T0 + 10))).toBeUndefined();
    const after = await accounts.reserve('zhuji02', T0 + 4 + LOCK_MS);
    await after.failed(T0 + 4 + LOCK_MS);
    // a fresh window: four more failures before the lock
    for (let i = 0; i < 3; i++) await (await accounts.reserve('zhuji02', T0 + LOCK_MS + 10)).failed(T0 + LOCK_MS + 10);
    expect(await refusal(accounts.reserve('zhuji02', T0 + LOCK_MS + 10))).toBeUndefined();
  });

  test('attempts in flight take the budget: the sixth is refused for a second, until one gives its slot back', async () => {
    database = await testDatabase(engine, 'throttle_inflight');
    const accounts = throttle(await database.open());
    const slots = await Promise.all(Array.from({ length: 5 }, () => accounts.reserve('zhuji02', T0)));
    expect(await refusal(accounts.reserve('zhuji02', T0))).toMatchObject({ code: 'RATE_LIMITED', retryAfterS: 1 });
    await slots[0]!.succeeded(false);
    await slots[0]!.failed(T0); // a slot is given back once
    const sixth = await accounts.reserve('zhuji02', T0);
    expect(await refusal(accounts.reserve('zhuji02', T0))).toMatchObject({ retryAfterS: 1 });
    for (const s of [...slots.slice(1), sixth]) await s.succeeded(false);
    expect(await refusal(accounts.reserve('zhuji02', T0))).toBeUndefined();
  });

  test('a success with reset forgets the failures; without it, the failures stay', async () => {
    database = await testDatabase(engine, 'throttle_reset');
    const d = await database.open();
    const accounts = throttle(d);
    const addresses = throttle(d, { scope: 'address' });
    for (let i = 0; i < 4; i++) {
      await (await accounts.reserve('zhuji02', T0)).failed(T0);
      await (await addresses.reserve('zhuji02', T0)).failed(T0);
    }
    await (await accounts.reserve('zhuji02', T0)).succeeded(true);
    await (await addresses.reserve('zhuji02', T0)).succeeded(false);
    expect(await accounts.size()).toBe(0);
    // the same key in another scope is another budget, and it still holds its four failures
    await (await addresses.reserve('zhuji02', T0)).failed(T0);
    expect(await refusal(addresses.reserve('zhuji02', T0))).toMatchObject({ retryAfterS: 900 });
    for (let i = 0; i < 4; i++) await (await accounts.reserve('zhuji02', T0)).failed(T0);
    expect(await refusal(accounts.reserve('zhuji02', T0))).toBeUndefined();
  });

  test('failures older than the window are forgotten', async () => {
    database = await testDatabase(engine, 'throttle_window');
    const accounts = throttle(await database.open());
    for (let i = 0; i < 4; i++) await (await accounts.reserve('zhuji02', T0)).failed(T0);
    for (let i = 0; i < 4; i++) await (await accounts.reserve('zhuji02', T0 + LOCK_MS)).failed(T0 + LOCK_MS);
    expect(await refusal(accounts.reserve('zhuji02', T0 + LOCK_MS))).toBeUndefined();
  });

  test('a reservation whose process died holds its slot for a minute only; if the attempt comes back, its failure counts', async () => {
    database = await testDatabase(engine, 'throttle_dead');
    const accounts = throttle(await database.open());
    const held = await Promise.all(Array.from({ length: 5 }, () => accounts.reserve('zhuji02', T0)));
    expect(await refusal(accounts.reserve('zhuji02', T0 + 59_999))).toMatchObject({ retryAfterS: 1 });
    const late = await accounts.reserve('zhuji02', T0 + 60_000);
    await late.succeeded(false);
    // the slow one is back after all: it fails and counts
    for (const s of held.slice(0, 4)) await s.failed(T0 + 61_000);
    await (await accounts.reserve('zhuji02', T0 + 61_000)).failed(T0 + 61_000);
    expect(await refusal(accounts.reserve('zhuji02', T0 + 61_000))).toMatchObject({ retryAfterS: 900 });
  });

  test('stale rows are swept, so the table holds about one window of keys', async () => {
    database = await testDatabase(engine, 'throttle_sweep');
    const accounts = throttle(await database.open(), { lockMs: 1000 });
    for (let i = 0; i < 50; i++) await (await accounts.reserve(`nobody${i}`, T0 + i * 100)).failed(T0 + i * 100);
    // rows younger than the window, plus at most one sweep interval of stale ones
    expect(await accounts.size()).toBeLessThanOrEqual(20);
    expect(await accounts.size()).toBeGreaterThanOrEqual(10);
  });

  test('50 guesses at once over two instances: exactly five are let through, then the key is locked on both', async () => {
    database = await testDatabase(engine, 'throttle_race');
    const [a, b] = await database.instances();
    const gateways = [throttle(a), throttle(b)];
    const tries = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => gateways[i % 2]!.reserve('zhuji02', T0)));
    const granted = tries.flatMap((t) => (t.status === 'fulfilled' ? [t.value] : []));
    expect(granted).toHaveLength(5);
    for (const t of tries) if (t.status === 'rejected') expect(t.reason).toMatchObject({ code: 'RATE_LIMITED', retryAfterS: 1 });
    await Promise.all(granted.map((s) => s.failed(T0 + 50)));
    for (const g of gateways) expect(await refusal(g.reserve('zhuji02', T0 + 100))).toMatchObject({ retryAfterS: 900 });
  });

  test('guesses that check and give back their slots at once, over two instances: at most five are judged', async () => {
    database = await testDatabase(engine, 'throttle_race2');
    const [a, b] = await database.instances();
    const gateways = [throttle(a), throttle(b)];
    let judged = 0;
    await Promise.allSettled(Array.from({ length: 50 }, async (_, i) => {
      const slot = await gateways[i % 2]!.reserve('zhuji02', T0 + i);
      judged += 1;
      await new Promise((r) => setTimeout(r, 5)); // the password check
      await slot.failed(T0 + i);
    }));
    expect(judged).toBeGreaterThan(0);
    expect(judged).toBeLessThanOrEqual(5);
  });
});
