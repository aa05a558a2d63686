// What changed, for whoever is waiting on it: the handoff worker (new jobs) and clerks' screens (a case
// moved). On PostgreSQL a committed case write carries pg_notify in its own transaction, so the note goes
// out only if the write commits, and every instance — the writer included — hears it on one LISTEN
// connection (reconnected by itself when the database goes away). SQLite has one process: the store
// tells the feed itself after each commit.
import pg from 'pg';
import { sql, type Transaction } from 'kysely';
import type { CaseRecord } from '../../domain/case.js';
import type { Database } from './schema.js';

export const CHANNEL = 'kytb_case_changes';

/** one committed change of a case: no personal data, small enough for a NOTIFY payload */
export interface CaseChange {
  caseId: string;
  caseNo: string;
  status: string;
  acceptRegion: string;
  handlingRegion: string;
  version: number;
  updatedAt: string;
  /** the write queued or changed outbox jobs */
  jobs: boolean;
}

export const changeOf = (c: CaseRecord, jobs: boolean): CaseChange => ({
  caseId: c.id, caseNo: c.caseNo, status: c.status, acceptRegion: c.acceptRegion, handlingRegion: c.handlingRegion, version: c.version, updatedAt: c.updatedAt, jobs,
});

export interface ChangeFeed {
  subscribe(listener: (change: CaseChange) => void): () => void;
  /** inside a write's transaction (PostgreSQL: pg_notify, delivered at commit) */
  inTransaction(trx: Transaction<Database>, change: CaseChange): Promise<void>;
  /** after the write committed (SQLite: told here) */
  committed(change: CaseChange): void;
  close(): Promise<void>;
}

function listeners() {
  const all = new Set<(c: CaseChange) => void>();
  return {
    add(l: (c: CaseChange) => void) { all.add(l); return () => { all.delete(l); }; },
    emit(c: CaseChange) { for (const l of all) { try { l(c); } catch { /* a listener's failure is its own */ } } },
  };
}

export function localChangeFeed(): ChangeFeed {
  const ls = listeners();
  return { subscribe: ls.add, inTransaction: async () => {}, committed: ls.emit, close: async () => {} };
}

export interface PgFeedOptions {
  url: string;
  onError?(err: Error): void;
  /** wait before listening again after the connection broke (ms) */
  retryMs?: number;
}

export async function postgresChangeFeed(opts: PgFeedOptions): Promise<ChangeFeed> {
  const ls = listeners();
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const listen = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: opts.url });
    c.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      try {
        ls.emit(JSON.parse(n.payload) as CaseChange);
      } catch (err) {
        opts.onError?.(err as Error);
      }
    });
    // once per client, whatever tells first (its error, its end, a failed connect): listen again later
    // with a new client, and go on doing so while the database stays away
    let broken = false;
    const again = (err?: Error) => {
      if (broken) return;
      broken = true;
      if (err) opts.onError?.(err);
      if (client === c) client = undefined;
      c.end().catch(() => undefined);
      if (closed) return;
      retry = setTimeout(() => { void listen().catch(() => undefined); }, opts.retryMs ?? 1000);
      retry.unref();
    };
    c.on('error', again);
    c.on('end', () => again());
    client = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      again(err as Error);
      throw err;
    }
  };
  try {
    await listen();
  } catch (err) {
    // at start the database must be there: no retries behind a gateway that does not start
    closed = true;
    clearTimeout(retry);
    throw err;
  }
  return {
    subscribe: ls.add,
    async inTransaction(trx, change) {
      await sql`select pg_notify(${CHANNEL}, ${JSON.stringify(change)})`.execute(trx);
    },
    committed: () => {},
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
