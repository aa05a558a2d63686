import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Decision } from '../_kit/sim-server.js';
import type { InboundHttpRequest, PartnerAdapter, PartnerStatusUpdate } from '../../gateway/src/ports/partner.js';
import { partner as xuhui } from './index.js';
import { context, handoff, SETTINGS, startPartner, startReceiver, type Partner } from './test-kit.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** the simulator pushing to a receiver that does what our inbound endpoint does with the adapter */
async function partnerWithReceiver(): Promise<Partner & { receiver: Awaited<ReturnType<typeof startReceiver>> }> {
  // the receiver needs the adapter, the adapter needs the simulator's url, the simulator needs the receiver's
  const started: { partner?: Partner } = {};
  const receiver = await startReceiver(() => started.partner!.adapter);
  closers.push(receiver.close);
  const p = (started.partner = await startPartner({ gatewayBaseUrl: receiver.url }));
  closers.push(p.sim.close);
  return { ...p, receiver };
}

describe('decisions of 徐汇区 reach us as canonical status updates', () => {
  test.each<[string, { given: Decision; want: Partial<PartnerStatusUpdate> }]>([
    ['受理', { given: { to: 'accepted' }, want: { status: 'accepted', partnerStatus: 'ACCEPTED' } }],
    ['补齐补正, with the missing materials', {
      given: { to: 'needs_supplement', missing: ['清税证明', '股东会决议'] },
      want: { status: 'needs_supplement', partnerStatus: 'SUPPLEMENT_REQUIRED', missing: ['清税证明', '股东会决议'], note: expect.any(String) },
    }],
    ['不予受理, with the reason', {
      given: { to: 'rejected', reason: '该事项不属于本区管辖' },
      want: { status: 'rejected', partnerStatus: 'REJECTED', reason: '该事项不属于本区管辖' },
    }],
    ['办结, with the result document, posted', {
      given: { to: 'completed', result: { documentName: '准予注销登记通知书', certificateNo: 'ZX2026001', byPost: true, trackingNo: 'EMS1234567890' } },
      want: {
        status: 'completed', partnerStatus: 'COMPLETED',
        result: {
          documentName: '准予注销登记通知书', certificateNo: 'ZX2026001', delivery: { byPost: true, trackingNo: 'EMS1234567890' },
          document: { fileName: expect.stringMatching(/\.pdf$/), mediaType: 'application/pdf', contentBase64: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        },
      },
    }],
  ])('when 徐汇区 decides %s, the signed callback is verified, parsed and answered', async (_name, { given, want }) => {
    const p = await partnerWithReceiver();
    const req = handoff();
    const ack = await p.adapter.deliver(req, context());
    expect(await p.decide(ack.partnerRef, given)).toBe(200);
    await vi.waitFor(() => expect(p.receiver.updates).toHaveLength(1));
    const [update] = p.receiver.updates;
    expect(update).toEqual({
      partnerRef: ack.partnerRef, caseNo: req.case.caseNo, eventId: `evt_${ack.partnerRef}_02`,
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/), ...want,
    });
    expect(p.receiver.replies).toEqual([200]);
    await vi.waitFor(async () => expect(await p.state()).toMatchObject({ callbacksDelivered: 1, lastCallbackError: null }));
  });

  test('when a case needs 补正, the supplement step is delivered to the same application, once', async () => {
    const p = await partnerWithReceiver();
    const ack = await p.adapter.deliver(handoff(), context());
    await p.decide(ack.partnerRef, { to: 'needs_supplement', missing: ['清税证明'] });
    const supplement = handoff({}, { step: 'supplement-1' });
    const first = await p.adapter.deliver(supplement, context());
    const again = await p.adapter.deliver(supplement, context());
    expect([first, again]).toEqual([
      { partnerRef: ack.partnerRef, partnerStatus: 'SUPPLEMENTED', status: 'forwarded' },
      { partnerRef: ack.partnerRef, partnerStatus: 'SUPPLEMENTED', status: 'forwarded' },
    ]);
    const state = await p.state();
    expect(state.cases.map((c) => c.status)).toEqual(['SUPPLEMENTED']);
    expect(state.idempotencyHits[supplement.idempotencyKey]).toBe(2);
  });

  test('when callbacks went missing, the history can be fetched and says the same', async () => {
    const p = await partnerWithReceiver();
    const req = handoff();
    const ack = await p.adapter.deliver(req, context());
    await p.decide(ack.partnerRef, { to: 'accepted' });
    await p.decide(ack.partnerRef, { to: 'rejected', reason: '材料不符合法定形式' });
    await vi.waitFor(() => expect(p.receiver.updates).toHaveLength(2));
    const history = await p.adapter.pollStatus!(ack.partnerRef, req.case.caseNo, context());
    expect(history.map((u) => [u.eventId, u.status])).toEqual([
      [`evt_${ack.partnerRef}_01`, 'forwarded'], [`evt_${ack.partnerRef}_02`, 'accepted'], [`evt_${ack.partnerRef}_03`, 'rejected'],
    ]);
    expect(history.slice(1)).toEqual(p.receiver.updates);
  });
});

