// The case transitions as pure functions: the same case and input give the same next case and events,
// the input case is left as it was, and each rule of a move holds here without a store or a clock.
import { describe, expect, test } from 'vitest';
import { loadWorkCalendar } from '../../../gateway/src/calendar.js';
import {
  applyPartnerStatus, attachMaterial, deliverResult, recordCancelAttempt, recordHandoffAttempt, recordRenderOutcome, requestWithdrawal, retryDeadHandoff,
  submit, withdraw, type SubmitInput,
} from '../../../gateway/src/domain/transitions.js';
import { OFFERED_ITEMS } from '../../support/registry.js';
import type { CaseRecord, Material } from '../../../gateway/src/domain/case.js';
import type { PartnerStatusUpdate } from '../../../gateway/src/ports/partner.js';
import { caseRecord } from '../../support/storeCases.js';

const CALENDAR = loadWorkCalendar().calendar;

const item = OFFERED_ITEMS.find((i) => i.partner === '310104')!;
const required = item.materials.filter((m) => m.required);

function draft(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return caseRecord(1, {
    status: 'draft', partner: '310104', itemCode: item.itemCode, promisedDays: 5, handoffs: [], renders: [], publicCode: undefined,
    materials: required.map((m, i) => ({ id: `m${i}`, code: m.code, name: m.name, fileName: `${m.code}.pdf`, mediaType: 'application/pdf', size: 10, sha256: 'a'.repeat(64), pages: 1, addedAt: '2026-12-01T01:00:00.000Z', addedBy: 'zhuji01' })),
    ...overrides,
  });
}

const input = (now = new Date('2026-12-01T02:00:00.000Z')): SubmitInput => ({
  now, actor: 'clerk:zhuji01', item, maxAttempts: 10, calendar: CALENDAR, ids: { handoffJob: 'job-1', renderJob: 'render-1', publicCode: 'ABCDEFGHJKLM' },
});

describe('submit', () => {
  test('a complete draft becomes 已收件 with its delivery and render jobs, the deadline in working days, and three events; the draft is unchanged', () => {
    const c = draft();
    const before = structuredClone(c);
    const out = submit(c, input());
    expect(c).toEqual(before);
    expect(out.case).toMatchObject({ status: 'received', submittedAt: '2026-12-01T02:00:00.000Z', publicCode: 'ABCDEFGHJKLM', updatedAt: '2026-12-01T02:00:00.000Z' });
    expect(out.case.handoffs).toEqual([expect.objectContaining({ id: 'job-1', step: 'submit', status: 'pending', idempotencyKey: `${c.caseNo}:310104:submit`, maxAttempts: 10 })]);
    expect(out.case.renders).toEqual([expect.objectContaining({ id: 'render-1', step: 'submit', status: 'pending' })]);
    // Tuesday 2026-12-01 + 5 working days = Tuesday 2026-12-08
    expect(out.case.promisedAt!.slice(0, 10)).toBe('2026-12-08');
    expect(out.events.map((e) => e.type)).toEqual(['case.submitted', 'case.status_changed', 'handoff.queued']);
    expect(out.events[1]!.data).toEqual({ from: 'draft', to: 'received' });
    expect(submit(draft(), input())).toEqual(out);
  });

  test('a draft without a required material is refused, naming it', () => {
    const c = draft({ materials: [] });
    expect(() => submit(c, input())).toThrow(expect.objectContaining({ code: 'MATERIALS_MISSING', fields: expect.arrayContaining([expect.objectContaining({ field: `/materials/${required[0]!.code}` })]) }));
  });

  test('a case past 已收件 cannot be submitted; one waiting for 补正 is, as the next supplement step, keeping its 查询码', () => {
    expect(() => submit(draft({ status: 'forwarded' }), input())).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    const waiting = draft({ status: 'needs_supplement', publicCode: 'PUBLICCODE22', submittedAt: '2026-11-20T01:00:00.000Z' });
    const first = submit(waiting, input());
    expect(first.case).toMatchObject({ status: 'received', publicCode: 'PUBLICCODE22', submittedAt: '2026-11-20T01:00:00.000Z' });
    expect(first.case.handoffs.at(-1)!.step).toBe('supplement-1');
    const second = submit({ ...first.case, status: 'needs_supplement' }, { ...input(), ids: { handoffJob: 'job-2', renderJob: 'render-2', publicCode: 'X' } });
    expect(second.case.handoffs.map((j) => j.step)).toEqual(['supplement-1', 'supplement-2']);
  });
});

