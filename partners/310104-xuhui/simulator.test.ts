// The simulated 徐汇区 itself, called over raw HTTP the way a careless client might: it must refuse
// what its contract refuses, in its own error style, and answer only what its contract allows.
import axios, { type AxiosResponse } from 'axios';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import { sha256, TINY_PDF } from '../../tests/support/fixtures.js';
import { context, handoff, SETTINGS, startPartner, type Partner } from './test-kit.js';

const contract = loadContract('partners/310104-xuhui.yaml');
const http = axios.create({ proxy: false, validateStatus: () => true });
let p: Partner;
let auth: Record<string, string>;
let ref: string;

beforeAll(async () => {
  p = await startPartner();
  const token = await http.post<{ access_token: string }>(`${p.sim.url}/oauth2/token`, 'grant_type=client_credentials', {
    auth: { username: SETTINGS.CLIENT_ID, password: SETTINGS.CLIENT_SECRET }, headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  auth = { Authorization: `Bearer ${token.data.access_token}` };
  ref = (await p.adapter.deliver(handoff(), context())).partnerRef;
});
afterAll(async () => { await p.sim.close(); });

function upload(fields: Record<string, string>, file?: { bytes: Buffer; type: string }): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set('file', new Blob([file.bytes], { type: file.type }), 'a.pdf');
  return form;
}

const application = handoff().case;
const requests: [string, { given: () => Promise<AxiosResponse>; want: { status: number; code: string; fields?: string[]; operationId: string } }][] = [
  ['a token asked for with another grant type', {
    given: () => http.post(`${p.sim.url}/oauth2/token`, 'grant_type=password', { auth: { username: SETTINGS.CLIENT_ID, password: SETTINGS.CLIENT_SECRET }, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
    want: { status: 400, code: 'INVALID_REQUEST', fields: ['/grant_type'], operationId: 'issueToken' },
  }],
  ['a token asked for without credentials', {
    given: () => http.post(`${p.sim.url}/oauth2/token`, 'grant_type=client_credentials', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
    want: { status: 401, code: 'INVALID_CLIENT', operationId: 'issueToken' },
  }],
  ['an application without its Idempotency-Key', {
    given: () => http.post(`${p.sim.url}/api/v1/applications`, {}, { headers: auth }),
    want: { status: 400, code: 'INVALID_REQUEST', fields: ['Idempotency-Key'], operationId: 'submitApplication' },
  }],
  ['an application missing most of its fields, with one it does not know', {
    given: () => http.post(`${p.sim.url}/api/v1/applications`, { externalCaseNo: 'C-1', idNumber: '330681199003071233' }, { headers: { ...auth, 'Idempotency-Key': 'key-0000001' } }),
    want: { status: 400, code: 'INVALID_REQUEST', fields: ['/itemCode', '/applicant', '/materials', '/idNumber'], operationId: 'submitApplication' },
  }],
  ['an application that is not JSON', {
    given: () => http.post(`${p.sim.url}/api/v1/applications`, '{"externalCaseNo":', { headers: { ...auth, 'Idempotency-Key': 'key-0000002', 'Content-Type': 'application/json' } }),
    want: { status: 400, code: 'INVALID_REQUEST', operationId: 'submitApplication' },
  }],
  ['an application citing a material never uploaded', {
    given: () => http.post(`${p.sim.url}/api/v1/applications`, { ...validApplication(), externalCaseNo: 'C-2' }, { headers: { ...auth, 'Idempotency-Key': 'key-0000003' } }),
    want: { status: 422, code: 'MATERIAL_NOT_FOUND', fields: ['/materials/0/materialId'], operationId: 'submitApplication' },
  }],
  ['the same 办件编号 filed again under another key', {
    given: () => http.post(`${p.sim.url}/api/v1/applications`, validApplication(), { headers: { ...auth, 'Idempotency-Key': 'key-0000004' } }),
    want: { status: 409, code: 'DUPLICATE_CONFLICT', operationId: 'submitApplication' },
  }],
  ['an upload without its file', {
    given: () => http.post(`${p.sim.url}/api/v1/materials`, upload({ sha256: sha256(TINY_PDF), materialCode: 'M01', materialName: '申请书' }), { headers: { ...auth, 'Idempotency-Key': 'key-0000005' } }),
    want: { status: 400, code: 'INVALID_REQUEST', fields: ['file'], operationId: 'uploadMaterial' },
  }],
  ['an upload whose declared hash is not a SHA-256', {
    given: () => http.post(`${p.sim.url}/api/v1/materials`, upload({ sha256: 'abc', materialCode: 'M01', materialName: '申请书' }, { bytes: TINY_PDF, type: 'application/pdf' }), { headers: { ...auth, 'Idempotency-Key': 'key-0000006' } }),
    want: { status: 400, code: 'INVALID_REQUEST', fields: ['/sha256'], operationId: 'uploadMaterial' },
  }],
  ['an upload of a file type 徐汇区 does not take', {
    given: () => http.post(`${p.sim.url}/api/v1/materials`, upload({ sha256: sha256(Buffer.from('hi')), materialCode: 'M01', materialName: '申请书' }, { bytes: Buffer.from('hi'), type: 'text/plain' }), { headers: { ...auth, 'Idempotency-Key': 'key-0000007' } }),
    want: { status: 415, code: 'MATERIAL_TYPE_UNSUPPORTED', operationId: 'uploadMaterial' },
  }],
  ['a supplement while none was asked for', {
    given: () => http.post(`${p.sim.url}/api/v1/applications/${ref}/supplements`, { externalCaseNo: application.caseNo, materials: validApplication().materials }, { headers: { ...auth, 'Idempotency-Key': 'key-0000008' } }),
    want: { status: 409, code: 'INVALID_STATE', operationId: 'submitSupplement' },
  }],
  ['an application that does not exist', {
    given: () => http.get(`${p.sim.url}/api/v1/applications/XH00000000000000000000`, { headers: auth }),
    want: { status: 404, code: 'NOT_FOUND', operationId: 'getApplication' },
  }],
];

/** the application 徐汇区 holds, as the contract example shape, for requests that must pass validation */
function validApplication(): Record<string, unknown> & { materials: unknown[] } {
  return {
    externalCaseNo: application.caseNo, itemCode: application.itemCode, implementationCode: application.implementationCode, itemName: application.itemName,
    caseType: 'PROMISED', channel: 'WINDOW', acceptRegionCode: '330681', handlingRegionCode: '310104',
    applicant: { type: 'NATURAL_PERSON', name: '张三', idType: 'ID_CARD', idNumber: '330681199003071233', mobile: '13812345678' },
    materials: [{ materialId: 'mat_ffffffffffffffffffffffff', materialCode: 'M01', materialName: '申请书', sha256: sha256(TINY_PDF), pages: 1 }],
    promisedDays: 5, promisedAt: '2026-11-28T00:00:00+08:00', submittedAt: '2026-11-22T10:00:00+08:00',
    resultDelivery: { method: 'ELECTRONIC' }, acceptingWindow: { name: '诸暨市行政服务中心跨域通办窗口', handlerName: '王芳' },
  };
}

describe('the simulated 徐汇区 holds to its contract', () => {
  test.each(requests)('when it receives %s, it refuses in its own error style, naming what is wrong', async (_name, { given, want }) => {
    const res = await given();
    expect(res.status).toBe(want.status);
    expect(res.data).toMatchObject({ code: want.code, message: expect.any(String) });
    expect(contract.validateResponse(want.operationId, res.status, res.data)).toEqual([]);
    for (const field of want.fields ?? []) expect((res.data as { details: { field: string }[] }).details.map((d) => d.field)).toContain(field);
  });

  test('when a request is repeated with its key, the first answer is replayed and marked so; with another body, refused', async () => {
    const send = (name: string) => http.post(`${p.sim.url}/api/v1/materials`,
      upload({ sha256: sha256(TINY_PDF), materialCode: 'M01', materialName: name }, { bytes: TINY_PDF, type: 'application/pdf' }),
      { headers: { ...auth, 'Idempotency-Key': 'upload-key-0001' } });
    const first = await send('申请书');
    const again = await send('申请书');
    const other = await send('另一份申请书');
    expect([first.status, first.headers['idempotent-replayed']]).toEqual([201, undefined]);
    expect([again.status, again.headers['idempotent-replayed'], again.data]).toEqual([201, 'true', first.data]);
    expect(contract.validateResponse('uploadMaterial', 201, again.data)).toEqual([]);
    expect([other.status, other.data.code]).toEqual([409, 'DUPLICATE_CONFLICT']);
  });

  test('when asked for an application, it answers with the history its contract describes', async () => {
    const res = await http.get(`${p.sim.url}/api/v1/applications/${ref}`, { headers: auth });
    expect(contract.validateResponse('getApplication', 200, res.data)).toEqual([]);
    expect(res.data).toMatchObject({ applicationId: ref, status: 'RECEIVED', events: [{ eventId: `evt_${ref}_01`, status: 'RECEIVED' }] });
  });

  test('when a path is not part of its API, it answers 404 in its own style', async () => {
    const res = await http.get(`${p.sim.url}/api/v2/anything`, { headers: auth });
    expect([res.status, res.data.code]).toEqual([404, 'NOT_FOUND']);
  });

  test('when a decision lacks what it needs, the control API refuses it', async () => {
    expect(await p.decide(ref, { to: 'needs_supplement' })).toBe(400);
    expect(await p.decide('XH99999999999999999999', { to: 'accepted' })).toBe(404);
  });
});
