// Raw requests to the gateway on loopback: node:http for anything its client lets through (headers are
// latin1 strings, so invalid UTF-8 bytes can be sent as they are), a bare socket for what it refuses to
// write (NUL or CR in a header, a space in the path, broken framing). Nothing is retried or repaired.
import http, { type IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import fc from 'fast-check';

export interface FuzzRequest {
  /** the contract's operationId, or what the request is aimed at */
  op: string;
  /** what was done to it, for the report */
  how: string;
  method: string;
  /** path and query as sent (latin1: each char is one byte) */
  path: string;
  headers: Record<string, string>;
  /** made when sent, so that huge bodies are not kept by fast-check */
  body?: Buffer | (() => Buffer);
  /** the whole request as bytes, written on a bare socket (path, headers and body are then ignored) */
  raw?: () => Buffer;
  /** set just before sending: signatures, timestamps, nonces */
  sign?: (r: Ready) => Ready;
  /** what this request's answer must be beyond what every answer must be (see answers.ts), given what was sent */
  expect?: (a: Answer, sent: Ready) => string | undefined;
}

export interface Ready { method: string; path: string; headers: Record<string, string>; body: Buffer }

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** no answer: the connection was reset or closed, or nothing came in time */
  error?: string;
}

const TIMEOUT_MS = 30_000;
/** enough for any problem the gateway writes (a validation error lists its fields) */
const KEEP = 16 * 1024 * 1024;

export const bodyOf = (r: FuzzRequest): Buffer => (typeof r.body === 'function' ? r.body() : r.body ?? Buffer.alloc(0));

/** a request as fast-check prints it in a counterexample: short, never the whole body */
export function describeRequest(r: FuzzRequest): string {
  const len = r.raw ? 'raw' : typeof r.body === 'function' ? 'lazy' : `${r.body?.length ?? 0} B`;
  // a bearer token is long and says nothing: its subject is enough
  const headers = JSON.stringify(r.headers, (k, v) => (k === 'authorization' && typeof v === 'string' ? v.replace(/^(Bearer )(ey[\w-]+)\.(ey[\w-]+)\.([\w-]*)$/, (_m, b, _h, p) => `${b}<token of ${tokenSubject(p)}>`) : v));
  return `${r.op} [${r.how}] ${r.method} ${r.path.slice(0, 160)}${r.path.length > 160 ? `…(${r.path.length})` : ''} ${headers.slice(0, 300)} body ${len}`;
}

function tokenSubject(payload: string): string {
  try { return String(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).sub); } catch { return '?'; }
}

export function request(r: Omit<FuzzRequest, typeof fc.toStringMethod>): FuzzRequest {
  return Object.assign(r, { [fc.toStringMethod]: () => describeRequest(r) });
}

export function prepare(r: FuzzRequest): Ready {
  const ready: Ready = { method: r.method, path: r.path, headers: { ...r.headers }, body: bodyOf(r) };
  return r.sign ? r.sign(ready) : ready;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** send `r`; the answer, and what was sent (signed, encoded) for the checks that depend on it */
export async function send(base: URL, r: FuzzRequest): Promise<{ answer: Answer; sent: Ready }> {
  if (r.raw) {
    const bytes = r.raw();
    return { answer: await sendRaw(base, bytes), sent: { method: r.method, path: r.path, headers: r.headers, body: bytes } };
  }
  const ready = prepare(r);
  return { answer: await sendPrepared(base, r, ready), sent: ready };
}

function sendPrepared(base: URL, r: FuzzRequest, ready: Ready): Promise<Answer> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (a: Answer) => { if (!done) { done = true; resolve(a); } };
    let req: http.ClientRequest;
    try {
      req = http.request({
        host: base.hostname, port: base.port, method: ready.method, path: ready.path, agent,
        headers: { ...ready.headers, 'content-length': String(ready.body.length) }, setHost: true,
      });
    } catch (e) {
      // our own client refused to write it: a bug of the test, not of the gateway
      throw new Error(`node:http cannot send ${describeRequest(r)}: ${(e as Error).message}`, { cause: e });
    }
    req.setTimeout(TIMEOUT_MS, () => { req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)); });
    req.on('response', (res) => {
      // a stream (streamCaseEvents) does not end: its status and headers are the answer
      if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
        finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.alloc(0) });
        req.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on('data', (d: Buffer) => { if (kept < KEEP) { chunks.push(d); kept += d.length; } });
      res.on('end', () => finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', (e) => finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), error: `answer cut: ${e.message}` }));
    });
    // Writing may fail once the gateway has answered and closed (e.g. 413 before the whole body): the
    // answer counts; only a request that gets none is a failure.
    req.on('error', (e) => setTimeout(() => finish({ status: 0, headers: {}, body: Buffer.alloc(0), error: `${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}` }), 50));
    req.end(ready.body);
  });
}

/** one request on its own socket (Connection: close is the caller's), the answer parsed by hand */
export function sendRaw(base: URL, bytes: Buffer): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(base.port), base.hostname);
    const chunks: Buffer[] = [];
    let resolved = false;
    const finish = (error?: string) => {
      if (resolved) return;
      resolved = true;
      socket.destroy();
      const all = Buffer.concat(chunks);
      const parsed = parseAnswer(all);
      resolve(parsed ?? { status: 0, headers: {}, body: all, error: error ?? `no HTTP answer (${all.length} bytes)` });
    };
    socket.setTimeout(TIMEOUT_MS, () => finish(`no answer within ${TIMEOUT_MS} ms`));
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      const all = Buffer.concat(chunks);
      const head = all.indexOf('\r\n\r\n');
      // a stream (streamCaseEvents) does not end: its status and headers are the answer
      if (head >= 0 && /^content-type:\s*text\/event-stream/im.test(all.subarray(0, head).toString('latin1'))) finish();
      else if (parseAnswer(all, true)) finish();
    });
    socket.on('end', () => finish());
    socket.on('error', (e) => finish(`${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}`));
    socket.write(bytes);
  });
}

/** status, headers and body of the first answer in `all`; with `complete`, only once it has all of its body */
export function parseAnswer(all: Buffer, complete = false): Answer | undefined {
  const end = all.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = all.subarray(0, end).toString('latin1').split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '');
  if (!m) return undefined;
  const headers: IncomingHttpHeaders = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  let body = all.subarray(end + 4);
  if (headers['transfer-encoding'] === 'chunked') {
    const out: Buffer[] = [];
    let at = 0;
    for (;;) {
      const nl = body.indexOf('\r\n', at);
      if (nl < 0) { if (complete) return undefined; break; }
      const size = parseInt(body.subarray(at, nl).toString('latin1'), 16);
      if (!Number.isFinite(size)) break;
      if (size === 0) break;
      if (complete && body.length < nl + 2 + size) return undefined;
      out.push(body.subarray(nl + 2, nl + 2 + size));
      at = nl + 2 + size + 2;
    }
    body = Buffer.concat(out);
  } else if (headers['content-length'] !== undefined) {
    const n = Number(headers['content-length']);
    if (complete && body.length < n) return undefined;
    body = body.subarray(0, n);
  } else if (complete) return undefined;
  return { status: Number(m[1]), headers, body };
}

/** `items` through `fn`, at most `width` at a time, results in order */
export async function pooled<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) { const i = next++; out[i] = await fn(items[i] as T); }
  }));
  return out;
}
