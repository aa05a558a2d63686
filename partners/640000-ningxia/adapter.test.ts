import axios from 'axios';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { FaultPlan } from '../_kit/faults.js';
import type { Decision, SimCaseView } from '../_kit/sim-server.js';
import { GatewayError } from '../../gateway/src/errors.js';
import {
  PartnerFailure, type HandoffRequest, type OutboundCase, type PartnerAdapter, type PartnerContext, type PartnerExchange, type PartnerStatusUpdate, type SimulatedPartner,
} from '../../gateway/src/ports/partner.js';
import { TINY_PNG, VALID_ID_NUMBER, sha256 } from '../../tests/support/fixtures.js';
import { seal } from './envelope.js';
import { partner } from './index.js';
import { TEST_SETTINGS, handoffOf, startReceiver, toInbound, until, type ReceivedCallback } from './test-support.js';

let sim: SimulatedPartner;
let adapter: PartnerAdapter;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const records: PartnerExchange[] = [];
const ctx: PartnerContext = { http: axios.create({ timeout: 2000, proxy: false }), now: () => new Date(), record: (e) => records.push(e) };
const control = axios.create({ proxy: false, validateStatus: () => true });

beforeAll(async () => {
  receiver = await startReceiver(() => adapter);
  sim = await partner.createSimulator({ settings: TEST_SETTINGS, gatewayBaseUrl: receiver.url });
  adapter = partner.createAdapter({ ...TEST_SETTINGS, URL: sim.url });
});
afterEach(async () => { await control.delete(`${sim.url}/__sim/faults`); });
afterAll(async () => { await sim.close(); await receiver.close(); });

const state = async (): Promise<{ cases: SimCaseView[]; idempotencyHits: Record<string, number> }> => (await control.get(`${sim.url}/__sim/state`)).data;
const casesOf = async (caseNo: string): Promise<SimCaseView[]> => (await state()).cases.filter((c) => c.caseNo === caseNo);
const inject = async (plan: Partial<FaultPlan>): Promise<void> => { await control.post(`${sim.url}/__sim/faults`, plan); };
const decide = async (ref: string, d: Decision): Promise<void> => {
  expect((await control.post(`${sim.url}/__sim/cases/${ref}/decision`, d)).status).toBe(200);
};
const failureOf = async (p: Promise<unknown>): Promise<PartnerFailure> => {
  const e = await p.then(() => undefined, (err: unknown) => err);
  if (!(e instanceof PartnerFailure)) throw new Error(`expected a PartnerFailure, got ${String(e)}`);
  return e;
};
const callbacksFor = (ref: string, n: number): Promise<ReceivedCallback[]> => until(() => {
  const mine = receiver.received.filter((r) => r.updates.some((u) => u.partnerRef === ref));
  return mine.length >= n ? mine : undefined;
}, `${n} callback(s) for ${ref}`);

