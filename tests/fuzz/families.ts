// Hostile requests, by family. Each starts from a valid request of the operation (so it is
// authenticated and signed right, and gets as far into the gateway as it can) and breaks one thing.
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { summary } from './answers.js';
import type { Answer, FuzzRequest } from './http.js';
import type { Fixtures } from './fuzzWorld.js';
import { deepJson, hugeJsonString, wideJson, withRawField } from './hostileJson.js';
import { boundary, fileBytes, hostileFileName, multipartBody, type Part } from './multipart.js';
import { fillPath, pathParams, queryParams, type Operation } from './operations.js';
import { targetOf, toRequest, validBuilt, type Built } from './requests.js';
import type { Generator } from './schemaArbitrary.js';

export type Family = (op: Operation, fx: Fixtures, gen: Generator) => fc.Arbitrary<FuzzRequest> | undefined;

const MB = 1024 * 1024;
const jsonText = (b: Built): string => (b.json !== undefined ? JSON.stringify(b.json) : '{}');
const fieldOf = (b: Built, pick: number): string | undefined => {
  const keys = b.json && typeof b.json === 'object' && !Array.isArray(b.json) ? Object.keys(b.json) : [];
  return keys.length > 0 && pick % 3 !== 0 ? keys[pick % keys.length] : undefined;
};
const signed = (op: Operation): boolean => op.auth === 'partnerHmac' || op.auth === 'xuhuiWebhook' || op.auth === 'ningxiaEnvelope';

/** a correctly signed request must not be refused as badly signed, whatever else is wrong with it */
const notAsBadlySigned = (op: Operation) => (a: Answer): string | undefined => {
  if (!signed(op) || a.status !== 401) return undefined;
  return `the request is signed correctly over the bytes sent, yet it is refused as an authentication failure: ${summary(a)}`;
};

/** huge (past the limits), deep (10,000 levels) and wide (100,000 keys) bodies, whole or in one field, on every operation */
export const bodies: Family = (op, fx, gen) => fc.tuple(validBuilt(op, fx, gen), fc.constantFrom('huge', 'deep-array', 'deep-object', 'wide', 'long-string', 'deep-3000'), fc.nat()).map(([b, kind, pick]) => {
  const field = fieldOf(b, pick);
  const make = (): string => {
    switch (kind) {
      case 'huge': return hugeJsonString(5 * MB);
      case 'deep-array': return withRawField(b.json, field, deepJson(10_000, 'array'));
      case 'deep-object': return withRawField(b.json, field, deepJson(10_000, 'object'));
      case 'deep-3000': return withRawField(b.json, field, deepJson(3_000, pick % 2 ? 'array' : 'object'));
      case 'wide': return withRawField(b.json, field, wideJson(100_000));
      default: return withRawField(b.json, field ?? 'x', JSON.stringify('长'.repeat(600_000)));
    }
  };
  const media = op.body?.content['multipart/form-data'] && kind === 'huge' && pick % 2 ? 'multipart' : 'application/json';
  if (media === 'multipart') {
    const bd = `----fuzz${pick}`;
    return toRequest(b, fx, { how: 'a 5 MB file in multipart', contentType: `multipart/form-data; boundary=${bd}`, body: () => multipartBody([{ name: 'code', data: Buffer.from('M01') }, { name: 'file', filename: 'big.pdf', type: 'application/pdf', data: Buffer.alloc(5 * MB, 0x25) }], bd), expect: notAsBadlySigned(op) });
  }
  return toRequest(b, fx, { how: `${kind} body${field && kind !== 'huge' ? ` in field ${field}` : ''}`, contentType: 'application/json', body: () => Buffer.from(make(), 'utf8'), expect: notAsBadlySigned(op) });
});

const INVALID_UTF8 = ['c3 28', 'ff', 'fe ff', 'ed a0 80', 'ed bf bf', 'c0 af', 'c0 80', 'e2 82', 'f4 90 80 80', 'f8 88 80 80 80'];

