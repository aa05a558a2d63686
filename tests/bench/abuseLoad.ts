// The abusive load of the abuse bench, run as its own process (tsx tests/bench/abuseLoad.ts) so that
// its memory and its event loop are not the bench's or the gateway's: ABUSE_CONNECTIONS connections,
// each with one unauthenticated request in flight at a time, round robin over the public entry points
// and over four kinds of body - 50 MB declared by Content-Length, 50 MB chunked (no length given),
// 10,000 levels deep, 600,000 keys wide. Bodies are streamed from a few shared buffers, so the load
// itself stays small. It runs until SIGTERM, then prints one JSON line: what it sent, what it got.
import http from 'node:http';

const base = new URL(process.env.ABUSE_URL ?? 'http://127.0.0.1:8080');
const CONNECTIONS = Number(process.env.ABUSE_CONNECTIONS ?? 32);
const HUGE = Number(process.env.ABUSE_HUGE_BYTES ?? 50 * 1024 * 1024);
const WIDE_KEYS = Number(process.env.ABUSE_WIDE_KEYS ?? 600_000);
const DEPTH = Number(process.env.ABUSE_DEPTH ?? 10_000);

const ALL_TARGETS: Array<{ path: string; type: string }> = [
  { path: '/api/auth/login', type: 'application/json' },
  { path: '/api/rw/join', type: 'application/json' },
  { path: '/api/inbound/cases', type: 'application/json' },
  { path: '/api/inbound/partners/310104/callback', type: 'application/json' },
  { path: '/api/inbound/partners/640000/callback', type: 'application/json' },
  { path: '/api/receipts/verify', type: 'application/pdf' },
];
/** ABUSE_TARGETS (comma-separated paths) narrows the load to some entry points */
const TARGETS = process.env.ABUSE_TARGETS ? ALL_TARGETS.filter((t) => process.env.ABUSE_TARGETS!.split(',').includes(t.path)) : ALL_TARGETS;

const CHUNK = Buffer.alloc(64 * 1024, 0x61);
const DEEP = Buffer.from(`{"head":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)},"body":${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}`);
const WIDE = Buffer.from(`{${Array.from({ length: WIDE_KEYS }, (_, i) => `"k${i}":${i}`).join(',')}}`);
type Kind = 'huge-declared' | 'huge-chunked' | 'deep' | 'wide';
/** ABUSE_KINDS (comma-separated) narrows the load to some kinds, to see what each one costs */
const KINDS: Kind[] = (process.env.ABUSE_KINDS?.split(',') as Kind[] | undefined) ?? ['huge-declared', 'huge-chunked', 'deep', 'wide'];

const counts = { sent: 0, answered: 0, noAnswer: 0, bytesWritten: 0, byStatus: {} as Record<string, number>, byKind: {} as Record<string, number> };
let stopping = false;

function once(slot: number, n: number, agent: http.Agent): Promise<void> {
  const target = TARGETS[(slot + n) % TARGETS.length]!;
  const kind = KINDS[Math.floor((slot + n) / TARGETS.length) % KINDS.length]!;
  const fixed = kind === 'deep' ? DEEP : kind === 'wide' ? WIDE : undefined;
  const length = fixed ? fixed.length : HUGE;
  return new Promise((resolve) => {
    let settled = false;
    const done = (status?: number) => {
      if (settled) return;
      settled = true;
      if (status) { counts.answered += 1; counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1; } else counts.noAnswer += 1;
      resolve();
    };
    const headers: Record<string, string> = { 'content-type': target.type };
    if (kind !== 'huge-chunked') headers['content-length'] = String(length);
    const req = http.request({ host: base.hostname, port: base.port, method: 'POST', path: target.path, agent, headers });
    counts.sent += 1;
    counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
    let answered = false;
    req.on('response', (res) => { answered = true; res.resume(); res.on('end', () => done(res.statusCode)); res.on('error', () => done(res.statusCode)); });
    req.on('error', () => setTimeout(() => done(), 0));
    req.setTimeout(60_000, () => req.destroy());
    if (fixed) { counts.bytesWritten += fixed.length; req.end(fixed); return; }
    // stream the 50 MB, with back-pressure, until it is all written or the gateway has answered
    let written = 0;
    const pump = (): void => {
      while (written < length && !answered && !req.destroyed) {
        const chunk = length - written >= CHUNK.length ? CHUNK : CHUNK.subarray(0, length - written);
        written += chunk.length;
        counts.bytesWritten += chunk.length;
        if (!req.write(chunk)) { req.once('drain', pump); return; }
      }
      if (written >= length || answered) req.end();
    };
    pump();
  });
}

async function connection(slot: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let n = 0; !stopping; n += 1) await once(slot, n, agent);
  agent.destroy();
}

process.on('SIGTERM', () => { stopping = true; });
const loops = Array.from({ length: CONNECTIONS }, (_, i) => connection(i));
process.send?.('ready');
console.error(`abuse: ${CONNECTIONS} connections against ${base.origin}`);
await Promise.race([Promise.all(loops), new Promise((r) => process.once('SIGTERM', r))]);
// requests in flight are abandoned: the figures are of what was sent until the signal
console.log(JSON.stringify(counts));
process.exit(0);
