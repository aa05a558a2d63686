// Abuse bench (npm run bench:abuse): what unauthenticated abuse costs the clerks. A clerk's
// GET /api/cases latency (p50/p99, ABUSE_CLERKS concurrent clerks, each asking every
// ABUSE_CLERK_INTERVAL_MS, a steady stream for BENCH_SECONDS) and the gateway's resident memory (VmRSS sampled from /proc, the peak reported), first
// alone, then in the same run while ABUSE_CONNECTIONS connections send a bounded abusive load: 50 MB
// bodies (declared and chunked), 10,000-level and 600,000-key JSON to /api/auth/login, /api/rw/join,
// /api/inbound/cases, both partner callbacks and /api/receipts/verify.
//
// Three processes: the gateway (the built dist/, a child), the abuse generator (tests/bench/abuseLoad.ts,
// another child, so that neither its memory nor its event loop is counted), and this one (simulated
// partners and the clerks). Targets: p99 under abuse ≤ 2× p99 alone; RSS under abuse ≤ 100 MB above alone.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnGateway, type GatewayProcess } from '../support/child.js';
import { call, login } from '../support/client.js';
import { applicantFor, firstItem } from '../support/flows.js';
import { freePort, gatewayEnv, startSimulators } from '../support/world.js';
import { PARTNER_REGIONS } from '../support/registry.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 25);
const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 5);
const CLERKS = Number(process.env.ABUSE_CLERKS ?? 20);
/** each clerk's pace: 20 clerks every 100 ms is 200 requests a second */
const INTERVAL_MS = Number(process.env.ABUSE_CLERK_INTERVAL_MS ?? 100);
const CONNECTIONS = Number(process.env.ABUSE_CONNECTIONS ?? 32);
const CASES = Number(process.env.BENCH_CASES ?? 300);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** NaN once the process is gone (the bench still reports what it measured) */
const rssMb = (pid: number): number => {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
};

/** CPU seconds (user + system) a process has used, from /proc (clock ticks of 10 ms); NaN once it is gone */
const cpuS = (pid: number): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
};

interface Phase { p50: number; p99: number; requests: number; failures: Record<string, number>; rssPeak: number; gatewayCpuS: number; loopP99: number; loopMax: number }

