// Issue 10, defects 2–5 and 7 and the smaller findings: what an unauthenticated client can make the
// gateway read, parse and hold is bounded per route and in all; broken multipart, wrong media types and
// forged receipts get documented 4xx problem+json; a refused request leaves nothing behind.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login, signedCall } from '../support/client.js';
import { draftCase, getCase } from '../support/flows.js';
import { TINY_PDF, inboundCase, sha256 } from '../support/fixtures.js';
import { multipartBody, rawRequest } from '../support/rawHttp.js';
import { RANGE_PLACEHOLDER, formatRange } from '../../gateway/src/receipts/sigFormat.js';

const LIMIT = 300_000;
let world: World;
let token: string;
const cred = { appId: 'partner-640000', secret: 'dev-only-inbound-secret-640000' };

beforeAll(async () => {
  world = await startWorld({ background: false, env: { INBOUND_MAX_BODY_BYTES: String(LIMIT), MAX_UPLOAD_BYTES: String(LIMIT), UNAUTH_BODY_BUDGET_BYTES: String(2 * LIMIT + 100_000) } });
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

function expectProblem(r: { status: number; headers: any; body: any }, status: number, code: string) {
  expect({ status: r.status, code: r.body?.code }).toEqual({ status, code });
  const type = typeof r.headers.get === 'function' ? r.headers.get('content-type') : r.headers['content-type'];
  expect(type).toContain('application/problem+json');
}

/** a request that declares a body and sends none of it; the server's early answer, or 'no answer' */
function answerBeforeBody(p: string, declared: number, headers: Record<string, string>): Promise<number | 'no answer'> {
  const url = new URL(p, world.url);
  return new Promise((resolve) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: false, headers: { ...headers, 'content-length': declared } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', () => resolve('no answer'));
    setTimeout(() => { resolve('no answer'); req.destroy(); }, 5000);
    req.flushHeaders();
  });
}

/** every blob the store holds, by case and name */
async function blobFiles(): Promise<string[]> {
  const rows = await world.gateway.database.db.selectFrom('blobs').select(['case_id', 'name']).execute();
  return rows.map((r) => `${r.case_id}/${r.name}`).sort();
}

describe('bodies are refused by their declared length before they are read', () => {
  test.each([
    ['/api/auth/login', { 'content-type': 'application/json' }],
    ['/api/rw/join', { 'content-type': 'application/json' }],
    ['/api/inbound/partners/640000/callback', { 'content-type': 'application/json' }],
    ['/api/receipts/verify', { 'content-type': 'application/pdf' }],
  ])('50 MB declared to %s: 413 at once', async (p, headers) => {
    expect(await answerBeforeBody(p, 50 * 1024 * 1024, headers)).toBe(413);
  });
});

describe('a chunked body (no length declared) is refused as soon as it passes its limit', () => {
  test('a login body that keeps coming gets 413 after its first 4 KB, while the client is still sending', async () => {
    const url = new URL('/api/auth/login', world.url);
    const answer = await new Promise<number | 'no answer'>((resolve) => {
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        clearInterval(more);
        req.destroy();
      });
      req.on('error', () => undefined);
      req.write('{"username":"');
      // 1 KB every 20 ms: 50 MB would take over 15 minutes, the answer must come long before
      const more = setInterval(() => req.write('a'.repeat(1024)), 20);
      setTimeout(() => { clearInterval(more); resolve('no answer'); req.destroy(); }, 5000);
    });
    expect(answer).toBe(413);
  });
});

