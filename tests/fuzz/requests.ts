// Valid requests for each operation, made from the contract (parameters, bodies) and the world's
// fixtures (real case ids, documents, sessions), authenticated the way the operation asks; and the one
// place a request is put together (path, query, body, content type, signature).
import fc from 'fast-check';
import { OFFERED_ITEMS } from '../support/registry.js';
import type { FuzzRequest } from './http.js';
import { request } from './http.js';
import type { Fixtures } from './fuzzWorld.js';
import { bodyHints } from './hints.js';
import { boundary, fileBytes, multipartBody, type Part } from './multipart.js';
import { document, fillPath, headerParams, jsonSchemaOf, pathParams, queryParams, type Operation } from './operations.js';
import { pdfBodies } from './pdf.js';
import { schemaGenerator, textUnit, type Generator } from './schemaArbitrary.js';
import { clerkHeader, hmacSigner, ningxiaSealer, xuhuiSigner } from './signing.js';

export interface Built {
  op: Operation;
  path: Record<string, string>;
  query: Array<[string, string]>;
  /** header parameters and the clerk's bearer token */
  headers: Record<string, string>;
  token?: string;
  media?: string;
  /** the JSON body, or other body bytes */
  json?: unknown;
  bytes?: () => Buffer;
  what: string;
}

const SIGNED_HEADERS = /^(x-app-id|x-timestamp|x-nonce|x-signature|x-xh-.*)$/i;
const ref = (name: string) => document.components.schemas[name];

export function generatorFor(op: Operation, fx: Fixtures): Generator {
  return schemaGenerator(document, bodyHints(op.id, fx).hints);
}

function pathAndQuery(op: Operation, fx: Fixtures, gen: Generator): fc.Arbitrary<{ path: Record<string, string>; query: Record<string, string> }> {
  const names = pathParams(op).map((p) => p.name);
  const caseId = fc.oneof({ arbitrary: fc.constantFrom(...fx.caseIds), weight: 8 }, { arbitrary: fc.uuid(), weight: 1 });
  let path: fc.Arbitrary<Record<string, string>>;
  if (names.includes('materialId')) path = fc.oneof({ arbitrary: fc.constantFrom(...fx.materials).map(({ caseId: c, materialId }) => ({ caseId: c, materialId })), weight: 6 }, fc.record({ caseId, materialId: fc.uuid() }));
  else if (names.includes('jobId')) path = fc.oneof({ arbitrary: fc.constantFrom(...fx.jobs).map(({ caseId: c, jobId }) => ({ caseId: c, jobId })), weight: 6 }, fc.record({ caseId, jobId: fc.uuid() }));
  else if (names.includes('documentId')) {
    path = fc.oneof({ arbitrary: fc.constantFrom(...fx.documents).map(({ caseId: c, documentId }) => ({ caseId: c, documentId })), weight: 5 },
      { arbitrary: fc.record({ caseId, documentId: gen.valid(ref('DocumentType')) as fc.Arbitrary<string> }), weight: 3 },
      fc.record({ caseId, documentId: gen.valid(pathParams(op).find((p) => p.name === 'documentId')!.schema) as fc.Arbitrary<string> }));
  } else {
    const model: Record<string, fc.Arbitrary<string>> = {};
    for (const p of pathParams(op)) {
      const schemaMade = gen.valid(p.schema).map(String);
      model[p.name] = p.name === 'caseId' ? caseId
        // sessions that endSession may end, apart from those the other operations need open
        : p.name === 'sessionId' ? fc.oneof({ arbitrary: fc.constantFrom(...(op.id === 'endSession' ? fx.sessionsToEnd : fx.sessions).map((s) => s.sessionId)), weight: 6 }, fc.uuid())
        : p.name === 'itemCode' ? fc.oneof({ arbitrary: fc.constantFrom(...OFFERED_ITEMS.map((i) => i.itemCode)), weight: 4 }, schemaMade)
        : p.name === 'n' ? fc.oneof(fc.integer({ min: 1, max: 4 }).map(String), schemaMade)
        : schemaMade;
    }
    path = fc.record(model);
  }
  const queryModel: Record<string, fc.Arbitrary<string>> = {};
  const required: string[] = [];
  for (const q of queryParams(op)) {
    if (q.required) required.push(q.name);
    queryModel[q.name] = q.name === 'status' ? fc.subarray(ref('CaseStatus').enum as string[], { minLength: 1 }).map((s) => s.join(','))
      : q.name === 'partner' ? fc.constantFrom(...fx.regions)
      : gen.valid(q.schema).map((v) => String(v));
  }
  const query = fc.record(queryModel, { requiredKeys: required });
  // the public status page: a real 办件编号 with its 查询码, most of the time
  if (op.id === 'getPublicCaseStatus') {
    return fc.oneof({ arbitrary: fc.constantFrom(...fx.publicCodes).map((p) => ({ path: { caseNo: p.caseNo }, query: { code: p.code } })), weight: 5 }, fc.record({ path, query }));
  }
  return fc.record({ path, query });
}