const report = (over: Partial<PartnerStatusUpdate> = {}): PartnerStatusUpdate => ({
  partnerRef: 'XH-1', status: 'accepted', partnerStatus: '2', occurredAt: '2026-12-02T01:00:00.000Z', eventId: 'e-1', ...over,
});
const at = '2026-12-02T01:00:05.000Z';

describe('applyPartnerStatus', () => {
  test('a report the state machine allows moves the case and is recorded; the same eventId again is a duplicate that changes nothing', () => {
    const c = draft({ status: 'forwarded', partnerRef: 'XH-1' });
    const before = structuredClone(c);
    const out = applyPartnerStatus(c, { partner: '310104', report: report(), at });
    expect(c).toEqual(before);
    expect(out.outcome).toBe('applied');
    expect(out.case).toMatchObject({ status: 'accepted', updatedAt: at, partnerEventIds: ['e-1'] });
    expect(out.events.map((e) => e.type)).toEqual(['partner.status_received', 'case.status_changed']);
    const again = applyPartnerStatus(out.case, { partner: '310104', report: report(), at });
    expect(again).toEqual({ case: out.case, events: [], outcome: 'duplicate' });
  });

  test('a report behind the case is ignored and recorded as such; one that skips a step is ignored as illegal', () => {
    const done = draft({ status: 'completed', partnerRef: 'XH-1' });
    const stale = applyPartnerStatus(done, { partner: '310104', report: report({ status: 'accepted', eventId: 'late' }), at });
    expect(stale.outcome).toBe('ignored');
    expect(stale.case.status).toBe('completed');
    expect(stale.events).toEqual([expect.objectContaining({ type: 'partner.status_ignored', data: expect.objectContaining({ why: 'ignore-stale', current: 'completed' }) })]);
    const withdrawn = applyPartnerStatus(draft({ status: 'withdrawn' }), { partner: '310104', report: report({ status: 'completed', eventId: 'x' }), at });
    expect(withdrawn.events[0]!.data.why).toBe('illegal');
  });

  test('a report acting on a case whose acknowledgement we never recorded takes it through 已转递 first', () => {
    const out = applyPartnerStatus(draft({ status: 'received' }), { partner: '310104', report: report({ status: 'accepted' }), at });
    expect(out.case).toMatchObject({ status: 'accepted', partnerRef: 'XH-1' });
    expect(out.events.at(-1)!.data).toEqual({ from: 'forwarded', to: 'accepted' });
  });

  test('what a report carries is kept: what is missing, the reason, the result with its stored document', () => {
    const forwarded = draft({ status: 'forwarded', partnerRef: 'XH-1' });
    expect(applyPartnerStatus(forwarded, { partner: '310104', report: report({ status: 'needs_supplement', missing: ['身份证复印件'], note: '需加盖公章' }), at }).case.supplement)
      .toEqual({ missing: ['身份证复印件'], note: '需加盖公章', requestedAt: '2026-12-02T01:00:00.000Z' });
    expect(applyPartnerStatus(forwarded, { partner: '310104', report: report({ status: 'rejected', reason: '不符合条件' }), at }).case.rejection)
      .toEqual({ reason: '不符合条件', at: '2026-12-02T01:00:00.000Z' });
    const completed = applyPartnerStatus(forwarded, {
      partner: '310104', at, resultDocument: { blob: 'result-abc', sha256: 'b'.repeat(64), size: 99 },
      report: report({ status: 'completed', result: { documentName: '营业执照', certificateNo: 'Z-1', document: { fileName: 'r.pdf', mediaType: 'application/pdf', contentBase64: '' } } }),
    });
    expect(completed.case.result).toMatchObject({ documentName: '营业执照', certificateNo: 'Z-1', document: { blob: 'result-abc', sha256: 'b'.repeat(64), size: 99, fileName: 'r.pdf' } });
    expect(completed.events.map((e) => e.type)).toEqual(['partner.status_received', 'partner.result_received', 'case.status_changed']);
  });

  test('a report from another partner region is refused as an unknown case', () => {
    expect(() => applyPartnerStatus(draft({ status: 'forwarded' }), { partner: '640000', report: report(), at })).toThrow(expect.objectContaining({ code: 'CASE_NOT_FOUND' }));
  });
});

