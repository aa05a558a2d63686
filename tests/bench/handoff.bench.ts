// Handoff bench (npm run bench): handoffs per second and end-to-end latency (submit → partner
// acknowledged) at 1,000 and at 50,000 stored cases, against a bare HTTP round trip on loopback
// measured in the same run, plus the gateway's resident memory.
//
// STORE=sqlite (the default) or STORE=postgres: on PostgreSQL it runs with one gateway instance and then
// with two on the same database (BENCH_INSTANCES, default 1,2), the submits spread over the instances.
// The database is DATABASE_URL's server (a fresh database per run is made on it) or, without it, a
// throwaway cluster this bench starts and stops (Debian's postgresql package, as the tests use).
//
// The gateway runs as a child process (real main.ts, fsync on, as in production) so that its RSS is
// its own; the three simulated partners and the load generator run in this process. Stored cases and
// the drafts to submit are seeded straight into the store before the gateway starts (set-up, not
// measured); what is measured goes through the front door: POST /api/cases/{id}/submit, the durable
// outbox, the worker, each partner's real contract over HTTP.
import { randomUUID } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { CaseRecord } from '../../gateway/src/domain/case.js';
import { openStore } from '../../gateway/src/store/index.js';
import { spawnGateway, type GatewayProcess } from '../support/child.js';
import { call, login } from '../support/client.js';
import { TINY_PDF, sha256 } from '../support/fixtures.js';
import { COMPANY_CREDIT_CODE } from '../support/flows.js';
import { OFFERED_ITEMS, PARTNER_REGIONS as REGIONS } from '../support/registry.js';
import { freePort, gatewayEnv, removeDataDir, startSimulators } from '../support/world.js';
import { warmFonts } from '../../gateway/src/receipts/font.js';
import { generateSigningKey } from '../../gateway/src/receipts/keys.js';
import { renderDocument } from '../../gateway/src/receipts/render.js';
import { emptyPdf, factsForCase } from './benchDocuments.js';
import { benchCase, benchEvents } from './storeBenchData.js';
import { keyringBeside } from '../support/storeCases.js';
import { defaultPiiKeysFile } from '../../gateway/src/config.js';
import { freshDatabase, startPgCluster, type PgCluster } from '../support/postgres.js';
import type { SqlTarget } from '../../gateway/src/store/sql/database.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,50000').split(',').map(Number);
const ENGINE = (process.env.STORE ?? 'sqlite') as 'sqlite' | 'postgres';
if (ENGINE !== 'sqlite' && ENGINE !== 'postgres') throw new Error(`STORE must be sqlite or postgres, not ${String(ENGINE)}`);
/** gateway instances on one database (PostgreSQL only) */
const INSTANCES = ENGINE === 'postgres' ? (process.env.BENCH_INSTANCES ?? '1,2').split(',').map(Number) : [1];
const BURST = Number(process.env.BENCH_BURST ?? 2_000); // submitted as fast as possible
const PACED = Number(process.env.BENCH_PACED ?? 500); // submitted at PACED_RATE per second
const PACED_RATE = 100;
// Below capacity: the latency a window sees at lower steady rates, each for LOW_SECONDS, so the bench
// also says up to which rate p99 stays under 100 ms on this machine.
const LOW_RATES = (process.env.BENCH_LOW_RATES ?? '10,25').split(',').filter(Boolean).map(Number);
const LOW_SECONDS = Number(process.env.BENCH_LOW_SECONDS ?? 15);
const lowCount = (rate: number) => Math.round(rate * LOW_SECONDS);
const IN_FLIGHT = 64;

// Every HTTP request a simulated partner serves (they run in this process; the gateway is a child), so
// the bench can say how many round trips one handoff costs and what that alone allows on this machine.
let partnerRequests = 0;
diagnostics.subscribe('http.server.request.start', () => { partnerRequests += 1; });

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await fn(items[next++] as T);
  }));
}

const cpuSince = (start: NodeJS.CpuUsage): number => { const u = process.cpuUsage(start); return (u.user + u.system) / 1000; };

/**
 * Baseline: a bare node:http JSON round trip on loopback, sequential latency and pooled throughput, and
 * the CPU one round trip costs both ends together (client and server share this process).
 */
