// The store, memory and audit-anchor settings of the gateway: documented defaults, bounds, and a bad
// value refused by name.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../../gateway/src/config.js';

const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env }, []);

describe('STORE, DATABASE_URL, INSTANCE_ID, HEAP_GROWTH_PERCENT and AUDIT_ANCHOR_INTERVAL_S', () => {
  test('defaults: SQLite in DATA_DIR, heap limit 50 % above what the last full GC kept', () => {
    expect(load({ DATA_DIR: '/srv/kytb/' })).toMatchObject({ store: { engine: 'sqlite', file: '/srv/kytb/gateway.sqlite' }, heapGrowthPercent: 50, auditAnchorIntervalS: 300 });
    expect(load({ HEAP_GROWTH_PERCENT: '0' })).toMatchObject({ heapGrowthPercent: 0 });
  });

  test('STORE=postgres takes DATABASE_URL and a pool size', () => {
    expect(load({ STORE: 'postgres', DATABASE_URL: 'postgres://kytb:pw@db:5432/kytb', DATABASE_POOL_SIZE: '20', INSTANCE_ID: 'gw-2' }))
      .toMatchObject({ store: { engine: 'postgres', url: 'postgres://kytb:pw@db:5432/kytb', poolSize: 20 }, instanceId: 'gw-2' });
  });

  test('INSTANCE_URL: where the other instances reach this one; unset, the gateway uses its own loopback address', () => {
    expect(load({ INSTANCE_URL: 'http://gateway-2:8080/' }).instanceUrl).toBe('http://gateway-2:8080');
    expect(load({}).instanceUrl).toBeUndefined();
  });

  test('in production, STORE=postgres needs the signing key as a file every instance is given', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kytb-settings-'));
    try {
      const keys = path.join(dir, 'pii-keys.json');
      writeFileSync(keys, '{}', { mode: 0o600 });
      const env = { NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(40), PII_KEYS_FILE: keys, DATA_DIR: path.join(dir, 'data'), STORE: 'postgres', DATABASE_URL: 'postgres://db/kytb' };
      expect(() => load(env)).toThrow('RECEIPT_SIGNING_KEY_FILE');
      expect(load({ ...env, RECEIPT_SIGNING_KEY_FILE: path.join(dir, 'signing.pem') }).store.engine).toBe('postgres');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    [{ STORE: 'mysql' }, 'STORE'],
    [{ STORE: 'postgres' }, 'DATABASE_URL'],
    [{ STORE: 'postgres', DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://x/y' }, 'DATABASE_URL'],
    [{ STORE: 'postgres', DATABASE_URL: 'postgres://x/y', DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
    [{ INSTANCE_ID: 'a b' }, 'INSTANCE_ID'],
    [{ INSTANCE_URL: 'gateway-1:8080' }, 'INSTANCE_URL'],
    [{ INSTANCE_URL: 'http://gateway-1:8080/api' }, 'INSTANCE_URL'],
    [{ HEAP_GROWTH_PERCENT: '-5' }, 'HEAP_GROWTH_PERCENT'],
    [{ HEAP_GROWTH_PERCENT: '500' }, 'HEAP_GROWTH_PERCENT'],
    [{ AUDIT_ANCHOR_INTERVAL_S: '0' }, 'AUDIT_ANCHOR_INTERVAL_S'],
  ])('%o is refused with %s named', (env, name) => {
    expect(() => load(env as Record<string, string>)).toThrow(name);
  });
});