describe('withdraw and deliverResult', () => {
  test('withdrawing cancels every job still pending or dead, and only before the partner has the case (or during 补正)', () => {
    const received = submit(draft(), input()).case;
    const dead = { ...received, handoffs: received.handoffs.map((j) => ({ ...j, status: 'dead' as const })) };
    const out = withdraw(dead, { at, actor: 'clerk:zhuji01', reason: '申请人撤回' });
    expect(out.case.status).toBe('withdrawn');
    expect([...out.case.handoffs, ...(out.case.renders ?? [])].map((j) => j.status)).toEqual(['cancelled', 'cancelled']);
    expect(dead.handoffs[0]!.status).toBe('dead');
    expect(out.events.map((e) => e.type)).toEqual(['case.withdrawn', 'case.status_changed']);
    const delivered = { ...received, status: 'forwarded' as const, handoffs: received.handoffs.map((j) => ({ ...j, status: 'delivered' as const })) };
    expect(() => withdraw(delivered, { at, actor: 'clerk:zhuji01', reason: 'x' })).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    expect(withdraw({ ...delivered, status: 'needs_supplement' }, { at, actor: 'clerk:zhuji01', reason: 'x' }).case.status).toBe('withdrawn');
  });

  test('a result is delivered from 办结 only, by post only with its 物流单号', () => {
    const completed = draft({ status: 'completed' });
    const out = deliverResult(completed, { at, actor: 'clerk:zhuji01', clerkName: '王芳', method: 'post', trackingNo: 'SF1234567890' });
    expect(out.case).toMatchObject({ status: 'delivered', delivery: { byPost: true, electronic: false, trackingNo: 'SF1234567890' } });
    expect(out.events[0]!.data).toEqual({ method: 'post', trackingNo: 'SF1234567890', clerkName: '王芳' });
    expect(() => deliverResult(completed, { at, actor: 'clerk:zhuji01', clerkName: '王芳', method: 'post' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => deliverResult(draft({ status: 'accepted' }), { at, actor: 'clerk:zhuji01', clerkName: '王芳', method: 'window' })).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });
});

describe('recordHandoffAttempt', () => {
  const now = new Date('2026-12-01T03:00:00.000Z');
  const received = () => submit(draft(), input()).case;

  test('delivered: the job is done, the partner’s reference kept, and a case still 已收件 is 已转递', () => {
    const c = received();
    const out = recordHandoffAttempt(c, { jobId: 'job-1', now, outcome: { ok: true, partnerRef: 'XH-9', partnerStatus: '1' }, evidence: { owner: 'gw-a' }, retryInMs: 100 });
    expect(c.handoffs[0]!.status).toBe('pending');
    expect(out.case).toMatchObject({ status: 'forwarded', partnerRef: 'XH-9' });
    expect(out.case.handoffs[0]).toMatchObject({ status: 'delivered', attempts: 1, deliveredAt: now.toISOString() });
    expect(out.events.map((e) => e.type)).toEqual(['handoff.attempt', 'handoff.delivered', 'case.status_changed']);
  });

  test('failed: retried after the delay while attempts are left and the failure allows it, else dead-lettered; a job no longer pending changes nothing', () => {
    const c = received();
    const failed = recordHandoffAttempt(c, { jobId: 'job-1', now, outcome: { ok: false, code: 'PARTNER_UNAVAILABLE', message: '502', retryable: true }, evidence: {}, retryInMs: 1500 });
    expect(failed.case.status).toBe('received');
    expect(failed.case.handoffs[0]).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: '2026-12-01T03:00:01.500Z', lastError: { code: 'PARTNER_UNAVAILABLE' } });
    expect(failed.events.map((e) => e.type)).toEqual(['handoff.attempt', 'handoff.failed']);
    const refused = recordHandoffAttempt(c, { jobId: 'job-1', now, outcome: { ok: false, code: 'PARTNER_REJECTED', message: '材料不全', retryable: false }, evidence: {}, retryInMs: 1500 });
    expect(refused.case.handoffs[0]!.status).toBe('dead');
    const last = { ...c, handoffs: c.handoffs.map((j) => ({ ...j, attempts: j.maxAttempts - 1 })) };
    expect(recordHandoffAttempt(last, { jobId: 'job-1', now, outcome: { ok: false, code: 'PARTNER_UNAVAILABLE', message: 'x', retryable: true }, evidence: {}, retryInMs: 1 }).events.at(-1)!.type).toBe('handoff.dead_lettered');
    const cancelled = withdraw(c, { at, actor: 'clerk:zhuji01', reason: 'x' }).case;
    expect(recordHandoffAttempt(cancelled, { jobId: 'job-1', now, outcome: { ok: true, partnerRef: 'XH-9' }, evidence: {}, retryInMs: 1 })).toEqual({ case: cancelled, events: [] });
  });
});