async function baseline(): Promise<{ p50: number; p99: number; perSec: number; cpuPerTrip: number }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ ok: true, n: body.length })); });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  const once = () => fetch(url, { method: 'POST', body: '{"caseNo":"330681-20261122-ABCDEFGH"}', headers: { 'content-type': 'application/json' } }).then((r) => r.text());
  for (let i = 0; i < 200; i += 1) await once();
  const lat: number[] = [];
  for (let i = 0; i < 2_000; i += 1) { const t = performance.now(); await once(); lat.push(performance.now() - t); }
  const n = 5_000;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await pool(Array.from({ length: n }, (_, i) => i), IN_FLIGHT, async () => { await once(); });
  const cpuPerTrip = cpuSince(cpu0) / n;
  const perSec = n / ((performance.now() - t0) / 1000);
  await new Promise<void>((r) => server.close(() => r()));
  return { p50: pct(lat, 50), p99: pct(lat, 99), perSec, cpuPerTrip };
}

/**
 * The documents every handoff carries (issue 4): a 受理回执 and a 材料流转单 rendered and signed by the
 * gateway's own renderer, here in this process, for a new case each time; CPU per case, warm.
 */
async function documentsPerCase(n = 120): Promise<{ docs: number; emptyPair: number }> {
  // pdf-lib's own minimum for one document: create, one A4 page, save
  for (let i = 0; i < 20; i += 1) await emptyPdf();
  const e0 = process.cpuUsage();
  for (let i = 0; i < n; i += 1) { await emptyPdf(); await emptyPdf(); }
  const emptyPair = cpuSince(e0) / n;
  warmFonts();
  const key = generateSigningKey();
  const forCase = async (i: number) => {
    for (const type of ['acceptance_receipt', 'transfer_sheet'] as const) await renderDocument(factsForCase(type, i), key);
  };
  for (let i = 0; i < 20; i += 1) await forCase(-1 - i);
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i += 1) await forCase(i);
  return { docs: cpuSince(cpu0) / n, emptyPair };
}

/** Seed `stored` closed historical cases and `drafts` ready-to-submit drafts (materials on disk). */
async function seed(dataDir: string, target: SqlTarget, stored: number, drafts: number): Promise<string[]> {
  // the keyring the gateways started below find beside dataDir (PII_KEYS_FILE points there)
  const { store } = await openStore({ target, keyring: await keyringBeside(dataDir) });
  const CLOSED = ['completed', 'delivered', 'rejected'] as const;
  await pool(Array.from({ length: stored }, (_, i) => i + 1), 32, async (n) => {
    const c = benchCase(n);
    c.status = CLOSED[n % CLOSED.length]!;
    for (const j of c.handoffs) { j.status = 'delivered'; j.deliveredAt ??= c.updatedAt; }
    await store.createCase(c, benchEvents(n));
  });
  const ids: string[] = [];
  const now = new Date().toISOString();
  await pool(Array.from({ length: drafts }, (_, i) => i), 32, async (i) => {
    const partner = REGIONS[i % REGIONS.length]!;
    const item = OFFERED_ITEMS.find((it) => it.partner === partner)!;
    const id = randomUUID();
    const materials = item.materials.filter((m) => m.required).map((m) => ({
      id: randomUUID(), code: m.code, name: m.name, fileName: `${m.code}.pdf`, mediaType: 'application/pdf' as const,
      size: TINY_PDF.length, sha256: sha256(TINY_PDF), pages: 1, addedAt: now, addedBy: 'zhuji01',
    }));
    for (const m of materials) await store.putBlob(id, m.id, TINY_PDF);
    const record: CaseRecord = {
      id, caseNo: `330681-20261122-B${String(i).padStart(7, '0')}`, direction: 'outbound', itemCode: item.itemCode,
      implementationCode: item.implementationCode, itemName: item.name, kind: item.kind, handlingForm: '1',
      acceptRegion: '330681', handlingRegion: partner, partner, status: 'draft',
      applicant: item.applicantKinds.includes('person')
        ? { kind: 'person', name: '张三', idType: '111', idNumber: '330681199003071233', phone: '13812345678', address: '浙江省诸暨市暨阳街道艮塔西路1号' }
        : { kind: 'organization', name: '诸暨市暨阳五金有限公司', idType: '990', idNumber: COMPANY_CREDIT_CODE, phone: '13812345678', agentName: '张三' },
      materials, promisedDays: item.promisedDays, delivery: { byPost: true, address: '浙江省诸暨市暨阳街道艮塔西路1号' },
      handoffs: [], createdAt: now, createdBy: 'zhuji01', updatedAt: now, version: 1,
    };
    await store.createCase(record, [{ at: now, actor: 'clerk:zhuji01', type: 'case.created', data: { itemCode: item.itemCode } }]);
    ids.push(id);
  });
  await store.close();
  return ids;
}

