// The SQL store's schema: an empty database migrated to the latest version has every table and column
// the store's types name, the same on SQLite and on PostgreSQL; migrating again changes nothing; and a
// SQLite file in use by one process is refused to another.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { sql } from 'kysely';
import { migrations, openDatabase, StoreInUseError, type SqlDatabase, type SqlTarget } from '../../../gateway/src/store/sql/database.js';
import { freshDatabase } from '../../support/postgres.js';

const EXPECTED: Record<string, string[]> = {
  cases: ['id', 'case_no', 'direction', 'status', 'partner', 'partner_ref', 'accept_region', 'handling_region', 'item_code', 'item_name', 'promised_at', 'created_at', 'updated_at', 'handoff_status', 'id_number_hash', 'inbound_partner', 'inbound_key', 'inbound_case_no', 'version', 'event_count', 'record'],
  case_events: ['case_id', 'seq', 'at', 'actor', 'type', 'data', 'prev_hash', 'hash'],
  outbox_jobs: ['id', 'case_id', 'kind', 'partner', 'step', 'idempotency_key', 'status', 'attempts', 'max_attempts', 'next_attempt_at', 'lease_owner', 'lease_until', 'created_at', 'delivered_at', 'last_error'],
  case_documents: ['id', 'case_id', 'type', 'slot', 'is_copy', 'issued_at', 'meta'],
  blobs: ['case_id', 'name', 'bytes', 'size', 'created_at'],
  inbound_nonces: ['partner', 'nonce', 'expires_at'],
  users: ['username', 'display_name', 'region', 'window', 'roles', 'password_hash', 'disabled'],
  login_throttle: ['scope', 'key', 'failures', 'since', 'locked_until', 'reservations', 'expires_at'],
  audit_anchors: ['n', 'at', 'hash', 'record'],
  audit_anchor_cases: ['case_id', 'n'],
  open_sessions: ['session_id', 'case_id', 'opened_at', 'instance_id'],
  gateway_instances: ['id', 'url', 'started_at', 'heartbeat_at', 'remote_window'],
  session_routes: ['key_hash', 'session_id', 'instance_id', 'created_at', 'ended_at'],
};

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => { for (const c of cleanups.reverse()) await c(); });

async function target(engine: 'sqlite' | 'postgres'): Promise<SqlTarget> {
  if (engine === 'postgres') return { engine, url: await freshDatabase(inject('pgUrl'), 'migrations') };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kytb-sql-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return { engine, file: path.join(dir, 'gateway.sqlite') };
}

async function schemaOf(d: SqlDatabase): Promise<Record<string, string[]>> {
  const tables = await d.db.introspection.getTables();
  return Object.fromEntries(tables.map((t) => [t.name, t.columns.map((c) => c.name).sort()]));
}

describe.each(['sqlite', 'postgres'] as const)('the store schema on %s', (engine) => {
  test('an empty database is migrated to the latest version, with every table and column', async () => {
    const t = await target(engine);
    const d = await openDatabase(t);
    try {
      const schema = await schemaOf(d);
      for (const [table, columns] of Object.entries(EXPECTED)) expect(schema[table], table).toEqual([...columns].sort());
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(d.db);
      expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations(engine)).sort());
    } finally {
      await d.close();
    }
    // opened again, nothing is left to apply and the schema is the same
    const again = await openDatabase(t);
    try {
      expect(Object.keys(await schemaOf(again)).filter((n) => n in EXPECTED).sort()).toEqual(Object.keys(EXPECTED).sort());
    } finally {
      await again.close();
    }
  });

  test('one original document per case and slot; copies may repeat it', async () => {
    const d = await openDatabase(await target(engine));
    try {
      const row = (id: string, isCopy: number) => ({ id, case_id: 'c1', type: 'acceptance_receipt', slot: 'receipt', is_copy: isCopy, issued_at: new Date().toISOString(), meta: '{}' });
      await d.db.insertInto('cases').values({
        id: 'c1', case_no: 'N1', direction: 'outbound', status: 'draft', partner: '310104', partner_ref: null, accept_region: '330681', handling_region: '310104',
        item_code: 'x', item_name: 'x', promised_at: null, created_at: 't', updated_at: 't', handoff_status: null, id_number_hash: null, inbound_partner: null, inbound_key: null, version: 1, event_count: 0, record: '{}',
      }).execute();
      await d.db.insertInto('case_documents').values([row('d1', 0), row('d2', 1), row('d3', 1)]).execute();
      await expect(d.db.insertInto('case_documents').values(row('d4', 0)).execute()).rejects.toThrow();
    } finally {
      await d.close();
    }
  });
});

describe('one gateway process per SQLite file', () => {
  test('while one process has the file open, another is refused with StoreInUseError', async () => {
    const t = await target('sqlite');
    const d = await openDatabase(t);
    try {
      await expect(openDatabase(t)).rejects.toBeInstanceOf(StoreInUseError);
      const code = `import('./gateway/src/store/sql/database.ts').then((m) => m.openDatabase(${JSON.stringify(t)})).then(() => process.exit(0), (e) => { console.error(e.name); process.exit(e.name === 'StoreInUseError' ? 3 : 1); })`;
      const r = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', code], { cwd: path.resolve('.') }).then(() => ({ code: 0, err: '' }), (e: { code: number; stderr: string }) => ({ code: e.code, err: e.stderr }));
      expect(r).toMatchObject({ code: 3 });
    } finally {
      await d.close();
    }
    // once it is closed, the file opens again
    const reopened = await openDatabase(t);
    await reopened.close();
  });
});