describe('what Node\'s HTTP parser refuses is problem+json too', () => {
  test('Content-Length with chunked, a NUL in a header, headers over 16 KB: 400 HTTP_MALFORMED / 431 HEADERS_TOO_LARGE', async () => {
    const { port } = new URL(world.url);
    const raw = (text: string) => new Promise<string>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.end(text));
      let out = '';
      socket.on('data', (d) => { out += d.toString(); });
      socket.on('close', () => resolve(out));
    });
    for (const text of [
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      'GET /api/items HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n\r\n',
    ]) {
      const out = await raw(text);
      expect(out).toMatch(/^HTTP\/1\.1 400 /);
      expect(out).toContain('application/problem+json');
      expect(out).toContain('"code":"HTTP_MALFORMED"');
    }
    const big = await raw(`GET /api/items HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(big).toMatch(/^HTTP\/1\.1 431 /);
    expect(big).toContain('"code":"HEADERS_TOO_LARGE"');
  });
});

describe('what unauthenticated requests hold together is bounded', () => {
  test('when the budget is taken by bodies on their way, the next gets 503 SERVER_BUSY with Retry-After; clerks are not held up', async () => {
    const url = new URL('/api/receipts/verify', world.url);
    const hanging = [0, 1].map(() => {
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: false, headers: { 'content-type': 'application/pdf', 'content-length': LIMIT } });
      req.on('error', () => undefined);
      req.write(Buffer.alloc(1000, 0x25));
      return req;
    });
    try {
      await new Promise((r) => setTimeout(r, 200));
      // 600,000 of 700,000 bytes are held: 150,000 more do not fit
      const busy = await rawRequest(world.url, '/api/receipts/verify', { headers: { 'content-type': 'application/pdf' }, body: Buffer.concat([TINY_PDF, Buffer.alloc(150_000, 0x20)]) });
      expectProblem(busy, 503, 'SERVER_BUSY');
      expect(Number(busy.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // an authenticated clerk's upload does not count against it
      const { caseId, item } = await draftCase(world.url, token, '640000', { skipMaterials: true });
      const form = new FormData();
      form.set('code', item.materials[0].code);
      form.set('file', new Blob([new Uint8Array(Buffer.concat([TINY_PDF, Buffer.alloc(150_000, 0x20)]))], { type: 'application/pdf' }), 'a.pdf');
      expect((await call(world.url, 'POST', `/api/cases/${caseId}/materials`, { token, form })).status).toBe(201);
    } finally {
      for (const req of hanging) req.destroy();
    }
    await new Promise((r) => setTimeout(r, 200));
    const after = await rawRequest(world.url, '/api/receipts/verify', { headers: { 'content-type': 'application/pdf' }, body: Buffer.concat([TINY_PDF, Buffer.alloc(150_000, 0x20)]) });
    expect(after.status).toBe(200);
    expect(after.body.genuine).toBe(false);
  });
});

describe('an unauthenticated 宁夏 callback is refused on its bytes, never canonicalised', () => {
  const cb = '/api/inbound/partners/640000/callback';
  test('10,000 levels deep: 400 for its depth (it was a 500 from the canonicaliser)', async () => {
    const deep = `{"head":{"sign":"${'a'.repeat(64)}"},"body":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const r = await rawRequest(world.url, cb, { headers: { 'content-type': 'application/json' }, body: deep });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    expect(r.body.detail).toContain('嵌套');
  });

  test('100,000 keys wide: 400 for its members, before it is parsed', async () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `"k${i}":0`).join(',');
    const wide = `{"head":{"sign":"${'a'.repeat(64)}"},"body":{${keys}}}`;
    expect(wide.length).toBeLessThan(LIMIT * 5);
    const w2 = await startWorld({ background: false });
    try {
      const r = await rawRequest(w2.url, cb, { headers: { 'content-type': 'application/json' }, body: wide });
      expectProblem(r, 400, 'VALIDATION_FAILED');
      expect(r.body.detail).toContain('成员');
    } finally {
      await w2.close();
    }
  });

  test('a sign that is not even hex HMAC-SHA256 is refused before the body is canonicalised', async () => {
    const r = await rawRequest(world.url, cb, { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ head: { sign: 'not-a-sign' }, body: { x: 1 } }) });
    expectProblem(r, 401, 'SIGNATURE_INVALID');
  });
});

