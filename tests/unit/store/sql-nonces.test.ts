// Inbound replay protection on SQL (store/sql/nonces.ts): a nonce is taken once within its time to live,
// by one request only however many arrive at once on however many instances, survives a restart, and
// the table holds about one time to live's worth of nonces.
import { afterEach, describe, expect, test } from 'vitest';
import { createNonceRepository } from '../../../gateway/src/store/sql/nonces.js';
import { ENGINES, testDatabase, type TestDatabase } from '../../support/sqlDatabases.js';

let database: TestDatabase | undefined;
afterEach(async () => { await database?.close(); database = undefined; });

describe.each(ENGINES)('inbound nonces on %s', (engine) => {
  test('a nonce is accepted once per partner', async () => {
    database = await testDatabase(engine, 'nonces');
    const clock = { t: Date.parse('2026-03-01T08:00:00Z') };
    const nonces = createNonceRepository(await database.open(), { ttlMs: 600_000, now: () => clock.t });
    expect(await nonces.remember('640000', 'n-00000001')).toBe(true);
    expect(await nonces.remember('640000', 'n-00000001')).toBe(false);
    expect(await nonces.remember('310104', 'n-00000001')).toBe(true);
  });

  test('40 requests with one nonce at once, over two instances: exactly one is accepted; distinct nonces all are', async () => {
    database = await testDatabase(engine, 'nonces_race');
    const clock = { t: Date.parse('2026-03-01T08:00:00Z') };
    const [a, b] = await database.instances();
    const gateways = [a, b].map((d) => createNonceRepository(d, { ttlMs: 600_000, now: () => clock.t }));
    const same = await Promise.all(Array.from({ length: 40 }, (_, i) => gateways[i % 2]!.remember('610700', 'n-same')));
    expect(same.filter(Boolean)).toHaveLength(1);
    const distinct = await Promise.all(Array.from({ length: 100 }, (_, i) => gateways[i % 2]!.remember('610700', `n-${i}`)));
    expect(distinct.every(Boolean)).toBe(true);
  });

  test('what was accepted is refused after a restart, until its time to live has passed; then it is taken once more', async () => {
    database = await testDatabase(engine, 'nonces_ttl');
    const clock = { t: Date.parse('2026-03-01T08:00:00Z') };
    const first = await database.open();
    expect(await createNonceRepository(first, { ttlMs: 1000, now: () => clock.t }).remember('640000', 'n-restart')).toBe(true);
    await first.close();
    const second = createNonceRepository(await database.open(), { ttlMs: 1000, now: () => clock.t });
    expect(await second.remember('640000', 'n-restart')).toBe(false);
    clock.t += 999;
    expect(await second.remember('640000', 'n-restart')).toBe(false);
    clock.t += 1;
    const again = await Promise.all(Array.from({ length: 10 }, () => second.remember('640000', 'n-restart')));
    expect(again.filter(Boolean)).toHaveLength(1);
    expect(await second.remember('640000', 'n-restart')).toBe(false);
  });

  test('expired nonces are swept as time goes on: the table stays bounded', async () => {
    database = await testDatabase(engine, 'nonces_sweep');
    const clock = { t: Date.parse('2026-03-01T08:00:00Z') };
    const nonces = createNonceRepository(await database.open(), { ttlMs: 100, now: () => clock.t });
    for (let i = 0; i < 600; i++) {
      expect(await nonces.remember('610700', `n-${String(i).padStart(8, '0')}`)).toBe(true);
      clock.t += 1;
    }
    // one time to live of live nonces, plus at most one sweep interval of expired ones
    expect(await nonces.count()).toBeLessThanOrEqual(201);
    expect(await nonces.remember('610700', 'n-00000599')).toBe(false);
  });
});
