// Checking a document without logging in: the published key, verifyReceipt through the API and through
// the command-line verifier (a child process), and the case's status page the receipt's QR code opens.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runScript } from '../support/cli.js';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { decide, getCase, submittedCase, waitFor } from '../support/flows.js';
import { TINY_PDF } from '../support/fixtures.js';
import { locateSignature } from '../../gateway/src/receipts/sigFormat.js';
import { pdfText } from '../unit/receipts/pdfTools.js';
import { loadContract } from '../../gateway/src/contracts/contract.js';

const contract = loadContract('gateway.yaml');

let world: World;
let token: string;
let tmp: string;
let receipt: Buffer;
let caseId: string;
let caseNo: string;

beforeAll(async () => {
  world = await startWorld();
  token = await login(world.url);
  tmp = await mkdtemp(path.join(os.tmpdir(), 'kytb-receipts-'));
  ({ caseId, caseNo } = await submittedCase(world.url, token, '310104'));
  await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
  const res = await fetch(`${world.url}/api/cases/${caseId}/documents/acceptance_receipt`, { headers: { authorization: `Bearer ${token}` } });
  receipt = Buffer.from(await res.arrayBuffer());
});
afterAll(async () => {
  await world?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const verify = (body: Buffer | string, type = 'application/pdf') => call(world.url, 'POST', '/api/receipts/verify', { raw: body, headers: { 'content-type': type } });
const oneByteChanged = (b: Buffer, at = Math.floor(b.length / 2)) => { const c = Buffer.from(b); c[at] = c[at]! ^ 0x20; return c; };

describe('GET /api/receipts/signing-keys (getReceiptSigningKeys)', () => {
  test('anyone gets the public key documents are signed with; it survives a restart of the gateway', async () => {
    const r = await call(world.url, 'GET', '/api/receipts/signing-keys');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ scheme: 'KYTB-DOC-SIG/1', keys: [{ alg: 'Ed25519', jwk: { kty: 'OKP', crv: 'Ed25519' } }] });
    expect(r.body.keys[0].keyId).toBe(r.body.current);
    expect(contract.validateResponse('getReceiptSigningKeys', 200, r.body)).toEqual([]);
    const located = locateSignature(receipt);
    expect(located.ok && located.fields.keyId).toBe(r.body.current);
    await world.restart();
    token = await login(world.url);
    expect((await call(world.url, 'GET', '/api/receipts/signing-keys')).body.current).toBe(r.body.current);
    expect((await verify(receipt)).body.genuine).toBe(true);
  });
});

describe('POST /api/receipts/verify (verifyReceipt)', () => {
  test('a fresh receipt is genuine and names its case, as PDF body and as a multipart upload, without login', async () => {
    const raw = await verify(receipt);
    expect(raw.status).toBe(200);
    expect(raw.body).toMatchObject({ genuine: true, reason: null, caseId, caseNo, documentType: 'acceptance_receipt', copy: false });
    expect(contract.validateResponse('verifyReceipt', 200, raw.body)).toEqual([]);
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(receipt)], { type: 'application/pdf' }), 'huizhi.pdf');
    const multipart = await call(world.url, 'POST', '/api/receipts/verify', { form });
    expect(multipart.body).toMatchObject({ genuine: true, caseNo });
  });

  test('a receipt with one byte changed is not genuine, and says why; so is a PDF we never signed', async () => {
    const altered = (await verify(oneByteChanged(receipt))).body;
    expect(altered).toMatchObject({ genuine: false, reason: 'CONTENT_ALTERED', reasonText: expect.stringContaining('改动') });
    expect(contract.validateResponse('verifyReceipt', 200, altered)).toEqual([]);
    expect((await verify(TINY_PDF)).body).toMatchObject({ genuine: false, reason: 'NO_SIGNATURE', caseNo: null });
  });

  test('what is not a PDF is 415, an empty body 400, a body over MAX_UPLOAD_BYTES 413, all problem+json', async () => {
    const notPdf = await verify(Buffer.from('MZ\x90\x00 an exe'));
    expect([notPdf.status, notPdf.body.code, notPdf.contentType]).toEqual([415, 'DOCUMENT_NOT_PDF', 'application/problem+json; charset=utf-8']);
    const text = await verify('hello', 'text/plain');
    expect([text.status, text.body.code]).toEqual([415, 'DOCUMENT_NOT_PDF']);
    const empty = await verify(Buffer.alloc(0));
    expect([empty.status, empty.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const big = await verify(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(world.config.maxUploadBytes + 1, 0x20)]));
    expect([big.status, big.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });
});