describe('recordRenderOutcome and retryDeadHandoff', () => {
  const now = new Date('2026-12-01T03:00:00.000Z');
  const received = () => submit(draft(), input()).case;
  const fail = (c: CaseRecord) => recordRenderOutcome(c, { jobId: 'render-1', now, failure: 'font missing', retryInMs: 2000 });

  test('rendered: the render job is done and the delivery it held up untouched; the input case is unchanged', () => {
    const c = received();
    const before = structuredClone(c);
    const out = recordRenderOutcome(c, { jobId: 'render-1', now, retryInMs: 2000 });
    expect(c).toEqual(before);
    expect(out.events).toEqual([]);
    expect(out.case.renders![0]).toMatchObject({ status: 'done', attempts: 1, doneAt: now.toISOString() });
    expect(out.case.handoffs).toEqual(c.handoffs);
  });

  test('failed: retried after the delay with document.render_failed; out of attempts, dead-lettered with its delivery', () => {
    const first = fail(received());
    expect(first.case.renders![0]).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: '2026-12-01T03:00:02.000Z', lastError: { code: 'INTERNAL', message: '随件文书生成失败：font missing' } });
    expect(first.events).toEqual([expect.objectContaining({ type: 'document.render_failed', data: expect.objectContaining({ attempt: 1, nextAttemptAt: '2026-12-01T03:00:02.000Z' }) })]);
    expect(first.case.handoffs[0]!.status).toBe('pending');
    const last = { ...received(), renders: received().renders!.map((r) => ({ ...r, attempts: r.maxAttempts - 1 })) };
    const dead = fail(last);
    expect(dead.case.renders![0]!.status).toBe('dead');
    expect(dead.case.handoffs[0]).toMatchObject({ status: 'dead', lastError: { code: 'INTERNAL' } });
    expect(dead.events.map((e) => e.type)).toEqual(['document.render_failed', 'handoff.dead_lettered']);
    expect(dead.events[0]!.data.nextAttemptAt).toBeNull();
    // a render job no longer pending (withdrawn meanwhile) changes nothing
    const withdrawn = withdraw(received(), { at, actor: 'clerk:zhuji01', reason: 'x' }).case;
    expect(fail(withdrawn)).toEqual({ case: withdrawn, events: [] });
  });

  test('a clerk retries a dead delivery with a fresh budget, its dead render step with it; only a dead job can be retried', () => {
    const last = { ...received(), renders: received().renders!.map((r) => ({ ...r, attempts: r.maxAttempts - 1 })) };
    const dead = fail(last).case;
    const out = retryDeadHandoff(dead, { jobId: 'job-1', at, actor: 'clerk:zhuji01', maxAttempts: 10 });
    expect(out.case.handoffs[0]).toMatchObject({ status: 'pending', nextAttemptAt: at, maxAttempts: 10, idempotencyKey: dead.handoffs[0]!.idempotencyKey });
    expect(out.case.renders![0]).toMatchObject({ status: 'pending', nextAttemptAt: at, maxAttempts: 20 });
    expect(out.events).toEqual([expect.objectContaining({ type: 'handoff.retried', actor: 'clerk:zhuji01', data: { jobId: 'job-1', previousError: expect.objectContaining({ code: 'INTERNAL' }) } })]);
    expect(dead.handoffs[0]!.status).toBe('dead');
    expect(() => retryDeadHandoff(received(), { jobId: 'job-1', at, actor: 'clerk:zhuji01', maxAttempts: 10 })).toThrow(expect.objectContaining({ code: 'HANDOFF_NOT_DEAD' }));
    expect(() => retryDeadHandoff(received(), { jobId: 'nope', at, actor: 'clerk:zhuji01', maxAttempts: 10 })).toThrow(expect.objectContaining({ code: 'HANDOFF_NOT_FOUND' }));
  });
});