/** handoffs the partners acknowledged, counted by every instance in `bases` */
async function delivered(bases: string | string[]): Promise<number> {
  let n = 0;
  for (const base of [bases].flat()) {
    const text = (await call(base, 'GET', '/metrics')).body as string;
    n += [...text.matchAll(/^kytb_handoff_attempts_total\{[^}]*outcome="delivered"[^}]*\} (\d+)/gm)].reduce((k, m) => k + Number(m[1]), 0);
  }
  return n;
}

/** CPU time (user + system) a process has used, in ms, from /proc (clock ticks of 10 ms). */
const cpuMs = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const rssMb = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
  return m ? Number(m[1]) / 1024 : NaN;
};

interface LowRate { rate: number; p50: number; p99: number }
interface Figures { instances: number; size: number; perSec: number; tripsPerHandoff: number; gwCpu: number; restCpu: number; low: LowRate[]; p50: number; p99: number; submitP50: number; rss: number; hwm: number; startMs: number }

let cluster: PgCluster | undefined;
/** a database of its own for one measurement */
async function databaseFor(label: string): Promise<string> {
  if (process.env.DATABASE_URL) return freshDatabase(process.env.DATABASE_URL, label);
  cluster ??= await startPgCluster();
  return freshDatabase(cluster.url, label);
}

