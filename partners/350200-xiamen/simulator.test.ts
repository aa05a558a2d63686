// The simulated platform's own door checks, driven with hand-made forms (the adapter never sends these),
// and its answers to our adapter where the kit does not look: conflicts, decided cases, no 补正.
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type { SimulatedPartner } from '../../gateway/src/ports/partner.js';
import { DEV_APP_PRIVATE_KEY, DEV_PLATFORM_PUBLIC_KEY } from './dev-keys.js';
import { partner } from './index.js';
import { formatXmTime } from './mapping.js';
import { privateKeyOf, publicKeyOf } from './settings.js';
import { encodeForm, memberText, rsa2Verify, signForm } from './sign.js';
import { DEV, context, handoffOf, startSim } from './testing.js';
import { CONTRACT_FILE } from './types.js';

let sim: SimulatedPartner;
const http = axios.create({ proxy: false, validateStatus: () => true, responseType: 'text', transformResponse: [(d: unknown) => d] });
const contract = loadContract(CONTRACT_FILE);
const ours = privateKeyOf(DEV_APP_PRIVATE_KEY, 'APP_PRIVATE_KEY');
const platform = publicKeyOf(DEV_PLATFORM_PUBLIC_KEY, 'PLATFORM_PUBLIC_KEY');
const adapter = () => partner.createAdapter({ ...DEV, URL: sim.url }, { callbackUrl: 'http://127.0.0.1:9/api/inbound/partners/350200/callback' });

beforeAll(async () => { sim = await startSim(); });
afterAll(async () => { await sim.close(); });

const query = (over: { time?: Date; appId?: string; method?: string; biz?: unknown; key?: typeof ours } = {}) => signForm({
  app_id: over.appId ?? DEV.APP_ID!, method: over.method ?? 'gov.kstb.case.query', format: 'JSON', charset: 'utf-8', sign_type: 'RSA2',
  timestamp: formatXmTime(over.time ?? new Date()), version: '1.0', biz_content: JSON.stringify(over.biz ?? { platform_case_no: 'XM202611220000000099' }),
}, over.key ?? ours);

async function post(form: Record<string, string>): Promise<{ status: number; key: string; body: Record<string, any>; verified: boolean }> {
  const res = await http.post(`${sim.url}/gateway.do`, encodeForm(form), { headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } });
  const text = res.data as string;
  const parsed = JSON.parse(text) as Record<string, any>;
  const key = Object.keys(parsed).find((k) => k !== 'sign')!;
  return { status: res.status, key, body: parsed[key], verified: rsa2Verify(memberText(text, key)!, parsed.sign, platform) };
}