describe('attachMaterial', () => {
  const material: Material = { id: 'm-new', code: 'extra', name: '其他材料', fileName: 'x.pdf', mediaType: 'application/pdf', size: 3, sha256: 'b'.repeat(64), pages: 1, addedAt: at, addedBy: 'zhuji01' };

  test('a draft or a case waiting for 补正 takes a material, with case.material_added; a submitted case does not', () => {
    const c = draft();
    const out = attachMaterial(c, { material, actor: 'clerk:zhuji01' });
    expect(out.case.materials.at(-1)).toEqual(material);
    expect(c.materials).toHaveLength(required.length);
    expect(out.case.updatedAt).toBe(at);
    expect(out.events).toEqual([{ at, actor: 'clerk:zhuji01', type: 'case.material_added', data: { materialId: 'm-new', code: 'extra', sha256: material.sha256, size: 3, pages: 1 } }]);
    expect(attachMaterial(draft({ status: 'needs_supplement' }), { material, actor: 'clerk:zhuji01' }).case.materials).toHaveLength(required.length + 1);
    expect(() => attachMaterial(draft({ status: 'received' }), { material, actor: 'clerk:zhuji01' })).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });
});

describe('requestWithdrawal and recordCancelAttempt (撤件 through the partner)', () => {
  const now = new Date('2026-12-02T03:00:00.000Z');
  const forwarded = () => recordHandoffAttempt(submit(draft(), input()).case, { jobId: 'job-1', now, outcome: { ok: true, partnerRef: 'XH-9' }, evidence: {}, retryInMs: 1 }).case;
  const asked = () => requestWithdrawal(forwarded(), { at, actor: 'clerk:zhuji01', reason: '申请人不再办理', jobId: 'cancel-1', maxAttempts: 10 });
  const answer = (c: CaseRecord, outcome: Parameters<typeof recordCancelAttempt>[1]['outcome']) => recordCancelAttempt(c, { jobId: 'cancel-1', now, outcome, evidence: {}, retryInMs: 500 });

  test('a forwarded case gets a cancel step with a stable key and stays where it is until the partner answers', () => {
    const out = asked();
    expect(out.case.status).toBe('forwarded');
    expect(out.case.withdrawal).toEqual({ state: 'requested', reason: '申请人不再办理', requestedAt: at, requestedBy: 'clerk:zhuji01', jobId: 'cancel-1' });
    expect(out.case.handoffs.at(-1)).toMatchObject({ id: 'cancel-1', step: 'cancel', status: 'pending', idempotencyKey: `${out.case.caseNo}:310104:cancel` });
    expect(out.events.map((e) => e.type)).toEqual(['case.withdrawal_requested', 'handoff.queued']);
  });

  test.each([
    ['a draft', () => draft()],
    ['a case the partner does not have yet', () => submit(draft(), input()).case],
    ['a completed case', () => ({ ...forwarded(), status: 'completed' as const })],
  ])('%s cannot be withdrawn through the partner', (_name, make) => {
    expect(() => requestWithdrawal(make(), { at, actor: 'clerk:zhuji01', reason: 'x', jobId: 'c', maxAttempts: 3 })).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });

  test('a second request is refused while one is pending, or after the partner answered', () => {
    expect(() => requestWithdrawal(asked().case, { at, actor: 'clerk:zhuji01', reason: 'x', jobId: 'c', maxAttempts: 3 })).toThrow(expect.objectContaining({ code: 'WITHDRAWAL_EXISTS' }));
  });

  test('withdrawn: the case is 已撤回, every other pending job cancelled; refused: the case keeps its status and the reason is kept', () => {
    const waiting = asked().case;
    const withSupplement = { ...waiting, handoffs: [...waiting.handoffs, { ...waiting.handoffs[0]!, id: 'job-2', step: 'supplement-1', status: 'pending' as const }] };
    const done = answer(withSupplement, { ok: true, answer: { outcome: 'withdrawn', partnerStatus: 'WITHDRAWN', occurredAt: at } });
    expect(done.case.status).toBe('withdrawn');
    expect(done.case.withdrawal).toMatchObject({ state: 'withdrawn', answeredAt: now.toISOString(), partnerStatus: 'WITHDRAWN' });
    expect(done.case.handoffs.map((j) => [j.step, j.status])).toEqual([['submit', 'delivered'], ['cancel', 'delivered'], ['supplement-1', 'cancelled']]);
    expect(done.events.map((e) => e.type)).toEqual(['handoff.attempt', 'handoff.delivered', 'case.withdrawn', 'case.status_changed']);

    const refused = answer(waiting, { ok: true, answer: { outcome: 'refused', partnerStatus: 'COMPLETED', reason: '办件已办结，不能撤回', decided: 'completed' } });
    expect(refused.case.status).toBe('forwarded');
    expect(refused.case.withdrawal).toMatchObject({ state: 'refused', refusal: '办件已办结，不能撤回' });
    expect(refused.events.at(-1)).toMatchObject({ type: 'case.withdrawal_refused', data: { decided: 'completed' } });
  });

  test('a "withdrawn" answer after we recorded the partner\'s decision does not undo it; a failure is retried like a delivery', () => {
    const decided = { ...asked().case, status: 'completed' as const };
    const contradicted = answer(decided, { ok: true, answer: { outcome: 'withdrawn', partnerStatus: 'WITHDRAWN', occurredAt: at } });
    expect(contradicted.case.status).toBe('completed');
    expect(contradicted.case.withdrawal?.state).toBe('refused');
    const failed = answer(asked().case, { ok: false, code: 'PARTNER_UNAVAILABLE', message: '503', retryable: true });
    expect(failed.case.handoffs.at(-1)).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: '2026-12-02T03:00:00.500Z' });
    expect(failed.case.withdrawal?.state).toBe('requested');
  });
});
