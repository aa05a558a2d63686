import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Decision } from '../_kit/sim-server.js';
import type { PartnerStatusUpdate } from '../../gateway/src/ports/partner.js';
import { context, failureOf, handoff, startHarness, type Harness } from './testing.js';

const CASE_NO = '330681-20261122-K7Q2M9XA';
let h: Harness;
beforeEach(async () => { h = await startHarness(); });
afterEach(async () => { await h.sim.close(); });

const poll = (ref: string, caseNo = CASE_NO): Promise<PartnerStatusUpdate[]> => h.adapter.pollStatus!(ref, caseNo, context().ctx);

describe('pollStatus: 汉中\'s decisions come back as canonical updates', () => {
  test.each<[string, { given: Decision; want: Partial<PartnerStatusUpdate> }]>([
    ['accepts the case (受理)', { given: { to: 'accepted' }, want: { status: 'accepted', partnerStatus: '2' } }],
    ['asks for 补齐补正', {
      given: { to: 'needs_supplement', missing: ['身份证复印件', '授权委托书'] },
      want: { status: 'needs_supplement', partnerStatus: '11', missing: ['身份证复印件', '授权委托书'] },
    }],
    ['refuses it (不予受理)', { given: { to: 'rejected', reason: '不属于本机关管辖' }, want: { status: 'rejected', partnerStatus: '5', reason: '不属于本机关管辖' } }],
    ['completes it (办结), posting the result', {
      given: { to: 'completed', result: { documentName: '准予注销登记通知书', certificateNo: 'HZ-ZX-001', byPost: true, trackingNo: 'SF1234567890' } },
      want: {
        status: 'completed', partnerStatus: '4',
        result: {
          documentName: '准予注销登记通知书', certificateNo: 'HZ-ZX-001', delivery: { byPost: true, electronic: false, trackingNo: 'SF1234567890' },
          document: { fileName: expect.stringMatching(/准予注销登记通知书\.pdf$/), mediaType: 'application/pdf', contentBase64: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        },
      },
    }],
  ])('when 汉中 %s, the poll shows it after 收件, in order, with stable eventIds', async (_name, { given, want }) => {
    const { partnerRef } = await h.adapter.deliver(handoff(), context().ctx);
    await h.decide(partnerRef, given);
    const first = await poll(partnerRef);
    expect(first).toMatchObject([
      { partnerRef, caseNo: CASE_NO, status: 'forwarded', partnerStatus: '1' },
      { partnerRef, caseNo: CASE_NO, ...want },
    ]);
    const again = await poll(partnerRef);
    expect(again.map((u) => u.eventId)).toEqual(first.map((u) => u.eventId));
    expect(new Set(first.map((u) => u.eventId)).size).toBe(2);
  });

  test('when the case goes through 补齐补正 and comes back, the whole history is reported in order', async () => {
    const { partnerRef } = await h.adapter.deliver(handoff(), context().ctx);
    await h.decide(partnerRef, { to: 'accepted' });
    await h.decide(partnerRef, { to: 'needs_supplement', missing: ['营业执照正副本'] });
    const supplement = await h.adapter.deliver(handoff({ key: 'job-2', step: 'supplement-1' }), context().ctx);
    expect(supplement).toEqual({ partnerRef, partnerStatus: '1', status: 'forwarded' });
    await h.decide(partnerRef, { to: 'accepted' });
    await h.decide(partnerRef, { to: 'completed', result: { documentName: '准予注销登记通知书' } });
    const first = await poll(partnerRef);
    expect(first.map((u) => [u.partnerStatus, u.status])).toEqual([
      ['1', 'forwarded'], ['2', 'accepted'], ['11', 'needs_supplement'], ['1', 'forwarded'], ['2', 'accepted'], ['4', 'completed'],
    ]);
    expect((await poll(partnerRef)).map((u) => u.eventId)).toEqual(first.map((u) => u.eventId));
    expect((await h.state()).cases).toHaveLength(1);
  });

  test('when a 补正 arrives while 汉中 is not waiting for one, it is refused with 3006', async () => {
    await h.adapter.deliver(handoff(), context().ctx);
    const failure = await failureOf(h.adapter.deliver(handoff({ key: 'job-2', step: 'supplement-1' }), context().ctx));
    expect({ code: failure.code, retryable: failure.retryable }).toEqual({ code: 'PARTNER_REJECTED', retryable: false });
    expect(failure.message).toContain('[3006]');
  });
});

describe('pollStatus: what 汉中 does not know', () => {
  test('when 汉中 has no such 申报流水号, the poll is refused with 3004', async () => {
    const failure = await failureOf(poll('SB61070020260101999999'));
    expect({ code: failure.code, message: failure.message }).toEqual({ code: 'PARTNER_REJECTED', message: expect.stringContaining('[3004]') });
  });

  test('when the 申报流水号 belongs to another of our cases, the poll is refused rather than misfiled', async () => {
    const { partnerRef } = await h.adapter.deliver(handoff(), context().ctx);
    expect((await failureOf(poll(partnerRef, '330681-20261122-SOMEONE9'))).code).toBe('PARTNER_CONTRACT_VIOLATION');
  });
});

describe('demo mode', () => {
  test('when the simulator advances cases on its own, a delivered case is accepted and then completed', async () => {
    const demo = await startHarness({ autoAdvance: { acceptAfterMs: 20, completeAfterMs: 60 } });
    try {
      const { partnerRef } = await demo.adapter.deliver(handoff(), context().ctx);
      await vi.waitFor(async () => {
        const updates = await demo.adapter.pollStatus!(partnerRef, CASE_NO, context().ctx);
        expect(updates.map((u) => u.status)).toEqual(['forwarded', 'accepted', 'completed']);
      }, { timeout: 5000, interval: 50 });
    } finally {
      await demo.sim.close();
    }
  });
});