function insertIntoFirstString(text: string, bytes: Buffer): Buffer {
  const at = text.indexOf(':"');
  const utf8 = Buffer.from(text, 'utf8');
  if (at < 0) return Buffer.concat([Buffer.from('{"x":"'), bytes, Buffer.from('"}')]);
  const cut = Buffer.byteLength(text.slice(0, at + 2), 'utf8');
  return Buffer.concat([utf8.subarray(0, cut), bytes, utf8.subarray(cut)]);
}

const utf16be = (s: string): Buffer => { const le = Buffer.from(s, 'utf16le'); for (let i = 0; i + 1 < le.length; i += 2) { const t = le[i]!; le[i] = le[i + 1]!; le[i + 1] = t; } return le; };

/** bad encodings: invalid UTF-8, UTF-16 bodies, a charset parameter that lies, BOMs, content codings */
export const encodings: Family = (op, fx, gen) => fc.tuple(validBuilt(op, fx, gen), fc.nat(), fc.constantFrom(
  'invalid-utf8', 'utf16le-honest', 'utf16le-says-utf8', 'utf16be-bom-no-charset', 'utf8-says-latin1', 'unknown-charset', 'charset-twice',
  'utf8-bom', 'utf16-bom-says-utf8', 'gzip-real', 'gzip-garbage', 'deflate-garbage', 'br-garbage', 'unknown-coding', 'gzip-twice-once', 'json-escapes',
)).map(([b, pick, kind]) => {
  const text = jsonText(b);
  const json = 'application/json';
  const bad = Buffer.from(INVALID_UTF8[pick % INVALID_UTF8.length]!.replace(/ /g, ''), 'hex');
  const o: Record<string, { contentType?: string; encode: (x: Buffer) => Buffer; headers?: Record<string, string> }> = {
    'invalid-utf8': { contentType: json, encode: (x) => insertIntoFirstString(x.toString('utf8'), bad) },
    'utf16le-honest': { contentType: `${json}; charset=utf-16le`, encode: (x) => Buffer.from(x.toString('utf8'), 'utf16le') },
    'utf16le-says-utf8': { contentType: `${json}; charset=utf-8`, encode: (x) => Buffer.from(x.toString('utf8'), 'utf16le') },
    'utf16be-bom-no-charset': { contentType: json, encode: (x) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(x.toString('utf8'))]) },
    'utf8-says-latin1': { contentType: `${json}; charset=iso-8859-1`, encode: (x) => x },
    'unknown-charset': { contentType: `${json}; charset=x-fuzz-${pick % 10}`, encode: (x) => x },
    'charset-twice': { contentType: `${json}; charset=utf-8; charset=utf-16`, encode: (x) => x },
    'utf8-bom': { contentType: json, encode: (x) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), x]) },
    'utf16-bom-says-utf8': { contentType: `${json}; charset=utf-8`, encode: (x) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(x.toString('utf8'), 'utf16le')]) },
    'gzip-real': { contentType: json, encode: (x) => gzipSync(x), headers: { 'content-encoding': 'gzip' } },
    'gzip-garbage': { contentType: json, encode: (x) => Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), x]), headers: { 'content-encoding': 'gzip' } },
    'deflate-garbage': { contentType: json, encode: (x) => x, headers: { 'content-encoding': 'deflate' } },
    'br-garbage': { contentType: json, encode: (x) => x, headers: { 'content-encoding': 'br' } },
    'unknown-coding': { contentType: json, encode: (x) => x, headers: { 'content-encoding': 'x-fuzz' } },
    'gzip-twice-once': { contentType: json, encode: (x) => gzipSync(x), headers: { 'content-encoding': 'gzip, gzip' } },
    'json-escapes': { contentType: json, encode: (x) => insertIntoFirstString(x.toString('utf8'), Buffer.from(['\\u0000', '\\ud800', '\\udfff\\ud800', '\\u0000\\u0000', '\\uFFFF'][pick % 5]!)) },
  };
  const c = o[kind]!;
  return toRequest(b, fx, {
    how: `encoding: ${kind}${kind === 'invalid-utf8' ? ` (${bad.toString('hex')})` : ''}`,
    contentType: c.contentType ?? json, encode: c.encode, ...(c.headers ? { headers: c.headers } : {}),
    // 宁夏 signs the parsed envelope, not the bytes: a changed byte may rightly break its sign
    body: () => Buffer.from(text, 'utf8'), ...(op.auth === 'ningxiaEnvelope' ? {} : { expect: notAsBadlySigned(op) }),
  });
});

