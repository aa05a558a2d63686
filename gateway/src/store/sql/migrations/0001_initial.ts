// Version 1 of the SQL store: every table of schema.ts. Plain SQL types that both engines (and
// PostgreSQL-compatible databases) have; the one difference, the type of file bytes, is the engine's.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from '../engine.js';

export function initial(engine: Engine): Migration {
  const bytes = engine === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createTable('cases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_no', 'text', (c) => c.notNull().unique())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('partner', 'text', (c) => c.notNull())
        .addColumn('partner_ref', 'text')
        .addColumn('accept_region', 'text', (c) => c.notNull())
        .addColumn('handling_region', 'text', (c) => c.notNull())
        .addColumn('item_code', 'text', (c) => c.notNull())
        .addColumn('item_name', 'text', (c) => c.notNull())
        .addColumn('promised_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('handoff_status', 'text')
        .addColumn('id_number_hash', 'text')
        .addColumn('inbound_partner', 'text')
        .addColumn('inbound_key', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('event_count', 'integer', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cases_accept_created').on('cases').columns(['accept_region', 'created_at']).execute();
      await db.schema.createIndex('cases_handling_created').on('cases').columns(['handling_region', 'created_at']).execute();
      // a clerk's filtered list: their region, a partner, some states, newest first (caseStore listCases)
      await db.schema.createIndex('cases_accept_filters').on('cases').columns(['accept_region', 'partner', 'status', 'created_at']).execute();
      await db.schema.createIndex('cases_handling_filters').on('cases').columns(['handling_region', 'partner', 'status', 'created_at']).execute();
      await db.schema.createIndex('cases_partner_ref').on('cases').columns(['partner', 'partner_ref']).execute();
      await db.schema.createIndex('cases_inbound_key').on('cases').columns(['inbound_partner', 'inbound_key']).unique().execute();
      await db.schema.createIndex('cases_id_number_hash').on('cases').column('id_number_hash').execute();

      await db.schema.createTable('case_events')
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_events_pk', ['case_id', 'seq'])
        .execute();

      await db.schema.createTable('outbox_jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('partner', 'text')
        .addColumn('step', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .addColumn('last_error', 'text')
        .execute();
      await db.schema.createIndex('outbox_jobs_due').on('outbox_jobs').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('outbox_jobs_case').on('outbox_jobs').column('case_id').execute();

      await db.schema.createTable('case_documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('slot', 'text', (c) => c.notNull())
        .addColumn('is_copy', 'integer', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('meta', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('case_documents_case').on('case_documents').columns(['case_id', 'issued_at']).execute();
      // one original per (case, slot); reprints are copies of it
      await db.schema.createIndex('case_documents_original').on('case_documents').columns(['case_id', 'slot']).unique().where(sql.ref('is_copy'), '=', 0).execute();

      await db.schema.createTable('blobs')
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('bytes', bytes, (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('blobs_pk', ['case_id', 'name'])
        .execute();

      await db.schema.createTable('inbound_nonces')
        .addColumn('partner', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('inbound_nonces_pk', ['partner', 'nonce'])
        .execute();
      await db.schema.createIndex('inbound_nonces_expiry').on('inbound_nonces').column('expires_at').execute();

      await db.schema.createTable('users')
        .addColumn('username', 'text', (c) => c.primaryKey())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('window', 'text', (c) => c.notNull())
        .addColumn('roles', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await db.schema.createTable('login_throttle')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('since', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('reservations', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('login_throttle_pk', ['scope', 'key'])
        .execute();
      await db.schema.createIndex('login_throttle_expiry').on('login_throttle').column('expires_at').execute();

      await db.schema.createTable('audit_anchors')
        .addColumn('n', 'integer', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .execute();

      await db.schema.createTable('audit_anchor_cases')
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('audit_anchor_cases_pk', ['case_id', 'n'])
        .execute();

      await db.schema.createTable('open_sessions')
        .addColumn('session_id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text')
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .addColumn('instance_id', 'text', (c) => c.notNull())
        .execute();

      await db.schema.createTable('gateway_instances')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('heartbeat_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