async function measure(size: number, instances: number): Promise<Figures> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `kytb-bench-${size}-`));
  const url = ENGINE === 'postgres' ? await databaseFor(`bench_${size}_${instances}`) : undefined;
  const target: SqlTarget = url ? { engine: 'postgres', url, poolSize: 32 } : { engine: 'sqlite', file: path.join(dataDir, 'gateway.sqlite'), fsync: false };
  const ids = await seed(dataDir, target, size, BURST + PACED + LOW_RATES.reduce((n, r) => n + lowCount(r), 0));
  const ports = await Promise.all(Array.from({ length: instances }, () => freePort()));
  const bases = ports.map((p) => `http://127.0.0.1:${p}`);
  const base = bases[0]!;
  // the partners call back the first instance
  const sims = await startSimulators(base);
  const gws: GatewayProcess[] = [];
  // what instances share besides the database: the keyring (made by the seeding above) and the signing key
  const shared: Record<string, string> = {};
  if (url) {
    const signingKeyFile = path.join(dataDir, 'receipt-signing-key.pem');
    await writeFile(signingKeyFile, generateSigningKey().privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    Object.assign(shared, { STORE: 'postgres', DATABASE_URL: url, PII_KEYS_FILE: defaultPiiKeysFile(dataDir), RECEIPT_SIGNING_KEY_FILE: signingKeyFile });
  }
  try {
    const t0 = performance.now();
    for (let i = 0; i < instances; i += 1) {
      gws.push(await spawnGateway(gatewayEnv(ports[i]!, i === 0 ? dataDir : path.join(dataDir, `instance-${i + 1}`), sims, {
        LOG_LEVEL: 'warn', HANDOFF_CONCURRENCY: String(IN_FLIGHT), POLL_INTERVAL_MS: '3600000', HANDOFF_TIMEOUT_MS: '10000', NODE_ENV: 'development',
        // as the Docker image and `npm run gateway` run it: two glibc malloc arenas instead of 8 per core
        // (the document buffers otherwise leave ~60 MB of fragmented arenas in the resident set)
        MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
        ...shared, INSTANCE_ID: `bench-${i + 1}`,
      }), bases[i]!, { built: process.env.BENCH_SOURCE !== '1' }));
    }
    const gw = gws[0]!;
    const startMs = performance.now() - t0;
    const tokens = await Promise.all(bases.map((b) => login(b)));
    const token = tokens[0]!;
    let turn = 0;
    const submit = async (id: string) => {
      const k = turn++ % bases.length;
      const r = await call(bases[k]!, 'POST', `/api/cases/${id}/submit`, { token: tokens[k] });
      if (r.status !== 202) throw new Error(`submit ${id}: ${r.status} ${JSON.stringify(r.body)}`);
    };
    // Warm-up (JIT, partner tokens, connections): 60 handoffs, not counted.
    const warm = ids.splice(0, 60);
    await pool(warm, 16, submit);
    while ((await delivered(bases)) < warm.length) await sleep(20);

    // 1. Throughput: BURST submits as fast as the client can, until the partners acknowledged all.
    const burst = ids.splice(0, BURST - warm.length);
    const before = await delivered(bases);
    const requests0 = partnerRequests;
    const submitLat: number[] = [];
    const gwCpuAll = () => gws.reduce((n, g) => n + cpuMs(g.child.pid!), 0);
    const gwCpu0 = gwCpuAll();
    const restCpu0 = process.cpuUsage();
    const tb = performance.now();
    await pool(burst, IN_FLIGHT, async (id) => { const t = performance.now(); await submit(id); submitLat.push(performance.now() - t); });
    while ((await delivered(bases)) - before < burst.length) await sleep(50);
    const perSec = burst.length / ((performance.now() - tb) / 1000);
    // partner round trips plus the submit itself
    const tripsPerHandoff = (partnerRequests - requests0) / burst.length + 1;
    const gwCpu = (gwCpuAll() - gwCpu0) / burst.length;
    const rest = process.cpuUsage(restCpu0);
    const restCpu = (rest.user + rest.system) / 1000 / burst.length;

    // 2. Latency, open loop, submit → partner acknowledged (deliveredAt, same clock): at lower steady
    // rates first, then at 100 handoffs/s.
    const pacedLatency = async (batch: string[], rate: number): Promise<number[]> => {
      const started = new Map<string, number>();
      const tp = Date.now();
      await Promise.all(batch.map(async (id, i) => {
        await sleep(tp + (i * 1000) / rate - Date.now());
        started.set(id, Date.now());
        await submit(id);
      }));
      const lat: number[] = [];
      for (const id of batch) {
        const c = await (async () => {
          for (;;) {
            const v = (await call(base, 'GET', `/api/cases/${id}`, { token })).body;
            if (v.handoffs[0]?.deliveredAt) return v;
            await sleep(20);
          }
        })();
        lat.push(Date.parse(c.handoffs[0].deliveredAt) - started.get(id)!);
      }
      return lat;
    };
    const low: LowRate[] = [];
    for (const rate of LOW_RATES) {
      const lat = await pacedLatency(ids.splice(0, lowCount(rate)), rate);
      low.push({ rate, p50: pct(lat, 50), p99: pct(lat, 99) });
    }
    const lat = await pacedLatency(ids.splice(0, PACED), PACED_RATE);
    const pid = gw.child.pid!;
    if (process.env.BENCH_HEAP) {
      const m = (await call(base, 'GET', '/metrics')).body as string;
      console.log(m.split('\n').filter((l) => /^kytb_nodejs_(heap_size|external|eventloop_lag|gc_duration_seconds_sum|gc_duration_seconds_count)/.test(l)).join('\n'));
      if (process.env.BENCH_HEAP === 'snapshot') { process.kill(gw.child.pid!, 'SIGUSR2'); await sleep(15_000); }
    }
    return { instances, size, perSec, tripsPerHandoff, gwCpu, restCpu, low, p50: pct(lat, 50), p99: pct(lat, 99), submitP50: pct(submitLat, 50), rss: rssMb(pid, 'VmRSS'), hwm: rssMb(pid, 'VmHWM'), startMs };
  } finally {
    for (const g of gws) g.child.kill('SIGTERM');
    await Promise.all(gws.map((g) => g.exited));
    await sims.close();
    await removeDataDir(dataDir);
  }
}