describe('broken multipart is 400 MULTIPART_MALFORMED and attaches nothing', () => {
  const B = 'kytbBoundary7MA4YWxkTrZu0gW';
  const filePart = (filename: string) => ({ headers: `Content-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf`, content: TINY_PDF });

  test.each([
    ['a multipart type without a boundary', 'multipart/form-data', multipartBody(B, [filePart('a.pdf')])],
    ['a body cut off mid-file', `multipart/form-data; boundary=${B}`, multipartBody(B, [filePart('a.pdf')], false).subarray(0, 120)],
    ['a file name with a raw CR', `multipart/form-data; boundary=${B}`, multipartBody(B, [filePart('a\rb.pdf')])],
    ['a file name with a raw LF', `multipart/form-data; boundary=${B}`, multipartBody(B, [filePart('a\nb.pdf')])],
    ['a file name with a NUL', `multipart/form-data; boundary=${B}`, multipartBody(B, [filePart('a\u0000b.pdf')])],
  ])('%s, to addMaterial and to verifyReceipt', async (_name, type, body) => {
    const { caseId } = await draftCase(world.url, token, '640000', { skipMaterials: true });
    const upload = await rawRequest(world.url, `/api/cases/${caseId}/materials`, { headers: { 'content-type': type, authorization: `Bearer ${token}` }, body });
    expectProblem(upload, 400, 'MULTIPART_MALFORMED');
    expect((await getCase(world.url, token, caseId)).materials).toEqual([]);
    const verify = await rawRequest(world.url, '/api/receipts/verify', { headers: { 'content-type': type }, body });
    expectProblem(verify, 400, 'MULTIPART_MALFORMED');
  });
});

describe('POST /api/receipts/verify trusts nothing of a file that is not genuine', () => {
  test('a well-formed signature block whose facts hash matches, caseId 5,000 deep and a caseNo of HTML: 200, not genuine, no claims', async () => {
    const facts = `{"caseId":${'['.repeat(5000)}${']'.repeat(5000)},"caseNo":"<img src=x onerror=alert(1)>","documentType":"acceptance_receipt"}`;
    const head = `%PDF-1.4\n1 0 obj\n<< /Type /KytbSig /Filter /Kytb.Ed25519 /V 1 /KeyId (${'ab'.repeat(8)}) /FactsSha256 (${sha256(Buffer.from(facts))}) /Facts <${Buffer.from(facts).toString('hex')}> /ByteRange ${RANGE_PLACEHOLDER} /Contents <`;
    const tail = '> >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
    const a = head.length;
    const file = head.replace(RANGE_PLACEHOLDER, `[${formatRange([0, a, a + 128, tail.length])}]`) + '0'.repeat(128) + tail;
    const r = await rawRequest(world.url, '/api/receipts/verify', { headers: { 'content-type': 'application/pdf' }, body: Buffer.from(file, 'latin1') });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ genuine: false, reason: 'UNKNOWN_KEY', keyId: null, caseId: null, caseNo: null, documentId: null, documentType: null });
    expect(r.text).not.toContain('<img');
  });
});

describe('POST /api/inbound/cases', () => {

  test.each([['text/plain'], ['application/xml']])('with %s: 415 MEDIA_TYPE_UNSUPPORTED saying application/json is expected', async (type) => {
    const r = await rawRequest(world.url, '/api/inbound/cases', { headers: { 'content-type': type, 'X-App-Id': cred.appId }, body: '<case/>' });
    expectProblem(r, 415, 'MEDIA_TYPE_UNSUPPORTED');
    expect(r.body.detail).toContain('application/json');
  });

  test('an item we do not decide is refused (422 UNKNOWN_ITEM), and nothing is stored', async () => {
    const before = { cases: await world.gateway.core.store.count(), blobs: await blobFiles() };
    const body = inboundCase({ itemCode: '999999999999' });
    expectProblem(await signedCall(world.url, '/api/inbound/cases', body, cred, { idempotencyKey: `${body.partnerCaseNo}:k` }), 422, 'UNKNOWN_ITEM');
    expect({ cases: await world.gateway.core.store.count(), blobs: await blobFiles() }).toEqual(before);
  });

  test('an item we decide, but not for cases received in the calling region, is refused (422 ITEM_NOT_AGREED), and nothing is stored', async () => {
    const hanzhong = { appId: 'partner-610700', secret: 'dev-only-inbound-secret-610700' };
    const before = { cases: await world.gateway.core.store.count(), blobs: await blobFiles() };
    // 个体工商户注销登记 is agreed with 徐汇 and 宁夏, not with 汉中 (DECIDED_HERE acceptsFrom)
    const body = inboundCase({ itemCode: '000121009000', itemName: '个体工商户注销登记', acceptRegion: '610702' });
    const r = await signedCall(world.url, '/api/inbound/cases', body, hanzhong, { idempotencyKey: `${body.partnerCaseNo}:k` });
    expectProblem(r, 422, 'ITEM_NOT_AGREED');
    expect(r.body.errors).toEqual([{ field: '/itemCode', message: 'not agreed with this partner region' }]);
    expect({ cases: await world.gateway.core.store.count(), blobs: await blobFiles() }).toEqual(before);
  });

  test('a second material whose hash is wrong: refused, and the first material left no blob behind', async () => {
    const before = await blobFiles();
    const good = { code: 'M01', name: '居民户口簿', fileName: 'a.pdf', contentBase64: TINY_PDF.toString('base64'), sha256: sha256(TINY_PDF) };
    const body = inboundCase({ materials: [good, { ...good, code: 'M02', sha256: '0'.repeat(64) }] });
    expectProblem(await signedCall(world.url, '/api/inbound/cases', body, cred, { idempotencyKey: `${body.partnerCaseNo}:k` }), 400, 'VALIDATION_FAILED');
    expect(await blobFiles()).toEqual(before);
  });
});

