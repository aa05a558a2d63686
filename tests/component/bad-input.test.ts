import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login, materialForm, signedCall } from '../support/client.js';
import { applicantFor, draftCase, firstItem } from '../support/flows.js';
import { TINY_PDF, TINY_PNG, inboundCase, sha256 } from '../support/fixtures.js';

let world: World;
let token: string;
const cred = { appId: 'partner-640000', secret: 'dev-only-inbound-secret-640000' };

beforeAll(async () => {
  world = await startWorld({ env: { MAX_UPLOAD_BYTES: '4096' }, background: false });
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

const count = () => world.gateway.core.store.count();

function expectProblem(r: { status: number; contentType: string; body: any }, status: number, code: string) {
  expect({ status: r.status, code: r.body.code }).toEqual({ status, code });
  expect(r.contentType).toContain('application/problem+json');
  expect(r.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String), instance: expect.any(String) });
}


describe('bad input gets the right problem+json and changes nothing', () => {
  test('a 公民身份号码 with a wrong check digit is refused', async () => {
    const item = await firstItem(world.url, token, '310104');
    const before = await count();
    const applicant = { ...applicantFor(item), kind: 'person', idType: '111', idNumber: '330681199003071234' };
    const r = await call(world.url, 'POST', '/api/cases', { token, json: { itemCode: item.itemCode, applicant, delivery: { byPost: false } } });
    expectProblem(r, 422, item.applicantKinds.includes('person') ? 'ID_NUMBER_INVALID' : 'VALIDATION_FAILED');
    expect(await count()).toBe(before);
  });

  test('an unknown item is refused', async () => {
    const before = await count();
    const r = await call(world.url, 'POST', '/api/cases', { token, json: { itemCode: '999999999999', applicant: applicantFor({ applicantKinds: ['person'] }), delivery: { byPost: false } } });
    expectProblem(r, 422, 'UNKNOWN_ITEM');
    expect(await count()).toBe(before);
  });

  test('a body that breaks the contract names the failing fields', async () => {
    const r = await call(world.url, 'POST', '/api/cases', { token, json: { itemCode: 'x', applicant: { kind: 'alien' } } });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['/delivery', '/applicant/kind']));
  });

  test('malformed JSON is refused', async () => {
    const before = await count();
    const r = await call(world.url, 'POST', '/api/cases', { token, raw: '{"itemCode": "0001', headers: { 'content-type': 'application/json' } });
    expectProblem(r, 400, 'MALFORMED_JSON');
    expect(await count()).toBe(before);
  });

  test('submitting without a required material is refused and the case stays a draft', async () => {
    const { caseId } = await draftCase(world.url, token, '640000', { skipMaterials: true });
    const r = await call(world.url, 'POST', `/api/cases/${caseId}/submit`, { token });
    expectProblem(r, 422, 'MATERIALS_MISSING');
    expect(r.body.errors.length).toBeGreaterThan(0);
    const c = (await call(world.url, 'GET', `/api/cases/${caseId}`, { token })).body;
    expect(c.status).toBe('draft');
    expect(c.handoffs).toEqual([]);
  });

  test('an oversized upload is refused and nothing is attached', async () => {
    const { caseId, item } = await draftCase(world.url, token, '640000', { skipMaterials: true });
    const big = Buffer.concat([TINY_PDF, Buffer.alloc(8192, 0x20)]);
    const r = await call(world.url, 'POST', `/api/cases/${caseId}/materials`, { token, form: materialForm(item.materials[0].code, big, 'big.pdf') });
    expectProblem(r, 413, 'PAYLOAD_TOO_LARGE');
    expect((await call(world.url, 'GET', `/api/cases/${caseId}`, { token })).body.materials).toEqual([]);
  });

  test('a file that is not PDF, JPEG or PNG (by its bytes) is refused', async () => {
    const { caseId, item } = await draftCase(world.url, token, '640000', { skipMaterials: true });
    const r = await call(world.url, 'POST', `/api/cases/${caseId}/materials`, { token, form: materialForm(item.materials[0].code, Buffer.from('MZ this is an exe'), 'scan.pdf') });
    expectProblem(r, 415, 'MATERIAL_TYPE_UNSUPPORTED');
    const png = await call(world.url, 'POST', `/api/cases/${caseId}/materials`, { token, form: materialForm(item.materials[0].code, TINY_PNG, 'scan.png', 'image/png') });
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ mediaType: 'image/png', sha256: sha256(TINY_PNG) });
  });

  test('another region’s case is refused', async () => {
    const { caseId } = await draftCase(world.url, token, '310104');
    const other = await login(world.url, 'shangyu01', 'Shangyu@2026');
    expectProblem(await call(world.url, 'GET', `/api/cases/${caseId}`, { token: other }), 403, 'CASE_OUT_OF_REGION');
    expectProblem(await call(world.url, 'POST', `/api/cases/${caseId}/submit`, { token: other }), 403, 'CASE_OUT_OF_REGION');
    expect((await call(world.url, 'GET', `/api/cases/${caseId}`, { token })).body.status).toBe('draft');
  });

  test('no token, a forged token, and a wrong password are refused', async () => {
    expectProblem(await call(world.url, 'GET', '/api/cases'), 401, 'AUTH_REQUIRED');
    expectProblem(await call(world.url, 'GET', '/api/cases', { token: `${token.slice(0, -4)}AAAA` }), 401, 'TOKEN_INVALID');
    expectProblem(await call(world.url, 'POST', '/api/auth/login', { json: { username: 'zhuji01', password: 'wrong' } }), 401, 'INVALID_CREDENTIALS');
  });

  test('after five wrong passwords the account is locked for a while', async () => {
    for (let i = 0; i < 5; i += 1) await call(world.url, 'POST', '/api/auth/login', { json: { username: 'zhuji02', password: 'nope' } });
    expectProblem(await call(world.url, 'POST', '/api/auth/login', { json: { username: 'zhuji02', password: 'Zhuji@2026' } }), 429, 'RATE_LIMITED');
  });
});

