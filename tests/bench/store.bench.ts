// Store bench: updateCase latency and throughput at 1,000 and 50,000 stored cases, with 16 and 64
// updates in flight, init time and RSS, and how many fsyncs each update costs.
// Run: npx tsx tests/bench/store.bench.ts
// Each size is seeded (fsync off: seeding is set-up, not measured) and then measured in a fresh child
// process (fsync on, audit chainer running, as in production), so RSS is that of a process that only
// opened the store. A bare durable 2 KB file write, measured in the same child, is the baseline.
// fsyncs/update counts every fsync and fdatasync the store issued from the start of a run until the
// audit trail has caught up and a checkpoint has made the run's documents durable ("drain ms").
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { writeFileDurable } from '../../gateway/src/store/durableFile.js';
import { openStore } from '../../gateway/src/store/index.js';
import { keyringBeside } from '../support/storeCases.js';
import { benchCase, benchEvents, caseIdOf } from './storeBenchData.js';

const SIZES = [1_000, 50_000];
const UPDATES = 10_000;
const IN_FLIGHTS = [16, 64];

interface Run {
  inFlight: number;
  p50: number;
  p99: number;
  opsPerSec: number;
  auditCatchUpMs: number;
  drainMs: number;
  loopP99: number;
  fsyncsPerUpdate: number;
  updatesPerWalSync: number;
  checkpointsDuring: number;
}

interface Figures {
  size: number;
  initMs: number;
  rssMb: number;
  heapMb: number;
  runs: Run[];
  listMs: number;
  baseP50: number;
  baseP99: number;
  baseOpsPerSec: number;
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

/** runs `total` async ops with `inFlight` at a time; returns the sorted latencies and the wall time */
async function drive(total: number, inFlight: number, op: (i: number) => Promise<unknown>): Promise<{ sorted: number[]; ms: number }> {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) {
        const i = next++;
        const s = performance.now();
        await op(i);
        lat.push(performance.now() - s);
      }
    }),
  );
  return { sorted: lat.sort((a, b) => a - b), ms: performance.now() - t0 };
}

async function seed(dataDir: string, size: number): Promise<number> {
  const t0 = performance.now();
  const { store, audit } = await openStore({ dataDir, fsync: false, keyring: await keyringBeside(dataDir) });
  await drive(size, 32, async (n) => {
    await store.createCase(benchCase(n + 1), benchEvents(n + 1));
  });
  await audit.close();
  await store.close();
  return performance.now() - t0;
}

async function measure(dataDir: string, size: number): Promise<Figures> {
  const t0 = performance.now();
  const { store, audit } = await openStore({ dataDir, fsync: true, keyring: await keyringBeside(dataDir) });
  const initMs = performance.now() - t0;
  (globalThis as { gc?: () => void }).gc?.();
  const mem = process.memoryUsage();

  let seq = 0;
  const update = (n: number) =>
    store.updateCase(caseIdOf(n), (c) => {
      const job = c.handoffs[0];
      if (job) {
        job.attempts += 1;
        job.nextAttemptAt = new Date(Date.parse(job.nextAttemptAt) + 60_000).toISOString();
      }
      c.updatedAt = new Date().toISOString();
      return [{ at: c.updatedAt, actor: 'system', type: 'handoff.attempt', data: { attempt: job?.attempts ?? 0, httpStatus: 503, seq: seq++ } }];
    });
  const pick = (i: number) => ((i * 7919) % size) + 1;
  await drive(200, 16, (i) => update(pick(i + 100_000)));
  await store.checkpoint();
  const syncs = () => {
    const t = store.stats();
    return { all: t.walSyncs + t.docSyncs + t.dirSyncs + t.auditFileSyncs + t.auditDirSyncs, wal: t.walSyncs, entries: t.walEntries, checkpoints: t.checkpoints };
  };
  const runs: Run[] = [];
  for (const [k, inFlight] of IN_FLIGHTS.entries()) {
    const before = syncs();
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const run = await drive(UPDATES, inFlight, (i) => update(pick(i + k * UPDATES)));
    loop.disable();
    const during = syncs();
    const tAudit = performance.now();
    await audit.flush();
    const auditCatchUpMs = performance.now() - tAudit;
    await store.checkpoint();
    const after = syncs();
    runs.push({
      inFlight,
      p50: pct(run.sorted, 50),
      p99: pct(run.sorted, 99),
      opsPerSec: (UPDATES / run.ms) * 1000,
      auditCatchUpMs,
      drainMs: performance.now() - tAudit,
      loopP99: loop.percentile(99) / 1e6,
      fsyncsPerUpdate: (after.all - before.all) / UPDATES,
      updatesPerWalSync: (during.entries - before.entries) / Math.max(1, during.wal - before.wal),
      checkpointsDuring: during.checkpoints - before.checkpoints,
    });
  }

  const lists: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    store.listCases({ regions: ['330681'], status: ['forwarded'], offset: 0, limit: 20 });
    lists.push(performance.now() - s);
  }
  await audit.close();
  await store.close();

  const baseDir = await mkdtemp(join(dataDir, 'baseline-'));
  const doc = JSON.stringify({ record: benchCase(1), events: benchEvents(1) });
  const base = await drive(3_000, 16, (i) => writeFileDurable(join(baseDir, `${i % 512}.json`), doc, true));

  return {
    size,
    initMs,
    rssMb: mem.rss / 2 ** 20,
    heapMb: mem.heapUsed / 2 ** 20,
    runs,
    listMs: pct(lists.sort((a, b) => a - b), 50),
    baseP50: pct(base.sorted, 50),
    baseP99: pct(base.sorted, 99),
    baseOpsPerSec: (3_000 / base.ms) * 1000,
  };
}