describe('delivering a case to 宁夏', () => {
  test('when the same key comes back with a different case, the platform refuses it with 2002', async () => {
    const req = handoffOf();
    await adapter.deliver(req, ctx);
    const failure = await failureOf(adapter.deliver({ ...req, case: { ...req.case, itemName: '个体工商户变更登记' } }, ctx));
    expect(failure).toMatchObject({ code: 'PARTNER_REJECTED', retryable: false, message: expect.stringContaining('[2002]') });
    expect(await casesOf(req.case.caseNo)).toHaveLength(1);
  });

  test.each<[string, { given: Partial<FaultPlan> }]>([
    ['the platform answers 429', { given: { mode: 'error', status: 429, count: 1 } }],
  ])('when %s, the delivery fails retryably and the retry delivers the case exactly once', async (_name, { given }) => {
    const req = handoffOf();
    await inject(given);
    const failure = await failureOf(adapter.deliver(req, ctx));
    expect(failure).toMatchObject({ code: 'PARTNER_UNAVAILABLE', retryable: true });
    expect(records.at(-1)).toMatchObject({ operationId: 'caseSubmit', error: expect.any(String) });
    const ack = await adapter.deliver(req, ctx);
    // a slow first attempt may still be processed after ours: it must find the case, not make another
    if (given.mode === 'slow') {
      await until(async () => ((await state()).idempotencyHits[req.idempotencyKey] === 2 ? true : undefined), 'the slow attempt to be processed');
    }
    expect((await casesOf(req.case.caseNo)).map((c) => c.ref)).toEqual([ack.partnerRef]);
  });

  test.each<[string, { given: Record<string, string>; want: string }]>([
    ['our APP_SECRET is wrong', { given: { APP_SECRET: 'not-the-secret' }, want: '[1002]' }],
    ['our APP_ID is not registered', { given: { APP_ID: 'someone-else' }, want: '[1005]' }],
  ])('when %s, the platform refuses the envelope and keeps nothing', async (_name, { given, want }) => {
    const req = handoffOf();
    const impostor = partner.createAdapter({ ...TEST_SETTINGS, URL: sim.url, ...given });
    const failure = await failureOf(impostor.deliver(req, ctx));
    expect(failure).toMatchObject({ code: 'PARTNER_REJECTED', retryable: false, message: expect.stringContaining(want) });
    expect(await casesOf(req.case.caseNo)).toEqual([]);
  });

  test.each<[string, { given: Partial<OutboundCase>; want: string }]>([
    ['the phone number is missing', { given: { applicant: { kind: 'person', name: '张三', idType: '111', idNumber: VALID_ID_NUMBER, phone: undefined as unknown as string } }, want: '/body/sqr/lxdh' }],
    ['the case is handled outside 宁夏', { given: { handlingRegion: '310104' }, want: '/body/bldq' }],
    ['the result goes by post with no address', { given: { delivery: { byPost: true } }, want: '/body/jgsd/yjdz' }],
  ])('when a mapping bug means %s, nothing is sent and the delivery fails as a contract violation', async (_name, { given, want }) => {
    const req = handoffOf(given);
    const before = records.length;
    const failure = await failureOf(adapter.deliver(req, ctx));
    expect(failure).toMatchObject({ code: 'PARTNER_CONTRACT_VIOLATION', retryable: false, message: expect.stringContaining(want) });
    expect(failure.message).not.toContain(VALID_ID_NUMBER);
    expect(records.length).toBe(before);
    expect((await state()).idempotencyHits[req.idempotencyKey]).toBeUndefined();
  });

  test('every exchange is reported with hashes of the bodies, never the bodies', async () => {
    const req = handoffOf();
    const before = records.length;
    await adapter.deliver(req, ctx);
    const mine = records.slice(before);
    expect(mine).toEqual([{
      operationId: 'caseSubmit', method: 'POST', url: `${sim.url}/exchange/case/submit`, requestSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      status: 200, responseSha256: expect.stringMatching(/^[0-9a-f]{64}$/), durationMs: expect.any(Number),
    }]);
    const all = JSON.stringify(records);
    for (const secret of [VALID_ID_NUMBER, '13812345678', TINY_PNG.toString('base64')]) expect(all).not.toContain(secret);
  });
});

describe('补齐补正', () => {
  test('when the platform asks for 补正 and we deliver it, the same case takes the new materials and is back at 01', async () => {
    const req = handoffOf();
    const ack = await adapter.deliver(req, ctx);
    const supplement: HandoffRequest = { ...req, step: 'supplement-1', idempotencyKey: `${req.case.caseNo}:640000:supplement-1` };
    expect(await failureOf(adapter.deliver(supplement, ctx))).toMatchObject({ code: 'PARTNER_REJECTED', message: expect.stringContaining('[2004]') });
    await decide(ack.partnerRef, { to: 'needs_supplement', missing: ['清税证明'] });
    expect(await adapter.deliver(supplement, ctx)).toEqual({ partnerRef: ack.partnerRef, partnerStatus: '01', status: 'forwarded' });
    expect((await casesOf(req.case.caseNo)).map((c) => c.status)).toEqual(['01']);
  });
});