/** the gateway's event-loop delay since the last scrape (prom-client resets it on each), in ms */
async function loopDelay(base: URL): Promise<{ p99: number; max: number }> {
  const text = await (await fetch(new URL('/metrics', base))).text();
  const get = (name: string) => Number(new RegExp(`^kytb_nodejs_eventloop_lag_${name}_seconds (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN) * 1000;
  return { p99: get('p99'), max: get('max') };
}

/** CLERKS clerks asking GET /api/cases for `seconds`; the gateway's RSS sampled every 100 ms, its CPU time taken */
async function clerks(base: URL, tokens: string[], pid: number, seconds: number): Promise<Phase> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLERKS });
  const lat: number[] = [];
  const failures: Record<string, number> = {};
  let rssPeak = rssMb(pid) || 0;
  const cpu0 = cpuS(pid);
  await loopDelay(base);
  const sampler = setInterval(() => { rssPeak = Math.max(rssPeak, rssMb(pid) || 0); }, 100);
  const end = Date.now() + seconds * 1000;
  const one = (token: string) => new Promise<number>((resolve) => {
    const req = http.get({ host: base.hostname, port: base.port, path: '/api/cases?limit=20', agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.setTimeout(30_000, () => req.destroy());
  });
  // a steady stream: each clerk asks every INTERVAL_MS (staggered), the next one never before the last is answered
  await Promise.all(Array.from({ length: CLERKS }, async (_, i) => {
    let next = Date.now() + (i * INTERVAL_MS) / CLERKS;
    while (next < end) {
      await sleep(next - Date.now());
      next = Math.max(next + INTERVAL_MS, Date.now());
      const t = performance.now();
      const status = await one(tokens[i % tokens.length]!);
      if (status === 200) lat.push(performance.now() - t);
      else failures[status || 'no answer'] = (failures[status || 'no answer'] ?? 0) + 1;
    }
  }));
  clearInterval(sampler);
  agent.destroy();
  const loop = await loopDelay(base);
  return { p50: pct(lat, 50), p99: pct(lat, 99), requests: lat.length, failures, rssPeak: Math.max(rssPeak, rssMb(pid) || 0), gatewayCpuS: cpuS(pid) - cpu0, loopP99: loop.p99, loopMax: loop.max };
}

function startAbuse(base: URL): { child: ChildProcess; ready: Promise<void>; stop(): Promise<Record<string, unknown>> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/bench/abuseLoad.ts')], {
    cwd: root, env: { ...process.env, ABUSE_URL: base.origin, ABUSE_CONNECTIONS: String(CONNECTIONS) }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    child,
    ready: new Promise((r) => child.once('message', () => r())),
    async stop() {
      const cpu = cpuS(child.pid!);
      child.kill('SIGTERM');
      await exited;
      try { return { ...(JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, unknown>), cpuS: cpu }; } catch { return { output: out.slice(0, 500), cpuS: cpu }; }
    },
  };
}

/** drafts for the clerks' list to show (through the front door) */
async function seedCases(url: string, token: string): Promise<void> {
  const items = await Promise.all(PARTNER_REGIONS.map((p) => firstItem(url, token, p)));
  for (let i = 0; i < CASES; i += 1) {
    const item = items[i % items.length]!;
    const r = await call(url, 'POST', '/api/cases', { token, json: { itemCode: item.itemCode, partner: item.partner, applicant: applicantFor(item), delivery: { byPost: true, address: '浙江省诸暨市暨阳街道艮塔西路1号' } } });
    if (r.status !== 201) throw new Error(`seeding: createCase ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  }
}

const f1 = (n: number) => n.toFixed(1);
const work = await mkdtemp(path.join(os.tmpdir(), 'kytb-abuse-'));
const dataDir = path.join(work, 'data');
await mkdir(dataDir);
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const base = new URL(url);
const sims = await startSimulators(url);
let gw: GatewayProcess | undefined;
try {
  console.log(`abuse bench · ${os.cpus().length} cores · node ${process.version} · ${CLERKS} clerks each every ${INTERVAL_MS} ms (${Math.round((CLERKS * 1000) / INTERVAL_MS)}/s), ${SECONDS} s per phase · ${CONNECTIONS} abusive connections`);
  const env = gatewayEnv(port, dataDir, sims, {
    NODE_ENV: 'development', LOG_LEVEL: 'warn', RW_ENABLED: 'true', RW_WORKERS: '1', MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
  });
  // the slow-down of refused addresses as deployed (the test worlds turn it off), unless REFUSAL_SLOWDOWN_AFTER=0
  // etc. are given, to see what it is worth
  delete env.REFUSAL_SLOWDOWN_AFTER;
  for (const [k, v] of Object.entries(process.env)) if (k.startsWith('REFUSAL_SLOWDOWN_') && v !== undefined) env[k] = v;
  gw = await spawnGateway(env, url, { built: process.env.BENCH_SOURCE !== '1' });
  const pid = gw.child.pid!;
  const tokens = [await login(url), await login(url, 'zhuji02', 'Zhuji@2026'), await login(url, 'ops01', 'Ops@2026')];
  await seedCases(url, tokens[0]!);
  await clerks(base, tokens, pid, WARM_SECONDS);

  const alone = await clerks(base, tokens, pid, SECONDS);
  const line = (what: string, p: Phase) => console.log(`${what} GET /api/cases p50 ${f1(p.p50)} ms  p99 ${f1(p.p99)} ms  (${p.requests} answered 200, others ${JSON.stringify(p.failures)})  gateway RSS peak ${f1(p.rssPeak)} MB, CPU ${f1(p.gatewayCpuS)} s of ${SECONDS} s, event-loop delay p99 ${f1(p.loopP99)} max ${f1(p.loopMax)} ms`);
  line('alone:      ', alone);

  const abuse = startAbuse(base);
  await abuse.ready;
  const under = await clerks(base, tokens, pid, SECONDS);
  const sent = await abuse.stop();
  line('under abuse:', under);
  console.log(`abuse sent:  ${JSON.stringify(sent)} (cpuS: the generator's own CPU seconds, on the same ${os.cpus().length} cores)`);
  await sleep(500);
  const health = await call(url, 'GET', '/healthz').then((r) => r.status, () => 0);
  console.log(`after:       /healthz ${health}, gateway RSS ${f1(rssMb(pid))} MB`);

  const ratio = under.p99 / alone.p99;
  const delta = under.rssPeak - alone.rssPeak;
  console.log(`${ratio <= 2 ? 'MET    ' : 'NOT MET'} p99 under abuse ≤ 2× p99 alone: ${f1(under.p99)} / ${f1(alone.p99)} ms = ${ratio.toFixed(2)}×`);
  console.log(`${delta <= 100 ? 'MET    ' : 'NOT MET'} RSS under abuse ≤ 100 MB above alone: ${f1(under.rssPeak)} − ${f1(alone.rssPeak)} MB = ${f1(delta)} MB`);
  console.log(`abuse-bench: p99_ratio=${ratio.toFixed(2)} rss_delta_mb=${delta.toFixed(1)}`);
} finally {
  gw?.child.kill('SIGTERM');
  await gw?.exited;
  await sims.close();
  await rm(work, { recursive: true, force: true });
}