async function main(): Promise<void> {
  const [mode, dataDir, size] = process.argv.slice(2);
  if (mode === '--measure' && dataDir && size) {
    process.stdout.write(`${JSON.stringify(await measure(dataDir, Number(size)))}\n`);
    return;
  }
  const results: Figures[] = [];
  for (const n of SIZES) {
    const dir = await mkdtemp(join(tmpdir(), `store-bench-${n}-`));
    try {
      const seedMs = await seed(dir, n);
      // seeding left ~n×4 KB of dirty pages; without this the kernel's writeback competes with the measured fsyncs
      spawnSync('sync');
      console.log(`seeded ${n} cases in ${(seedMs / 1000).toFixed(1)} s (fsync off)`);
      const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, '--measure', dir, String(n)], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      if (child.status !== 0) throw new Error(`measure child failed:\n${child.stderr}`);
      results.push(JSON.parse(child.stdout.trim().split('\n').at(-1) as string) as Figures);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(`${dir}.keys`, { recursive: true, force: true });
    }
  }
  report(results);
}

function report(rs: Figures[]): void {
  const f = (x: number, d = 2) => x.toFixed(d);
  console.log(`\nupdateCase, ${UPDATES} updates per run, fsync on, audit chainer running`);
  console.log('cases   | init ms | RSS MB | heap MB | listCases ms | baseline durable 2 KB write (16 in flight) p50/p99 ms, ops/s');
  for (const r of rs) {
    console.log(
      `${String(r.size).padEnd(7)} | ${f(r.initMs, 0).padStart(7)} | ${f(r.rssMb, 0).padStart(6)} | ${f(r.heapMb, 0).padStart(7)} | ${f(r.listMs).padStart(12)} | ${f(r.baseP50)}/${f(r.baseP99)}, ${f(r.baseOpsPerSec, 0)}`,
    );
  }
  console.log('\ncases   | in flight | p50 ms | p99 ms | updates/s | loop delay p99 ms | updates per log sync | checkpoints during | audit catch-up ms | drain ms | fsyncs/update');
  for (const r of rs) {
    for (const x of r.runs) {
      console.log(
        `${String(r.size).padEnd(7)} | ${String(x.inFlight).padStart(9)} | ${f(x.p50).padStart(6)} | ${f(x.p99).padStart(6)} | ${f(x.opsPerSec, 0).padStart(9)} | ${f(x.loopP99, 1).padStart(17)} | ` +
          `${f(x.updatesPerWalSync, 1).padStart(20)} | ${String(x.checkpointsDuring).padStart(18)} | ${f(x.auditCatchUpMs, 0).padStart(17)} | ${f(x.drainMs, 0).padStart(8)} | ${f(x.fsyncsPerUpdate).padStart(13)}`,
      );
    }
  }
}

await main();