function body(op: Operation, fx: Fixtures, gen: Generator): fc.Arbitrary<Pick<Built, 'media' | 'json' | 'bytes' | 'what'>> {
  if (!op.body) return fc.constant({ what: 'no body' });
  const options: Array<fc.Arbitrary<Pick<Built, 'media' | 'json' | 'bytes' | 'what'>>> = [];
  const json = jsonSchemaOf(op);
  if (json) {
    const { fix } = bodyHints(op.id, fx);
    options.push(fc.tuple(gen.valid(json), fc.nat()).map(([v, pick]) => ({ media: 'application/json', json: fix ? fix(v, pick) : v, what: 'valid JSON' })));
  }
  const pdf = pdfBodies(fx.receiptPdf, fx.keyId);
  if (op.body.content['application/pdf']) options.push(pdf.map((p) => ({ media: 'application/pdf', bytes: p.bytes, what: p.how })));
  const form = op.body.content['multipart/form-data'];
  if (form) {
    const fields = Object.entries((form.properties ?? {}) as Record<string, any>).filter(([, s]) => s.format !== 'binary');
    const fieldArbs = Object.fromEntries(fields.map(([k, s]) => [k, k === 'code' ? fc.oneof({ arbitrary: fc.constantFrom(...fx.materialCodes, 'extra'), weight: 4 }, gen.valid(s)) : gen.valid(s)]));
    const file = op.id === 'verifyReceipt' ? pdf.map((p) => ({ data: p.bytes, how: p.how })) : fileBytes.map((b) => ({ data: () => b, how: `${b.length} B file` }));
    options.push(fc.record({
      b: boundary, values: fc.record(fieldArbs, { requiredKeys: ((form.required ?? []) as string[]).filter((k) => k in fieldArbs) }),
      file, filename: fc.string({ unit: textUnit, maxLength: 30 }).map((s) => `${s}.pdf`), type: fc.constantFrom('application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream'),
      fileFirst: fc.boolean(),
    }).map(({ b, values, file: f, filename, type, fileFirst }) => ({
      media: `multipart/form-data; boundary=${b}`,
      what: `multipart (${f.how})`,
      bytes: () => {
        const parts: Part[] = Object.entries(values).map(([name, v]) => ({ name, data: Buffer.from(String(v), 'utf8') }));
        // as browsers write it (WHATWG multipart/form-data): " CR LF percent-encoded
        const filePart: Part = { name: 'file', filename: filename.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A'), type, data: f.data() };
        return multipartBody(fileFirst ? [filePart, ...parts] : [...parts, filePart], b);
      },
    })));
  }
  // an HTML form (a partner's notification): the schema's fields, each as the text a form carries
  const urlencoded = op.body.content['application/x-www-form-urlencoded'];
  if (urlencoded) {
    options.push(gen.valid(urlencoded).map((v) => ({
      media: 'application/x-www-form-urlencoded',
      what: 'form',
      bytes: () => Buffer.from(new URLSearchParams(Object.entries((v ?? {}) as Record<string, unknown>).map(([k, x]): [string, string] => [k, typeof x === 'string' ? x : JSON.stringify(x)])).toString(), 'utf8'),
    })));
  }
  if (options.length === 0) throw new Error(`fuzz: ${op.id} has a body in no media type the fuzzer knows (${Object.keys(op.body.content).join(', ')})`);
  const any = fc.oneof(...options);
  return op.body.required ? any : fc.oneof({ arbitrary: any, weight: 3 }, fc.constant({ what: 'no body' }));
}

/** a valid request for `op` (valid as far as the contract and the world's fixtures can make it) */
export function validBuilt(op: Operation, fx: Fixtures, gen: Generator): fc.Arbitrary<Built> {
  const headerModel: Record<string, fc.Arbitrary<string>> = {};
  for (const h of headerParams(op)) if (!SIGNED_HEADERS.test(h.name)) headerModel[h.name] = gen.valid(h.schema).map(String);
  const token = op.auth === 'clerk'
    ? fc.oneof({ arbitrary: fc.constant(fx.tokens.clerk), weight: 6 }, { arbitrary: fc.constant(fx.tokens.operator), weight: 2 }, fc.constant(fx.tokens.partnerClerk), fc.constant(fx.tokens.otherRegion))
    : fc.constant(undefined);
  return fc.record({ pq: pathAndQuery(op, fx, gen), headers: fc.record(headerModel), token, b: body(op, fx, gen) })
    .map(({ pq, headers, token: t, b }) => ({ op, path: pq.path, query: Object.entries(pq.query), headers, ...(t ? { token: t } : {}), ...b }));
}

export interface Overrides {
  how?: string;
  /** the whole path and query as sent (latin1) */
  target?: string;
  body?: () => Buffer;
  /** null: no Content-Type header */
  contentType?: string | null;
  headers?: Record<string, string>;
  /** applied to the body bytes after a 宁夏 envelope is sealed and before any signature over the bytes */
  encode?: (b: Buffer) => Buffer;
  flaw?: string;
  expect?: FuzzRequest['expect'];
}

export const targetOf = (b: Built): string => {
  const q = b.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return `${fillPath(b.op.template, b.path)}${q ? `?${q}` : ''}`;
};

export function toRequest(b: Built, fx: Fixtures, o: Overrides = {}): FuzzRequest {
  const { op } = b;
  const serialized = (): Buffer => (o.body ? o.body() : b.json !== undefined ? Buffer.from(JSON.stringify(b.json), 'utf8') : b.bytes ? b.bytes() : Buffer.alloc(0));
  const seal = op.auth === 'ningxiaEnvelope' ? ningxiaSealer(fx.secrets.ningxiaCallback, o.flaw) : (x: Buffer) => x;
  const encode = o.encode ?? ((x: Buffer) => x);
  const contentType = o.contentType === undefined ? b.media : o.contentType ?? undefined;
  const hasBody = o.body !== undefined || b.json !== undefined || b.bytes !== undefined;
  const headers: Record<string, string> = {
    ...b.headers,
    ...(op.auth === 'clerk' && b.token ? clerkHeader(b.token, o.flaw, fx.tokens.otherRegion) : {}),
    ...(contentType && hasBody ? { 'content-type': contentType } : {}),
    ...o.headers,
  };
  const sign = op.auth === 'partnerHmac' ? hmacSigner(fx.secrets.inbound, o.flaw) : op.auth === 'xuhuiWebhook' ? xuhuiSigner(fx.secrets.xuhuiWebhook, o.flaw) : undefined;
  return request({
    op: op.id, how: `${o.how ?? 'valid'}; ${b.what}`, method: op.method, path: o.target ?? targetOf(b), headers,
    body: () => encode(seal(serialized())),
    ...(sign ? { sign } : {}),
    ...(o.expect ? { expect: o.expect } : {}),
  });
}