describe('verifying a callback', () => {
  const adapter = xuhui.createAdapter(SETTINGS);
  const body = JSON.stringify({
    eventId: 'evt_XH20261122100004000001_02', eventType: 'application.accepted', occurredAt: '2026-11-23T09:30:00+08:00',
    applicationId: 'XH20261122100004000001', externalCaseNo: '330681-20261122-K7Q2M9XA', status: 'ACCEPTED',
  });
  // computed here by hand, not with the partner's helper, so a wrong algorithm on both sides cannot agree
  const sign = (secret: string, ts: string, nonce: string, raw: string) => createHmac('sha256', secret).update(`${ts}.${nonce}.${raw}`).digest('hex');
  const ts = '1795400000';
  const nonce = 'n0nce-0123456789abcdef';
  const request = (raw: string, headers: Record<string, string | undefined>): InboundHttpRequest => ({
    method: 'POST', path: '/api/inbound/partners/310104/callback', headers, rawBody: Buffer.from(raw), body: JSON.parse(raw),
  });
  const good = { 'x-xh-timestamp': ts, 'x-xh-nonce': nonce, 'x-xh-signature': sign(SETTINGS.WEBHOOK_SECRET, ts, nonce, body) };

  test('a callback signed with the webhook secret is verified, and its timestamp and nonce returned', () => {
    expect(adapter.verifyCallback!(request(body, good))).toEqual({ timestamp: new Date(Number(ts) * 1000), nonce });
  });

  test.each<[string, { given: { raw: string; headers: Record<string, string | undefined> }; want: { code: string; message: RegExp } }]>([
    ['the body was changed after signing', { given: { raw: body.replace('ACCEPTED', 'REJECTED'), headers: good }, want: { code: 'SIGNATURE_INVALID', message: /does not match/ } }],
    ['it was signed with another secret', { given: { raw: body, headers: { ...good, 'x-xh-signature': sign('guessed', ts, nonce, body) } }, want: { code: 'SIGNATURE_INVALID', message: /does not match/ } }],
    ['the nonce was swapped', { given: { raw: body, headers: { ...good, 'x-xh-nonce': 'another-nonce-0123456789' } }, want: { code: 'SIGNATURE_INVALID', message: /does not match/ } }],
    ['the signature header is missing', { given: { raw: body, headers: { ...good, 'x-xh-signature': undefined } }, want: { code: 'SIGNATURE_INVALID', message: /X-Xh-Signature is missing/ } }],
    ['the timestamp is in milliseconds', { given: { raw: body, headers: { ...good, 'x-xh-timestamp': `${ts}000` } }, want: { code: 'SIGNATURE_INVALID', message: /X-Xh-Timestamp/ } }],
    ['a correctly signed body breaks the webhook schema', {
      given: { raw: body.replace('"ACCEPTED"', '"COMPLETED"'), headers: { ...good, 'x-xh-signature': sign(SETTINGS.WEBHOOK_SECRET, ts, nonce, body.replace('"ACCEPTED"', '"COMPLETED"')) } },
      want: { code: 'VALIDATION_FAILED', message: /webhook schema/ },
    }],
  ])('when %s, it is refused', (_name, { given, want }) => {
    let thrown: { code?: string; message?: string; fields?: unknown } = {};
    try {
      adapter.verifyCallback!(request(given.raw, given.headers));
    } catch (e) {
      thrown = e as typeof thrown;
    }
    expect(thrown.code).toBe(want.code);
    expect(thrown.message).toMatch(want.message);
    if (want.code === 'VALIDATION_FAILED') expect(thrown.fields).toContainEqual({ field: '/result', message: "must have required property 'result'" });
  });

  test.each<[string, { given: Parameters<NonNullable<PartnerAdapter['callbackReply']>>[0]; want: unknown }]>([
    ['received', { given: { ok: true }, want: { status: 200, contentType: 'application/json', body: { received: true } } }],
    ['a bad signature (徐汇区 will not retry a 4xx)', { given: { ok: false, code: 'SIGNATURE_INVALID', message: '签名错误' }, want: { status: 401, contentType: 'application/json', body: { code: 'SIGNATURE_INVALID', message: '签名错误' } } }],
    ['a replayed nonce', { given: { ok: false, code: 'NONCE_REPLAYED', message: 'nonce used' }, want: { status: 409, contentType: 'application/json', body: { code: 'NONCE_REPLAYED', message: 'nonce used' } } }],
    ['our own failure (徐汇区 retries a 5xx)', { given: { ok: false, code: 'SOMETHING_NEW', message: 'oops' }, want: { status: 500, contentType: 'application/json', body: { code: 'SOMETHING_NEW', message: 'oops' } } }],
  ])('the reply to 徐汇区 for %s is in its style', (_name, { given, want }) => {
    expect(adapter.callbackReply!(given)).toEqual(want);
  });
});