describe('what the framework answers is problem+json too, and every answer carries the security headers', () => {
  test('an unknown path is 404 NOT_FOUND, a known path with the wrong method 405 with Allow', async () => {
    expectProblem(await rawRequest(world.url, '/api/nowhere', { method: 'GET' }), 404, 'NOT_FOUND');
    const r = await rawRequest(world.url, '/api/auth/login', { method: 'GET' });
    expectProblem(r, 405, 'METHOD_NOT_ALLOWED');
    expect(r.headers.allow).toContain('POST');
  });

  test('a compressed body, a charset other than UTF-8 and bytes that are not UTF-8 are refused with documented codes', async () => {
    expectProblem(await rawRequest(world.url, '/api/auth/login', { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: 'xx' }), 415, 'MEDIA_TYPE_UNSUPPORTED');
    expectProblem(await rawRequest(world.url, '/api/auth/login', { headers: { 'content-type': 'application/json; charset=utf-16' }, body: '{}' }), 415, 'MEDIA_TYPE_UNSUPPORTED');
    expectProblem(await rawRequest(world.url, '/api/auth/login', { headers: { 'content-type': 'application/json' }, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }), 400, 'MALFORMED_JSON');
    expectProblem(await rawRequest(world.url, '/api/auth/login', { headers: { 'content-type': 'application/json' }, body: '{"username":"\\ud800","password":"x"}' }), 400, 'VALIDATION_FAILED');
  });

  test('pages and answers carry CSP without inline script, nosniff, frame-ancestors, no-referrer, no banner; API answers are no-store', async () => {
    for (const p of ['/', '/rw/', '/api/items', '/api/nowhere']) {
      const r = await rawRequest(world.url, p, { method: 'GET' });
      const csp = String(r.headers['content-security-policy']);
      expect(csp, p).toContain("script-src 'self'");
      expect(csp, p).not.toContain('unsafe-inline');
      expect(csp, p).toContain("frame-ancestors 'none'");
      expect(r.headers['x-content-type-options'], p).toBe('nosniff');
      expect(r.headers['referrer-policy'], p).toBe('no-referrer');
      expect(r.headers['x-powered-by'], p).toBeUndefined();
      expect(r.headers.server, p).toBeUndefined();
      if (p.startsWith('/api')) expect(r.headers['cache-control'], p).toBe('no-store');
    }
  });

  test('a material that starts with %PDF- but is HTML is served as an attachment, sandboxed, not sniffed', async () => {
    const { caseId, item } = await draftCase(world.url, token, '640000', { skipMaterials: true });
    const html = Buffer.from('%PDF-1.4\n<html><script>alert(document.cookie)</script></html>');
    const form = new FormData();
    form.set('code', item.materials[0].code);
    form.set('file', new Blob([new Uint8Array(html)], { type: 'text/html' }), 'x.html');
    const up = await call(world.url, 'POST', `/api/cases/${caseId}/materials`, { token, form });
    expect(up.status).toBe(201);
    const r = await rawRequest(world.url, `/api/cases/${caseId}/materials/${up.body.id}/file`, { method: 'GET', headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toMatch(/^attachment;/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toContain('sandbox');
  });
});
