// Requests that node:http will not write: NUL, CR or a line fold in a header, two Content-Lengths,
// Content-Length with chunked, bad chunk sizes, a raw space or NUL in the path, a 20 KB header. Written
// on a bare socket; whatever the HTTP parser makes of them, the answer must still be one the contract
// allows.
import fc from 'fast-check';
import type { Fixtures } from './fuzzWorld.js';
import { prepare, request, type Ready } from './http.js';
import { toRequest, validBuilt } from './requests.js';
import type { Family } from './families.js';

const KINDS = ['nul-in-header', 'cr-in-header', 'obs-fold', 'cl-and-te', 'two-cl', 'bad-chunk', 'chunked-ok', 'http10', 'absolute-form', 'space-in-path', 'nul-in-path', 'utf8-in-path', 'bad-header-name', 'huge-header', 'lf-only', 'utf8-header-value', 'pipelined'] as const;

function compose(r: Ready, kind: (typeof KINDS)[number], fx: Fixtures): Buffer {
  const host = `127.0.0.1:${fx.base.port}`;
  let target = r.path;
  let version = 'HTTP/1.1';
  if (kind === 'absolute-form') target = `http://${host}${r.path}`;
  if (kind === 'space-in-path') target = r.path.replace(/\/([^/]*)$/, '/a b$1');
  if (kind === 'utf8-in-path') target = r.path.replace(/\/([^/]*)$/, `/${Buffer.from('长长长', 'utf8').toString('latin1')}$1`);
  if (kind === 'nul-in-path') target = r.path.replace(/\/([^/]*)$/, '/a\u0000$1');
  if (kind === 'http10') version = 'HTTP/1.0';
  const lines = [`${r.method} ${target} ${version}`];
  if (kind !== 'http10') lines.push(`Host: ${host}`);
  lines.push('Connection: close');
  for (const [k, v] of Object.entries(r.headers)) lines.push(`${k}: ${v}`);
  const chunked = (b: Buffer) => (b.length === 0 ? Buffer.from('0\r\n\r\n') : Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n0\r\n\r\n')]));
  let body = r.body;
  switch (kind) {
    case 'nul-in-header': lines.push('X-Fuzz: a\u0000b'); break;
    case 'cr-in-header': lines.push('X-Fuzz: a\rb'); break;
    case 'obs-fold': lines.push('X-Fuzz: a', ' folded'); break;
    case 'cl-and-te': lines.push(`Content-Length: ${r.body.length}`, 'Transfer-Encoding: chunked'); body = chunked(r.body); break;
    case 'two-cl': lines.push(`Content-Length: ${r.body.length}`, `Content-Length: ${r.body.length + 1}`); break;
    case 'bad-chunk': lines.push('Transfer-Encoding: chunked'); body = Buffer.from('zz\r\nabc\r\n0\r\n\r\n'); break;
    case 'chunked-ok': lines.push('Transfer-Encoding: chunked'); body = chunked(r.body); break;
    case 'bad-header-name': lines.push('Bad Header: x'); break;
    case 'huge-header': lines.push(`X-Fuzz: ${'x'.repeat(20_000)}`); break;
    case 'utf8-header-value': lines.push(`X-Fuzz: ${Buffer.from('长\ud800', 'utf8').toString('latin1')}`); break;
    default: break;
  }
  if (!['cl-and-te', 'two-cl', 'bad-chunk', 'chunked-ok'].includes(kind)) lines.push(`Content-Length: ${body.length}`);
  const eol = kind === 'lf-only' ? '\n' : '\r\n';
  const one = Buffer.concat([Buffer.from(`${lines.join(eol)}${eol}${eol}`, 'latin1'), body]);
  return kind === 'pipelined' ? Buffer.concat([one.toString('latin1').includes('Connection: close') ? Buffer.from(one.toString('latin1').replace('Connection: close', 'Connection: keep-alive'), 'latin1') : one, one]) : one;
}

export const framing: Family = (op, fx, gen) => fc.tuple(validBuilt(op, fx, gen), fc.constantFrom(...KINDS)).map(([b, kind]) => {
  const r = toRequest(b, fx, { how: `framing: ${kind}` });
  return request({ ...r, raw: () => compose(prepare(r), kind, fx) });
});