const XML = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><case><itemCode>&b;</itemCode></case>';

/** wrong media types: text/plain, application/xml, none, forms, and odd spellings of JSON, with the body the operation expects */
export const mediaTypes: Family = (op, fx, gen) => fc.tuple(validBuilt(op, fx, gen), fc.constantFrom(
  'text/plain', 'application/xml', null, 'application/x-www-form-urlencoded', 'application/octet-stream', 'application/vnd.kytb+json', 'APPLICATION/JSON',
  'application/json;', 'text/json', '*/*', 'application/json, text/plain', 'application/pdf', 'image/png', 'application/json; charset="utf-8"', 'multipart/mixed',
), fc.boolean()).map(([b, contentType, xmlBody]) => {
  const body = b.json !== undefined || b.bytes ? undefined : () => Buffer.from(jsonText(b), 'utf8');
  return toRequest(b, fx, {
    how: `media type ${contentType ?? '(none)'}${contentType === 'application/xml' && xmlBody ? ' with an XML body' : ''}`,
    contentType, ...(contentType === 'application/xml' && xmlBody ? { body: () => Buffer.from(XML) } : body ? { body } : {}), expect: notAsBadlySigned(op),
  });
});

/** broken multipart: no boundary, the wrong one, cut mid-file, no final boundary, raw CR/LF/NUL in the file name */
export const multipart: Family = (op, fx, gen) => fc.record({
  b: validBuilt(op, fx, gen), bd: boundary, file: fileBytes, name: hostileFileName, pick: fc.nat(),
  kind: fc.constantFrom('no-boundary', 'empty-boundary', 'wrong-boundary', 'cut-mid-file', 'cut-in-headers', 'no-final', 'hostile-filename', 'no-name', 'many-fields', 'two-files', 'proto-field', 'boundary-too-long', 'quoted-boundary', 'unquoted-special-boundary', 'only-preamble', 'long-header'),
}).map(({ b, bd, file, name, pick, kind }) => {
  const code = fx.materialCodes[pick % fx.materialCodes.length] ?? 'M01';
  const fileData = op.id === 'verifyReceipt' ? fx.receiptPdf : file;
  const parts: Part[] = [{ name: 'code', data: Buffer.from(code) }, { name: 'file', filename: kind === 'hostile-filename' ? name : 'scan.pdf', type: 'application/pdf', data: fileData }];
  let declared = `multipart/form-data; boundary=${bd}`;
  let bytes = (): Buffer => multipartBody(parts, bd);
  switch (kind) {
    case 'no-boundary': declared = 'multipart/form-data'; break;
    case 'empty-boundary': declared = 'multipart/form-data; boundary='; break;
    case 'wrong-boundary': declared = `multipart/form-data; boundary=${bd}x`; break;
    case 'cut-mid-file': bytes = () => { const all = multipartBody(parts, bd); return all.subarray(0, all.length - 8 - bd.length - Math.min(fileData.length - 1, 1 + (pick % fileData.length))); }; break;
    case 'cut-in-headers': bytes = () => multipartBody(parts, bd).subarray(0, bd.length + 30); break;
    case 'no-final': bytes = () => multipartBody(parts, bd, { final: false }); break;
    case 'no-name': parts[1] = { filename: 'scan.pdf', data: fileData }; break;
    case 'many-fields': bytes = () => multipartBody([...Array.from({ length: 2000 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })), ...parts], bd); break;
    case 'two-files': parts.push({ name: 'file', filename: 'again.pdf', type: 'application/pdf', data: fileData }); break;
    case 'proto-field': parts.unshift({ name: '__proto__', data: Buffer.from('{"polluted":true}') }, { name: 'constructor[prototype][x]', data: Buffer.from('1') }); break;
    case 'boundary-too-long': { const long = 'b'.repeat(200); declared = `multipart/form-data; boundary=${long}`; bytes = () => multipartBody(parts, long); break; }
    case 'quoted-boundary': { const q = `${bd}(=?,:/)`; declared = `multipart/form-data; boundary="${q}"; charset=utf-8`; bytes = () => multipartBody(parts, q); break; }
    case 'unquoted-special-boundary': { const q = `${bd}(=?,:/)`; declared = `multipart/form-data; boundary=${q}`; bytes = () => multipartBody(parts, q); break; }
    case 'only-preamble': bytes = () => Buffer.from(`this is not a form --${bd}`); break;
    default: parts[1]!.extra = [`X-Long: ${'x'.repeat(100_000)}`];
  }
  return toRequest(b, fx, { how: `multipart: ${kind}${kind === 'hostile-filename' ? ` ${JSON.stringify(name.subarray(0, 40).toString('latin1'))}` : ''}`, contentType: declared, body: bytes, expect: notAsBadlySigned(op) });
});

