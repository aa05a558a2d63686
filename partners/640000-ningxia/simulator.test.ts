import axios from 'axios';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type { PartnerContext, SimulatedPartner } from '../../gateway/src/ports/partner.js';
import { seal, newSerial, verifySign } from './envelope.js';
import { partner } from './index.js';
import { formatNxTime, toCaseQueryRequest } from './mapping.js';
import { TEST_SETTINGS, handoffOf } from './test-support.js';
import { CONTRACT_FILE, type NxEnvelope } from './types.js';

// The platform's own door checks, driven with hand-made envelopes (the adapter never sends these).
let sim: SimulatedPartner;
const http = axios.create({ proxy: false, validateStatus: () => true });
const contract = loadContract(CONTRACT_FILE);
const ctx: PartnerContext = { http: axios.create({ timeout: 2000, proxy: false }), now: () => new Date(), record: () => undefined };

beforeAll(async () => { sim = await partner.createSimulator({ settings: TEST_SETTINGS }); });
afterAll(async () => { await sim.close(); });

interface Reply { status: number; data: NxEnvelope<{ cwxx?: { zd: string; yy: string }[] } & Record<string, unknown>> }

const queryEnvelope = (sbbh: string, over: { time?: Date; caseNo?: string } = {}) => seal({
  version: '1.0', appId: TEST_SETTINGS.APP_ID, sender: '330681', receiver: '640000', bizCode: 'KYTB1003',
  serial: newSerial(), time: formatNxTime(over.time ?? new Date()),
}, toCaseQueryRequest(sbbh, over.caseNo ?? '330681-20261122-NOSUCHCASE'), TEST_SETTINGS.APP_SECRET);

const post = async (path: string, body: unknown, appIdHeader: string = TEST_SETTINGS.APP_ID): Promise<Reply> =>
  http.post(`${sim.url}${path}`, body, { headers: { 'x-exchange-appid': appIdHeader } });

describe('the simulated platform at its door', () => {
  test('when an envelope arrives a second time with the same serial, the second is refused as a replay (1004)', async () => {
    const env = queryEnvelope('640000202611220000001');
    expect((await post('/exchange/case/query', env)).data.head.rtnCode).toBe('2003');
    expect((await post('/exchange/case/query', env)).data.head.rtnCode).toBe('1004');
  });

  test.each<[string, { given: number; want: string }]>([
    ['301 s behind the platform\'s clock', { given: -301_000, want: '1003' }],
    ['301 s ahead of it', { given: 301_000, want: '1003' }],
    ['within the ±300 s window', { given: -240_000, want: '2003' }],
  ])('when an envelope\'s time is %s, it is judged by the time window', async (_name, { given, want }) => {
    const res = await post('/exchange/case/query', queryEnvelope('640000202611220000002', { time: new Date(Date.now() + given) }));
    expect(res.data.head.rtnCode).toBe(want);
  });

  test('when X-Exchange-AppId differs from head.appId, the envelope is refused (1005)', async () => {
    expect((await post('/exchange/case/query', queryEnvelope('640000202611220000003'), 'kytb-other')).data.head.rtnCode).toBe('1005');
  });

  test('when an envelope breaks the contract, the platform answers 1001 listing the failing fields', async () => {
    const env = queryEnvelope('640000202611220000004');
    const res = await post('/exchange/case/query', { ...env, head: { ...env.head, receiver: '310104' }, body: { sbbh: 'x', extra: 1 } });
    expect(res.status).toBe(200);
    expect(res.data.head).toMatchObject({ rtnCode: '1001', sender: '640000', receiver: '330681', bizCode: 'KYTB1003' });
    expect(res.data.body.cwxx?.map((e) => e.zd)).toEqual(expect.arrayContaining(['/head/receiver', '/body/sbbh', '/body/extra']));
  });

  test.each<[string, { given: () => Promise<Reply>; want: { status: number; rtnCode: string } }]>([
    ['a body that is not JSON', { given: () => http.post(`${sim.url}/exchange/case/submit`, '{"head":', { headers: { 'content-type': 'application/json' } }), want: { status: 400, rtnCode: '1001' } }],
    ['an address with no interface', { given: () => post('/exchange/case/delete', {}), want: { status: 404, rtnCode: '1001' } }],
  ])('when it gets %s, it answers in its own error style', async (_name, { given, want }) => {
    const res = await given();
    expect(res.status).toBe(want.status);
    expect(contract.validateResponse('caseSubmit', res.status, res.data)).toEqual([]);
    expect(res.data.head.rtnCode).toBe(want.rtnCode);
  });

  test('when a 5xx is injected, the error body is still a signed envelope with 9999', async () => {
    await http.post(`${sim.url}/__sim/faults`, { mode: 'error', status: 503, count: 1 });
    const res = await post('/exchange/case/query', queryEnvelope('640000202611220000005'));
    expect(res.status).toBe(503);
    expect(res.data.head.rtnCode).toBe('9999');
    expect(verifySign(res.data, TEST_SETTINGS.APP_SECRET)).toBe(true);
  });
});

describe('办件查询 caseQuery', () => {
  test('when an operator queries a decided case, the history lists each change with its stable event id', async () => {
    const req = handoffOf();
    const { partnerRef } = await partner.createAdapter({ ...TEST_SETTINGS, URL: sim.url }).deliver(req, ctx);
    await http.post(`${sim.url}/__sim/cases/${partnerRef}/decision`, { to: 'accepted' });
    const res = await post('/exchange/case/query', queryEnvelope(partnerRef, { caseNo: req.case.caseNo }));
    expect(contract.validateResponse('caseQuery', 200, res.data)).toEqual([]);
    expect(res.data.body).toMatchObject({
      sbbh: partnerRef, bjbh: req.case.caseNo, ztdm: '02', ztmc: '已受理',
      lsjl: [{ sjbh: `${partnerRef}-01`, ztdm: '01' }, { sjbh: `${partnerRef}-02`, ztdm: '02' }],
    });
  });

  test('when the 申报编号 and 办件编号 do not belong together, the case is not found (2003)', async () => {
    const req = handoffOf();
    const { partnerRef } = await partner.createAdapter({ ...TEST_SETTINGS, URL: sim.url }).deliver(req, ctx);
    const res = await post('/exchange/case/query', queryEnvelope(partnerRef, { caseNo: '330681-20261122-SOMEONEELSE' }));
    expect(res.data.head.rtnCode).toBe('2003');
  });
});
