// Version 2: remote-window sessions reached through any instance (issue 11). gateway_instances learns
// whether an instance runs the remote window; session_routes maps every key a client holds to reach a
// session (its id, join code, join link token) to the instance whose mediasoup router hosts it. Keys
// are stored as SHA-256 hashes only, never as they were handed out.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export function sessionRoutes(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('gateway_instances')
        .addColumn('remote_window', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createTable('session_routes')
        .addColumn('key_hash', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('instance_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        // set once the session ended: its id still leads to the host (which says "ended") for a while
        .addColumn('ended_at', 'text')
        .execute();
      await db.schema.createIndex('session_routes_by_session').on('session_routes').column('session_id').execute();
      await db.schema.createIndex('session_routes_by_instance').on('session_routes').column('instance_id').execute();
    },
  };
}