describe('POST /api/inbound/cases (receiveCase)', () => {
  test('a signed case from a partner is received; the same request again gets the original answer', async () => {
    const body = inboundCase();
    const first = await signedCall(world.url, '/api/inbound/cases', body, cred, { idempotencyKey: `${body.partnerCaseNo}:handoff` });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ partnerCaseNo: body.partnerCaseNo, status: 'received' });
    const again = await signedCall(world.url, '/api/inbound/cases', body, cred, { idempotencyKey: `${body.partnerCaseNo}:handoff` });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const changed = await signedCall(world.url, '/api/inbound/cases', { ...body, promisedDays: 3 }, cred, { idempotencyKey: `${body.partnerCaseNo}:handoff` });
    expectProblem(changed, 409, 'IDEMPOTENCY_CONFLICT');
    const seen = (await call(world.url, 'GET', `/api/cases/${first.body.caseId}`, { token })).body;
    expect(seen).toMatchObject({ direction: 'inbound', handlingRegion: '330681', acceptRegion: '640104', partnerCaseNo: body.partnerCaseNo });
    expect(seen.applicant.idNumberMasked).toBe('6401**********123X');
  });

  test('eight identical requests at once make one case, with one set of materials; the other seven are its replays', async () => {
    const body = inboundCase();
    const key = `${body.partnerCaseNo}:race`;
    const before = await count();
    const replies = await Promise.all(Array.from({ length: 8 }, () => signedCall(world.url, '/api/inbound/cases', body, cred, { idempotencyKey: key })));
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(replies.map((r) => r.body.caseId)).size).toBe(1);
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') === 'false')).toHaveLength(1);
    expect(await count()).toBe(before + 1);
    const blobs = await world.gateway.database.db.selectFrom('blobs').select(['case_id', 'name']).execute();
    const caseIds = new Set((await world.gateway.database.db.selectFrom('cases').select('id').execute()).map((r) => r.id));
    // every blob belongs to a case that exists: the seven that lost wrote none
    expect(blobs.filter((b) => !caseIds.has(b.case_id))).toEqual([]);
    const stored = (await call(world.url, 'GET', `/api/cases/${replies[0]!.body.caseId}`, { token })).body;
    expect(stored.materials).toHaveLength(body.materials.length);
    const mine = new Set(blobs.filter((b) => b.case_id === stored.id).map((b) => b.name));
    for (const m of stored.materials) expect(mine.has(m.id)).toBe(true);
  });

  test.each([
    ['a bad signature', 401, 'SIGNATURE_INVALID', { tamper: true }],
    ['a stale timestamp', 401, 'TIMESTAMP_STALE', { timestamp: Math.floor(Date.now() / 1000) - 301 }],
  ] as const)('%s is refused', async (_n, status, code, opts) => {
    const before = await count();
    const body = inboundCase();
    expectProblem(await signedCall(world.url, '/api/inbound/cases', body, cred, { idempotencyKey: `${body.partnerCaseNo}:k`, ...opts }), status, code);
    expect(await count()).toBe(before);
  });

  test('a replayed nonce is refused', async () => {
    const body = inboundCase();
    const nonce = `nonce-${Date.now()}`;
    expect((await signedCall(world.url, '/api/inbound/cases', body, cred, { idempotencyKey: `${body.partnerCaseNo}:k`, nonce })).status).toBe(201);
    const before = await count();
    const replay = await signedCall(world.url, '/api/inbound/cases', inboundCase(), cred, { idempotencyKey: `other-key-${Date.now()}`, nonce });
    expectProblem(replay, 409, 'NONCE_REPLAYED');
    expect(await count()).toBe(before);
  });

  test('a nonce accepted before a restart is still refused after it (the replay window survives restarts)', async () => {
    const body = inboundCase();
    const nonce = `nonce-restart-${Date.now()}`;
    expect((await signedCall(world.url, '/api/inbound/cases', body, cred, { idempotencyKey: `${body.partnerCaseNo}:k`, nonce })).status).toBe(201);
    await world.restart();
    const before = await count();
    const replay = await signedCall(world.url, '/api/inbound/cases', inboundCase(), cred, { idempotencyKey: `other-key-${Date.now()}`, nonce });
    expectProblem(replay, 409, 'NONCE_REPLAYED');
    expect(await count()).toBe(before);
    // and a fresh nonce still goes through
    const next = inboundCase();
    expect((await signedCall(world.url, '/api/inbound/cases', next, cred, { idempotencyKey: `${next.partnerCaseNo}:k` })).status).toBe(201);
  });

  test('an unknown partner, malformed JSON, a wrong ID number and a material whose hash does not match are refused', async () => {
    const before = await count();
    expectProblem(await signedCall(world.url, '/api/inbound/cases', inboundCase(), { appId: 'nobody', secret: 'x' }, { idempotencyKey: 'abcdefgh1' }), 401, 'PARTNER_UNKNOWN');
    expectProblem(await signedCall(world.url, '/api/inbound/cases', null, cred, { idempotencyKey: 'abcdefgh2', raw: '{"partnerCaseNo":' }), 400, 'MALFORMED_JSON');
    const wrongId = inboundCase({ applicant: { kind: 'person', name: '马小花', idType: '111', idNumber: '640104199001011233', phone: '13912345678' } });
    expectProblem(await signedCall(world.url, '/api/inbound/cases', wrongId, cred, { idempotencyKey: 'abcdefgh3' }), 422, 'ID_NUMBER_INVALID');
    const wrongHash = inboundCase({ materials: [{ code: 'M01', name: '居民户口簿', fileName: 'hkb.pdf', contentBase64: TINY_PDF.toString('base64'), sha256: sha256(TINY_PNG) }] });
    const r = await signedCall(world.url, '/api/inbound/cases', wrongHash, cred, { idempotencyKey: 'abcdefgh4' });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    expect(r.body.errors[0].field).toBe('/materials/0/sha256');
    expect(await count()).toBe(before);
  });
});