describe('status coming back by signed callback', () => {
  test.each<[string, { given: Decision; want: Partial<PartnerStatusUpdate> }]>([
    ['accepted', { given: { to: 'accepted' }, want: { status: 'accepted', partnerStatus: '02' } }],
    ['asked for 补正', {
      given: { to: 'needs_supplement', missing: ['营业执照正本', '清税证明'] },
      want: { status: 'needs_supplement', partnerStatus: '03', missing: ['营业执照正本', '清税证明'] },
    }],
    ['completed', {
      given: { to: 'completed', result: { documentName: '准予注销登记通知书', certificateNo: 'NX-ZX-2026-0001', byPost: true, trackingNo: 'SF1234567890' } },
      want: {
        status: 'completed', partnerStatus: '04',
        result: expect.objectContaining({ documentName: '准予注销登记通知书', certificateNo: 'NX-ZX-2026-0001', delivery: { byPost: true, trackingNo: 'SF1234567890' } }),
      },
    }],
    ['refused', { given: { to: 'rejected', reason: '申请事项不属于本机关职权范围' }, want: { status: 'rejected', partnerStatus: '05', reason: '申请事项不属于本机关职权范围' } }],
  ])('when the department has %s the case, our callback endpoint gets it as a canonical update', async (_name, { given, want }) => {
    const req = handoffOf();
    const { partnerRef } = await adapter.deliver(req, ctx);
    await decide(partnerRef, given);
    const [cb] = await callbacksFor(partnerRef, 1);
    expect(cb?.refused).toBeUndefined();
    expect(cb?.updates).toEqual([expect.objectContaining({ partnerRef, caseNo: req.case.caseNo, eventId: `${partnerRef}-02`, ...want })]);
    const doc = cb?.updates[0]?.result?.document;
    if (given.to === 'completed') {
      const bytes = Buffer.from(doc?.contentBase64 ?? '', 'base64');
      expect(doc).toMatchObject({ mediaType: 'application/pdf', sha256: sha256(bytes) });
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  test.each<[string, { given: () => Buffer; want: string }]>([
    ['signed with the request secret instead of the callback secret', {
      given: () => Buffer.from(JSON.stringify(seal(notifyHead(), notifyBody(), TEST_SETTINGS.APP_SECRET))), want: 'SIGNATURE_INVALID',
    }],
    ['correctly signed but without the status code', {
      given: () => Buffer.from(JSON.stringify(seal(notifyHead(), { ...notifyBody(), ztdm: undefined }, TEST_SETTINGS.CALLBACK_SECRET))), want: 'VALIDATION_FAILED',
    }],
    ['not JSON', { given: () => Buffer.from('<xml/>'), want: 'VALIDATION_FAILED' }],
  ])('when a callback is %s, verifyCallback refuses it', (_name, { given, want }) => {
    let thrown: unknown;
    try {
      adapter.verifyCallback?.(toInbound(given()));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(GatewayError);
    expect(thrown).toMatchObject({ code: want });
  });

  test('when a callback verifies, its time and serial come out for the freshness and replay checks', () => {
    const raw = Buffer.from(JSON.stringify(seal(notifyHead(), notifyBody(), TEST_SETTINGS.CALLBACK_SECRET)));
    expect(adapter.verifyCallback?.(toInbound(raw))).toEqual({ timestamp: new Date('2026-11-23T01:15:00.000Z'), nonce: 'f'.repeat(32) });
  });

});

function notifyHead() {
  return { version: '1.0', sender: '640000', receiver: '330681', bizCode: 'KYTB2001', serial: 'f'.repeat(32), time: '2026-11-23 09:15:00' };
}
function notifyBody() {
  return { sjbh: '640000202611230000001-02', sbbh: '640000202611230000001', bjbh: '330681-20261122-NX999999', ztdm: '02', ztmc: '已受理', bgsj: '2026-11-23 09:15:00' };
}