describe('the command-line verifier (npm run verify-receipt)', () => {
  const cli = (...args: string[]) => runScript('verify-receipt.ts', ...args);

  test('exit 0 and the case for a genuine receipt (keys fetched from the gateway), 1 for one byte changed, 2 for a usage error', async () => {
    const good = path.join(tmp, 'good.pdf');
    const bad = path.join(tmp, 'bad.pdf');
    await writeFile(good, receipt);
    await writeFile(bad, oneByteChanged(receipt));
    const ok = await cli(good, '--url', world.url);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('GENUINE');
    expect(ok.out).toContain(caseNo);
    const no = await cli(bad, '--url', world.url);
    expect(no.code).toBe(1);
    expect(no.out).toContain('CONTENT_ALTERED');
    expect((await cli()).code).toBe(2);
    expect((await cli(path.join(tmp, 'missing.pdf'), '--url', world.url)).code).toBe(2);
  });

  test('with the public key from a file (--key), offline', async () => {
    const pem = path.join(tmp, 'gateway.pem');
    await writeFile(pem, (await call(world.url, 'GET', '/api/receipts/signing-keys')).body.keys[0].publicKeyPem);
    const good = path.join(tmp, 'offline.pdf');
    await writeFile(good, receipt);
    expect((await cli(good, '--key', pem)).code).toBe(0);
  });
});

describe('GET /api/public/cases/{caseNo} (getPublicCaseStatus): the page the receipt’s QR code opens', () => {
  test('with the 查询码 printed on the receipt, anyone sees the progress (no personal data); a wrong code gets 404', async () => {
    const text = (await pdfText(receipt)).replace(/\s+/g, '');
    const code = /查询码([A-HJ-NP-Z2-9]{12})/.exec(text)?.[1];
    expect(code).toBeDefined();
    const located = locateSignature(receipt);
    if (!located.ok) throw new Error(located.reason);
    expect(JSON.parse(located.fields.factsJson).links.status).toBe(`${world.config.publicBaseUrl}/status.html?no=${encodeURIComponent(caseNo)}&code=${code}`);

    const status = await call(world.url, 'GET', `/api/public/cases/${caseNo}?code=${code}`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ caseNo, status: 'forwarded', statusLabel: '已转递', handlingRegionName: '上海市徐汇区' });
    expect(status.body.progress.map((p: { status: string }) => p.status)).toEqual(['received', 'forwarded']);
    expect(contract.validateResponse('getPublicCaseStatus', 200, status.body)).toEqual([]);
    expect(JSON.stringify(status.body)).not.toMatch(/13812345678|138\*\*\*\*5678|张三|applicant/);

    const c = await getCase(world.url, token, caseId);
    await decide(world.sims.byRegion['310104']!.url, c.partnerRef, { to: 'accepted' });
    await waitFor('已受理', async () => (await call(world.url, 'GET', `/api/public/cases/${caseNo}?code=${code}`)).body, (b) => b.status === 'accepted');

    const wrong = await call(world.url, 'GET', `/api/public/cases/${caseNo}?code=${'A'.repeat(12)}`);
    expect([wrong.status, wrong.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
    const malformed = await call(world.url, 'GET', `/api/public/cases/${caseNo}?code=x`);
    expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const page = await fetch(`${world.url}/status.html`);
    expect(page.status).toBe(200);
  });
});