describe('the simulated platform at its door', () => {
  test.each<[string, { given: () => Record<string, string>; want: { key: string; code: string; sub_code: string } }]>([
    ['signed with a key it never registered', { given: () => query({ key: privateKeyOf(DEV.PLATFORM_PRIVATE_KEY!, 'x') }), want: { key: 'gov_kstb_case_query_response', code: '40002', sub_code: 'isv.invalid-signature' } }],
    ['301 s behind its clock', { given: () => query({ time: new Date(Date.now() - 301_000) }), want: { key: 'gov_kstb_case_query_response', code: '40002', sub_code: 'isv.invalid-timestamp' } }],
    ['301 s ahead of it', { given: () => query({ time: new Date(Date.now() + 301_000) }), want: { key: 'gov_kstb_case_query_response', code: '40002', sub_code: 'isv.invalid-timestamp' } }],
    ['within the ±300 s window, for a case it does not have', { given: () => query({ time: new Date(Date.now() - 240_000) }), want: { key: 'gov_kstb_case_query_response', code: '40004', sub_code: 'KSTB.CASE_NOT_FOUND' } }],
    ['from an app_id it does not know', { given: () => query({ appId: '2026000000000099' }), want: { key: 'gov_kstb_case_query_response', code: '40002', sub_code: 'isv.invalid-app-id' } }],
    ['naming a method it does not have', { given: () => query({ method: 'gov.kstb.case.supplement' }), want: { key: 'error_response', code: '40002', sub_code: 'isv.invalid-method' } }],
    ['with biz_content outside the method’s schema', { given: () => query({ biz: { platform_case_no: 'x', extra: 1 } }), want: { key: 'gov_kstb_case_query_response', code: '40002', sub_code: 'isv.invalid-parameter' } }],
  ])('a form %s is answered in its style, signed', async (_name, { given, want }) => {
    const r = await post(given());
    expect([r.status, r.key, r.body.code, r.body.sub_code, r.verified]).toEqual([200, want.key, want.code, want.sub_code, true]);
  });

  test('a broken biz_content is answered listing the failing fields, within its reply schema', async () => {
    const r = await post(query({ biz: { platform_case_no: 'x', extra: 1 } }));
    expect(r.body.sub_msg).toEqual(expect.stringContaining('/platform_case_no'));
    expect(r.body.sub_msg).toEqual(expect.stringContaining('/extra'));
    expect(contract.validateSchema('CaseQueryReply', { [r.key]: r.body })).toEqual([]);
  });

  test('when a 5xx is injected, the error body is still a signed error_response with 20000', async () => {
    await http.post(`${sim.url}/__sim/faults`, JSON.stringify({ mode: 'error', status: 503, count: 1 }), { headers: { 'content-type': 'application/json' } });
    const r = await post(query());
    expect([r.status, r.key, r.body.code, r.verified]).toEqual([503, 'error_response', '20000', true]);
  });
});

describe('what the adapter hears back', () => {
  test('the same out_request_no with other business parameters is a conflict, refused, not retried', async () => {
    const req = handoffOf();
    await adapter().deliver(req, context().ctx);
    const other = { ...req, case: { ...req.case, itemName: '个体工商户变更登记（另一份）' } };
    await expect(adapter().deliver(other, context().ctx)).rejects.toMatchObject({ code: 'PARTNER_REJECTED', retryable: false, message: expect.stringContaining('KSTB.OUT_REQUEST_NO_CONFLICT') });
  });

  test('a 补正 step is not sent: the platform has none', async () => {
    const { ctx, exchanges } = context();
    await expect(adapter().deliver({ ...handoffOf(), step: 'supplement-1' }, ctx)).rejects.toMatchObject({ code: 'PARTNER_CONTRACT_VIOLATION' });
    expect(exchanges).toEqual([]);
  });

  test('the department cannot be asked for 补正 either: the control route refuses it', async () => {
    const ack = await adapter().deliver(handoffOf(), context().ctx);
    const res = await http.post(`${sim.url}/__sim/cases/${ack.partnerRef}/decision`, JSON.stringify({ to: 'needs_supplement' }), { headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
  });

  test('a cancel of a decided case is a signed refusal naming the decision; the exchange is recorded', async () => {
    const req = handoffOf();
    const ack = await adapter().deliver(req, context().ctx);
    await http.post(`${sim.url}/__sim/cases/${ack.partnerRef}/decision`, JSON.stringify({ to: 'rejected', reason: '材料不全' }), { headers: { 'content-type': 'application/json' } });
    const { ctx, exchanges } = context();
    const answer = await adapter().cancel!({ caseNo: req.case.caseNo, partnerRef: ack.partnerRef, acceptRegion: '330681', idempotencyKey: `${req.case.caseNo}:cancel`, reason: '申请人撤回', requestedAt: new Date().toISOString() }, ctx);
    expect(answer).toEqual({ outcome: 'refused', partnerStatus: 'REJECTED', reason: '办理地已作出决定（不予受理），不能撤件', decided: 'rejected' });
    expect(exchanges).toEqual([expect.objectContaining({ operationId: 'gov.kstb.case.cancel', status: 200, requestSha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
  });
});
