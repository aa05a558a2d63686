// Databases for the store's repository tests on both engines: SQLite on a temporary file, PostgreSQL
// a database of its own in the run's cluster (globalSetup.ts). `instances` opens what stands for two
// gateway instances: on PostgreSQL two separate handles (pools) on one database; on SQLite the one
// handle, since a SQLite file belongs to one gateway process.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type SqlDatabase, type SqlTarget } from '../../gateway/src/store/sql/database.js';
import type { Engine } from '../../gateway/src/store/sql/engine.js';
import { freshDatabase } from './postgres.js';

export const ENGINES = ['sqlite', 'postgres'] as const satisfies readonly Engine[];

export interface TestDatabase {
  target: SqlTarget;
  /** opens a handle, closed by close() */
  open(): Promise<SqlDatabase>;
  /** two instances on one database (on SQLite the same handle twice) */
  instances(): Promise<[SqlDatabase, SqlDatabase]>;
  /** closes every handle still open and removes a SQLite file */
  close(): Promise<void>;
}

export async function testDatabase(engine: Engine, label: string): Promise<TestDatabase> {
  let dir: string | undefined;
  let target: SqlTarget;
  if (engine === 'postgres') target = { engine, url: await freshDatabase(inject('pgUrl'), label) };
  else {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kytb-sql-'));
    target = { engine, file: path.join(dir, 'gateway.sqlite') };
  }
  const handles = new Set<SqlDatabase>();
  const open = async (): Promise<SqlDatabase> => {
    const d = await openDatabase(target);
    const close = d.close;
    const tracked: SqlDatabase = { ...d, close: async () => { if (handles.delete(tracked)) await close(); } };
    handles.add(tracked);
    return tracked;
  };
  return {
    target,
    open,
    async instances() {
      const a = await open();
      return [a, engine === 'postgres' ? await open() : a];
    },
    async close() {
      for (const h of [...handles]) await h.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