const f1 = (n: number) => n.toFixed(1);
console.log(`handoff bench · ${os.cpus().length} cores · node ${process.version} · store ${ENGINE}${ENGINE === 'postgres' ? ` (${INSTANCES.join(' then ')} instances)` : ''} · burst ${BURST}, paced ${PACED} at ${PACED_RATE}/s`);
const base = await baseline();
console.log(`baseline: bare HTTP round trip on loopback   p50 ${base.p50.toFixed(3)} ms   p99 ${base.p99.toFixed(3)} ms   ${base.perSec.toFixed(0)} req/s (${IN_FLIGHT} in flight)   CPU ${base.cpuPerTrip.toFixed(2)} ms per round trip (both ends)`);
const { docs: docsCpu, emptyPair } = await documentsPerCase();
console.log(`baseline: the two signed documents of one case (受理回执 + 材料流转单, the gateway's renderer, warm)   CPU ${docsCpu.toFixed(1)} ms per case; two empty pdf-lib documents ${emptyPair.toFixed(1)} ms`);
const rows: Figures[] = [];
try {
  for (const instances of INSTANCES) {
    for (const size of SIZES) {
      const f = await measure(size, instances);
      rows.push(f);
      console.log(
        `${ENGINE === 'postgres' ? `postgres, ${instances} instance${instances > 1 ? 's' : ''}, ` : ''}stored ${String(size).padStart(6)}: ${f.perSec.toFixed(0).padStart(5)} handoffs/s (${(f.perSec / base.perSec * 100).toFixed(1)}% of bare HTTP req/s)` +
        f.low.map((l) => ` · at ${l.rate}/s submit→ack p50 ${f1(l.p50)} ms p99 ${f1(l.p99)} ms`).join('') +
        ` · at ${PACED_RATE}/s submit→ack p50 ${f1(f.p50)} ms p99 ${f1(f.p99)} ms (p50 = ${(f.p50 / base.p50).toFixed(0)}× bare RTT)` +
        ` · CPU per handoff: gateway${instances > 1 ? 's' : ''} ${f1(f.gwCpu)} ms, partners + load generator ${f1(f.restCpu)} ms` +
        ` · ${f1(f.tripsPerHandoff)} HTTP round trips per handoff (bare HTTP alone would cap at ${(base.perSec / f.tripsPerHandoff).toFixed(0)} handoffs/s)` +
        ` · submit p50 ${f1(f.submitP50)} ms · ${instances > 1 ? 'first ' : ''}gateway RSS ${f.rss.toFixed(0)} MB (peak ${f.hwm.toFixed(0)} MB) · start ${f1(f.startMs / 1000)} s`,
      );
    }
  }
} finally {
  cluster?.stop();
}
const small = rows[0]!;
// The floor: what any handoff costs on this machine before the gateway does anything of its own (no
// store, audit, mapping, contract checks or partner logic): its documents and its bare round trips.
const cores = os.cpus().length;
const tripsMs = small.tripsPerHandoff * base.cpuPerTrip;
const floor = (what: string, docsMs: number) => console.log(
  `floor per handoff, ${what}: documents ${f1(docsMs)} ms + ${f1(small.tripsPerHandoff)} bare round trips × ${base.cpuPerTrip.toFixed(2)} ms = ${f1(docsMs + tripsMs)} ms CPU` +
  ` → at most ${(cores * 1000 / (docsMs + tripsMs)).toFixed(0)} handoffs/s on ${cores} cores with zero other work;` +
  ` at ${PACED_RATE}/s it alone keeps ${(PACED_RATE * (docsMs + tripsMs) / (cores * 10)).toFixed(0)} % of the machine busy`,
);
floor('today\'s documents', docsCpu);
floor('were both documents as cheap as an empty pdf-lib one', emptyPair);
for (const instances of INSTANCES) {
  const group = rows.filter((r) => r.instances === instances);
  const [lo, hi] = [group[0]!, group[group.length - 1]!];
  const checks: Array<[string, boolean, string]> = [
    ['≥ 500 handoffs/s sustained', Math.min(lo.perSec, hi.perSec) >= 500, `${lo.perSec.toFixed(0)} / ${hi.perSec.toFixed(0)}`],
    ['p99 < 100 ms at 100 handoffs/s', Math.max(lo.p99, hi.p99) < 100, `${f1(lo.p99)} / ${f1(hi.p99)} ms`],
    ['throughput at 50k within 20 % of 1k', hi.perSec >= 0.8 * lo.perSec, `ratio ${(hi.perSec / lo.perSec).toFixed(2)}`],
    ['gateway RSS < 400 MB at 50k', hi.rss < 400, `${hi.rss.toFixed(0)} MB`],
  ];
  const label = ENGINE === 'postgres' ? ` (postgres, ${instances} instance${instances > 1 ? 's' : ''})` : '';
  for (const [what, ok, fig] of checks) console.log(`${ok ? 'MET   ' : 'NOT MET'} ${what}${label}: ${fig}`);
}
