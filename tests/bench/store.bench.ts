// Store bench (issue 11), both engines in one run. For each engine and size (1,000 and 100,000 stored
// cases): one durable case write — case row + events + outbox job in one transaction (updateCase, as a
// submit does) — p50/p99, against a bare INSERT + commit of one small row on the same engine in the same
// run; listCases with filters at each size; and the resident memory of the compiled gateway started on
// the 100,000-case store and asked for lists.
// Run: npm run bench:store   (BENCH_STORE_SIZES=1000,100000 BENCH_STORE_WRITES=2000 to change)
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore, type OpenedStore, type SqlTarget } from '../../gateway/src/store/index.js';
import { keyringBeside } from '../support/storeCases.js';
import { startPgCluster, freshDatabase } from '../support/postgres.js';
import { freePort } from '../support/world.js';
import { PARTNER_REGIONS } from '../support/registry.js';
import { benchCase, benchEvents, caseIdOf } from './storeBenchData.js';

const SIZES = (process.env.BENCH_STORE_SIZES ?? '1000,100000').split(',').map(Number);
const WRITES = Number(process.env.BENCH_STORE_WRITES ?? 2000);
const LISTS = 300;
const SEED_IN_FLIGHT = 16;

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
const ms = (x: number): string => x.toFixed(2);

async function timed(n: number, op: (i: number) => Promise<unknown>): Promise<number[]> {
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await op(i);
    lat.push(performance.now() - t);
  }
  return lat.sort((a, b) => a - b);
}

async function pool(total: number, inFlight: number, op: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < total) await op(next++);
  }));
}

/** cases 1..to that are not there yet (seeding is set-up: not measured, fsync off on SQLite) */
async function seed(o: OpenedStore, from: number, to: number): Promise<void> {
  await pool(to - from, SEED_IN_FLIGHT, async (i) => {
    const n = from + i + 1;
    await o.store.createCase(benchCase(n), benchEvents(n));
  });
}

/** a clerk's filtered list: their region, open states, one partner, first page */
function timedLists(o: OpenedStore): Promise<number[]> {
  return timed(LISTS, (i) => o.store.listCases({
    regions: ['330681'], status: ['forwarded', 'accepted', 'needs_supplement'], partner: PARTNER_REGIONS[i % PARTNER_REGIONS.length]!, offset: 0, limit: 20,
  }));
}

interface SizeFigures { size: number; writeP50: number; writeP99: number; bareP50: number; bareP99: number; listP50: number; listP99: number }

async function measure(o: OpenedStore, size: number): Promise<SizeFigures> {
  const { db } = o.database;
  await sql`create table if not exists bench_bare (id text primary key, at text not null, v integer not null)`.execute(db);
  // a bare durable commit of one small row: the engine's floor for "one write"
  const bare = await timed(WRITES, (i) => db.insertInto('bench_bare' as never).values({ id: `${size}-${i}-${randomUUID()}`, at: new Date().toISOString(), v: i } as never).execute());
  // a submit-like write: the case row, three events and a new outbox job, one transaction
  const ids = Array.from({ length: WRITES }, (_, i) => caseIdOf(1 + ((i * 7919) % size)));
  const writes = await timed(WRITES, (i) => o.store.updateCase(ids[i]!, (c) => {
    const at = new Date().toISOString();
    c.updatedAt = at;
    c.handoffs.push({ id: randomUUID(), partner: c.partner, step: `bench-${i}`, idempotencyKey: `${c.caseNo}:${c.partner}:bench-${i}-${randomUUID()}`, status: 'delivered', attempts: 1, maxAttempts: 10, nextAttemptAt: at, createdAt: at, deliveredAt: at });
    return [
      { at, actor: 'clerk:bench', type: 'case.submitted', data: { step: `bench-${i}` } },
      { at, actor: 'clerk:bench', type: 'case.status_changed', data: { from: c.status, to: c.status } },
      { at, actor: 'clerk:bench', type: 'handoff.queued', data: { step: `bench-${i}` } },
    ];
  }));
  const lists = await timedLists(o);
  return { size, writeP50: pct(writes, 50), writeP99: pct(writes, 99), bareP50: pct(bare, 50), bareP99: pct(bare, 99), listP50: pct(lists, 50), listP99: pct(lists, 99) };
}

