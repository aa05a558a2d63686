// Opens the SQL store's database on either engine, applies the migrations (kysely's Migrator, versioned
// files under migrations/) and, on SQLite, takes the file for this process alone: a second gateway on
// the same DATA_DIR is refused at start instead of writing beside the first.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
import type { Engine } from './engine.js';
import type { Database } from './schema.js';
import { initial } from './migrations/0001_initial.js';
import { sessionRoutes } from './migrations/0002_session_routes.js';
import { inboundCaseNo } from './migrations/0003_inbound_case_no.js';

export type SqlTarget =
  | { engine: 'sqlite'; file: string; /** false: commits are not fsynced (throwaway data only) */ fsync?: boolean }
  | { engine: 'postgres'; url: string; poolSize?: number; onPoolError?: (err: Error) => void };

export interface SqlDatabase {
  engine: Engine;
  db: Kysely<Database>;
  close(): Promise<void>;
}

/** Another process has the SQLite file open: one gateway process per data directory. */
export class StoreInUseError extends Error {
  constructor(file: string) {
    super(`the store ${file} is in use by another gateway process (one process per DATA_DIR; to run several instances use STORE=postgres)`);
    this.name = 'StoreInUseError';
  }
}

/** every migration, by name; names sort in the order they apply */
export function migrations(engine: Engine): Record<string, Migration> {
  return { '0001_initial': initial(engine), '0002_session_routes': sessionRoutes(), '0003_inbound_case_no': inboundCaseNo() };
}

export async function openDatabase(target: SqlTarget): Promise<SqlDatabase> {
  const opened = target.engine === 'sqlite' ? openSqlite(target.file, target.fsync ?? true) : openPostgres(target);
  try {
    assertMigrated(await new Migrator({ db: opened.db, provider: { getMigrations: async () => migrations(opened.engine) } }).migrateToLatest());
  } catch (err) {
    await opened.close();
    throw err;
  }
  return opened;
}

function assertMigrated({ error, results }: MigrationResultSet): void {
  if (!error) return;
  const failed = results?.find((r) => r.status === 'Error')?.migrationName;
  throw new Error(`store migration ${failed ?? ''} failed: ${(error as Error).message ?? String(error)}`, { cause: error });
}

function openSqlite(file: string, fsync: boolean): SqlDatabase {
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file, { timeout: 0 });
  try {
    sqlite.pragma('journal_mode = WAL');
    // a commit is on disk before it returns: what a clerk was told was saved survives a power cut
    sqlite.pragma(fsync ? 'synchronous = FULL' : 'synchronous = OFF');
    sqlite.pragma('foreign_keys = ON');
    // the file stays locked by this connection until it closes (a second process gets SQLITE_BUSY)
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (err) {
    sqlite.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new StoreInUseError(file);
    throw err;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { engine: 'sqlite', db, close: () => db.destroy() };
}

function openPostgres(target: Extract<SqlTarget, { engine: 'postgres' }>): SqlDatabase {
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, connectionTimeoutMillis: 5000 });
  // a connection the server dropped (a restart, a failover) must not end the process: the pool opens a
  // new one on the next query. An idle one's error reaches the pool; one in use at that moment emits it
  // on its client, where without a listener it was an unhandled 'error' event that ended the gateway
  // (its query fails on its own, and the request with it: 503 NOT_READY).
  pool.on('error', (err) => target.onPoolError?.(err));
  pool.on('connect', (client) => { client.on('error', (err) => target.onPoolError?.(err)); });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { engine: 'postgres', db, close: () => db.destroy() };
}

/** node-postgres's errors when the server cannot be reached or went away, and SQLSTATE classes 08 and 57P */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const UNREACHABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i;

/** the database is not there now (down, restarting, unreachable): a retry later may succeed */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (UNREACHABLE_CODES.has(code) || code.startsWith('08') || code.startsWith('57P')) return true;
  return typeof e?.message === 'string' && UNREACHABLE_MESSAGES.test(e.message);
}