const HOSTILE_SEGMENTS = [
  'a'.repeat(8_000), '..%2F..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '..%5C..%5Cboot.ini', '....%2F%2F', '%00', 'abc%00def', '%2500', '%',
  '%ZZ', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', '%FF%FE', '%F0%9F%92%A9', '.', '%20', '+', ';x=1', 'a;b', '%0d%0aSet-Cookie:x=1', '%3Cscript%3E',
];

/** path parameters: very long, traversal, encoded NUL, broken percent-encoding, raw UTF-8 */
export const pathParameters: Family = (op, fx, gen) => {
  const names = pathParams(op).map((p) => p.name);
  if (names.length === 0) return undefined;
  return fc.tuple(validBuilt(op, fx, gen), fc.constantFrom(...names), fc.constantFrom(...HOSTILE_SEGMENTS)).map(([b, name, segment]) => {
    const target = fillPath(op.template, { ...b.path, [name]: segment }, (v) => (v === segment ? v : encodeURIComponent(v)));
    return toRequest(b, fx, { how: `path parameter ${name} = ${JSON.stringify(segment.slice(0, 30))}${segment.length > 30 ? `…(${segment.length})` : ''}`, target });
  });
};

/** query strings: thousands of parameters, repeated ones, prototype keys, broken percent-encoding, values the contract forbids */
export const queryStrings: Family = (op, fx, gen) => {
  const names = [...queryParams(op).map((p) => p.name), 'q', 'limit'];
  return fc.tuple(validBuilt(op, fx, gen), fc.constantFrom(...names), fc.constantFrom(
    'many', 'repeated', 'proto', 'nested', '%', '%ZZ', '%00', '%ED%A0%80', 'long', '1e999', '-0', '0x10', 'Infinity', 'NaN', '-1', '201', '1.5', '', 'date-out-of-range', 'date-junk', 'array-brackets',
  )).map(([b, name, kind]) => {
    const base = targetOf(b);
    const sep = base.includes('?') ? '&' : '?';
    const value: Record<string, string> = {
      many: Array.from({ length: 1500 }, (_, i) => `p${i}=${i}`).join('&'), repeated: `${name}=1&${name}=2&${name}=3`, proto: `__proto__=x&constructor=y&__proto__[polluted]=1`,
      nested: `${name}[a][b][c]=1`, long: `${name}=${'x'.repeat(8_000)}`, 'date-out-of-range': `deadlineBefore=%2B275760-09-13T00:00:00.001Z&${name}=1`,
      'date-junk': 'deadlineBefore=2026-02-30T25:61:61Z', 'array-brackets': `${name}[]=1&${name}[]=2`,
    };
    const query = value[kind] ?? `${name}=${kind}`;
    return toRequest(b, fx, { how: `query ${query.slice(0, 60)}`, target: `${base}${sep}${query}` });
  });
};