/** the compiled gateway on this store: its resident memory after start and a round of lists */
async function gatewayRss(env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['dist/gateway/src/main.js'], {
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'silent', RW_ENABLED: 'false', PORT: String(port), POLL_INTERVAL_MS: '86400000', MALLOC_ARENA_MAX: '2', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}`);
      const ok = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 300) throw new Error('gateway did not become ready');
      await new Promise((r) => setTimeout(r, 100));
    }
    const login = await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zhuji01', password: 'Zhuji@2026' }) })).json() as { token: string };
    for (let i = 0; i < 200; i++) await (await fetch(`${base}/api/cases?limit=50&offset=${(i * 50) % 5000}`, { headers: { authorization: `Bearer ${login.token}` } })).arrayBuffer();
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function bench(engine: 'sqlite' | 'postgres', clusterUrl: string | undefined): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `kytb-store-bench-${engine}-`));
  const dataDir = join(dir, 'data');
  const keyring = await keyringBeside(dataDir);
  const target: SqlTarget = engine === 'sqlite' ? { engine, file: join(dataDir, 'gateway.sqlite') } : { engine, url: await freshDatabase(clusterUrl, 'store_bench') };
  const figures: SizeFigures[] = [];
  let seeded = 0;
  try {
    for (const size of SIZES) {
      // seeding without fsync (SQLite) is set-up; the measured writes run with it, as in production
      if (engine === 'sqlite') {
        const fast = await openStore({ target: { ...target, fsync: false } as SqlTarget, keyring });
        await seed(fast, seeded, size);
        await fast.store.close();
      } else {
        const o = await openStore({ target, keyring });
        await seed(o, seeded, size);
        await o.store.close();
      }
      seeded = size;
      const o = await openStore({ target, keyring });
      if (engine === 'postgres') {
        // Right after a bulk load autovacuum is at work on the new rows (and their visibility map is not
        // set, so counts read the heap): lists measured then say what the load costs, not the store. The
        // figures are taken at rest, as autovacuum leaves the table soon after; the load's are printed too.
        const loading = await timedLists(o);
        console.log(`postgres ${size.toLocaleString('en')} cases, right after seeding them (autovacuum at work): listCases p50 ${ms(pct(loading, 50))} / p99 ${ms(pct(loading, 99))} ms`);
        await sql`vacuum analyze`.execute(o.database.db);
        await sql`checkpoint`.execute(o.database.db);
      }
      figures.push(await measure(o, size));
      await o.store.close();
      const f = figures.at(-1)!;
      console.log(`${engine} ${size.toLocaleString('en')} cases: case write p50 ${ms(f.writeP50)} / p99 ${ms(f.writeP99)} ms (bare INSERT + commit p50 ${ms(f.bareP50)} / p99 ${ms(f.bareP99)} ms, ratio p50 ${(f.writeP50 / f.bareP50).toFixed(1)}×); listCases p50 ${ms(f.listP50)} / p99 ${ms(f.listP99)} ms`);
    }
    const env: Record<string, string> = engine === 'sqlite'
      ? { DATA_DIR: dataDir, STORE: 'sqlite' }
      : { DATA_DIR: dataDir, STORE: 'postgres', DATABASE_URL: (target as { url: string }).url };
    const rss = await gatewayRss(env);
    const first = figures[0]!;
    const last = figures.at(-1)!;
    const ratio = last.writeP50 / first.writeP50;
    console.log(`${engine}: write cost at ${last.size.toLocaleString('en')} / at ${first.size.toLocaleString('en')} = ${ratio.toFixed(2)} (target ≤ 1.15: ${ratio <= 1.15 ? 'met' : 'NOT met'}); listCases p99 ${ms(last.listP99)} ms (target < 20: ${last.listP99 < 20 ? 'met' : 'NOT met'}); gateway RSS ${rss.toFixed(0)} MB${engine === 'sqlite' ? ` (target < 300: ${rss < 300 ? 'met' : 'NOT met'})` : ''}`);
    return `store-bench ${engine}: write_ratio_100k_1k=${ratio.toFixed(2)} list_p99_ms_100k=${last.listP99.toFixed(2)} rss_mb_100k=${rss.toFixed(0)}`;
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(`${dataDir}.keys`, { recursive: true, force: true });
  }
}

const cluster = await startPgCluster();
try {
  const lines = [await bench('sqlite', undefined), await bench('postgres', cluster.url)];
  for (const line of lines) console.log(line);
} finally {
  cluster.stop();
}
