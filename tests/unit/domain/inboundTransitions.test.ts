// Our decisions as 办理地 on an inbound case, as pure functions: each moves the case by the inbound
// table, keeps what it carries, and queues a report step to the sending region; the input case is left
// as it was; every move the table does not have is refused.
import { describe, expect, test } from 'vitest';
import { loadWorkCalendar } from '../../../gateway/src/calendar.js';
import {
  acceptInbound, applyInboundSupplement, completeInbound, recordInboundDelivery, rejectInbound, requestInboundSupplement, type DecisionInput,
} from '../../../gateway/src/domain/inboundTransitions.js';
import { INBOUND_TRANSITIONS, canInboundTransition, nextInboundStatuses } from '../../../gateway/src/domain/inboundStateMachine.js';
import { DECIDED_HERE } from '../../../gateway/src/domain/catalog.js';
import { CASE_STATUSES, type CaseRecord, type CaseStatus, type Material } from '../../../gateway/src/domain/case.js';
import { recordHandoffAttempt, type Transitioned } from '../../../gateway/src/domain/transitions.js';
import { caseRecord } from '../../support/storeCases.js';

const CALENDAR = loadWorkCalendar().calendar;

const item = DECIDED_HERE.find((i) => i.itemCode === '000109004000' && i.partner === '330681')!;
const now = new Date('2026-12-01T02:00:00.000Z'); // a Tuesday
const base = (): DecisionInput => ({ now, by: { username: 'zhuji-sp01', displayName: '孙伟', window: '诸暨市行政审批局' }, maxAttempts: 10, calendar: CALENDAR, ids: { handoffJob: 'job-1', renderJob: 'render-1' } });

function inbound(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return caseRecord(1, {
    direction: 'inbound', partner: '640000', acceptRegion: '640104', handlingRegion: '330681', itemCode: item.itemCode, status: 'received',
    createdBy: 'partner:640000', inbound: { partnerCaseNo: 'NX-1', idempotencyKey: 'NX-1:handoff', bodySha256: 'b'.repeat(64), receivedAt: '2026-11-30T01:00:00.000Z' },
    ...overrides,
  });
}

const material: Material = { id: 'm9', code: 'M03', name: '住所证明', fileName: 'zs.pdf', mediaType: 'application/pdf', size: 10, sha256: 'c'.repeat(64), pages: 1, addedAt: '2026-12-02T01:00:00.000Z', addedBy: 'partner:640000' };

type Move = (c: CaseRecord) => Transitioned;
const MOVES: Record<string, { to: CaseStatus; run: Move }> = {
  accept: { to: 'accepted', run: (c) => acceptInbound(c, { ...base(), item }) },
  supplement: { to: 'needs_supplement', run: (c) => requestInboundSupplement(c, { ...base(), missing: [{ code: 'M03', name: '迁入地合法稳定住所证明' }], reason: '住所证明未提交' }) },
  reject: { to: 'rejected', run: (c) => rejectInbound(c, { ...base(), reason: '不符合迁入条件', legalBasis: '《浙江省户口登记管理规定》' }) },
  complete: { to: 'completed', run: (c) => completeInbound(c, { ...base(), documentName: '准迁证', certificateNo: 'ZJ-1', delivery: { method: 'electronic' } }) },
  deliver: { to: 'delivered', run: (c) => recordInboundDelivery(c, { ...base(), method: 'post', trackingNo: 'SF1' }) },
  answer: { to: 'received', run: (c) => applyInboundSupplement(c, { at: '2026-12-02T01:00:00.000Z', partner: '640000', idempotencyKey: 'NX-1:bz1', bodySha256: 'd'.repeat(64), materials: [material] }) },
};

describe('the inbound state machine', () => {
  test('has the moves of the 办理地 and nothing else', () => {
    expect(INBOUND_TRANSITIONS.map((t) => `${t.from}>${t.to}`).sort()).toEqual([
      'accepted>completed', 'completed>delivered', 'needs_supplement>received', 'needs_supplement>rejected', 'received>accepted', 'received>needs_supplement', 'received>rejected',
    ]);
    expect(nextInboundStatuses('received').sort()).toEqual(['accepted', 'needs_supplement', 'rejected']);
    expect(nextInboundStatuses('rejected')).toEqual([]);
  });

  const illegal = Object.entries(MOVES).flatMap(([name, m]) => (Object.keys(CASE_STATUSES) as CaseStatus[])
    .filter((from) => !canInboundTransition(from, m.to)).map((from) => [name, from] as const));
  test.each(illegal)('%s from %s is refused with ILLEGAL_TRANSITION', (name, from) => {
    const c = inbound({ status: from });
    expect(() => MOVES[name]!.run(c)).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });

  test.each(Object.keys(MOVES).filter((n) => n !== 'answer'))('%s of an outbound case (we are 收件地) is refused', (name) => {
    const from = INBOUND_TRANSITIONS.find((t) => t.to === MOVES[name]!.to)!.from;
    expect(() => MOVES[name]!.run(inbound({ status: from, direction: 'outbound' }))).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });
});

describe('each decision queues its report step', () => {
  test.each([
    ['accept', 'received', 'report-accepted', 'inbound.accepted'],
    ['supplement', 'received', 'report-supplement-1', 'inbound.supplement_requested'],
    ['reject', 'received', 'report-rejected', 'inbound.rejected'],
    ['reject', 'needs_supplement', 'report-rejected', 'inbound.rejected'],
    ['complete', 'accepted', 'report-completed', 'inbound.completed'],
    ['deliver', 'completed', 'report-delivered', 'inbound.delivered'],
  ] as const)('%s from %s: step %s, event %s; the input case is unchanged', (name, from, step, type) => {
    const c = inbound({ status: from });
    const before = structuredClone(c);
    const out = MOVES[name]!.run(c);
    expect(c).toEqual(before);
    expect(out.case.status).toBe(MOVES[name]!.to);
    expect(out.case.handoffs).toEqual([expect.objectContaining({ id: 'job-1', partner: '640000', step, status: 'pending', idempotencyKey: `${c.caseNo}:640000:${step}` })]);
    expect(out.case.renders).toEqual([expect.objectContaining({ id: 'render-1', step, status: 'pending' })]);
    expect(out.case.decisions).toEqual([expect.objectContaining({ step, at: now.toISOString(), by: { department: '诸暨市行政审批局', clerk: '孙伟', username: 'zhuji-sp01' } })]);
    expect(out.events.map((e) => e.type)).toEqual([type, 'case.status_changed', 'handoff.queued']);
    expect(out.events.every((e) => e.actor === 'clerk:zhuji-sp01')).toBe(true);
    expect(MOVES[name]!.run(structuredClone(before))).toEqual(out);
  });
});

describe('what each decision carries', () => {
  test('受理 sets the 承诺办结时间 from our catalog, in working days', () => {
    const out = MOVES.accept!.run(inbound({ promisedDays: 10 }));
    // Tuesday 2026-12-01 + 5 working days (户口迁移 in our catalog) = Tuesday 2026-12-08
    expect(out.case.promisedDays).toBe(5);
    expect(out.case.promisedAt!.slice(0, 10)).toBe('2026-12-08');
    expect(out.case.decisions![0]).toMatchObject({ decision: 'accepted', promisedAt: out.case.promisedAt });
  });

  test('补正 keeps the missing materials and the reason; the second request is report-supplement-2', () => {
    const first = MOVES.supplement!.run(inbound());
    expect(first.case.supplement).toEqual({ missing: ['迁入地合法稳定住所证明'], note: '住所证明未提交', requestedAt: now.toISOString() });
    expect(first.case.decisions![0]).toMatchObject({ missing: [{ code: 'M03', name: '迁入地合法稳定住所证明' }], note: '住所证明未提交' });
    const answered = MOVES.answer!.run(first.case);
    const second = requestInboundSupplement(answered.case, { ...base(), ids: { handoffJob: 'job-2', renderJob: 'render-2' }, missing: [{ name: '住所证明原件' }], reason: '复印件不清晰' });
    expect(second.case.handoffs.map((j) => j.step)).toEqual(['report-supplement-1', 'report-supplement-2']);
  });

  test('不予受理 keeps the reason and its legal basis', () => {
    expect(MOVES.reject!.run(inbound()).case.rejection).toEqual({ reason: '不符合迁入条件', legalBasis: '《浙江省户口登记管理规定》', at: now.toISOString() });
  });

  test('办结 keeps the result and how it goes to the applicant', () => {
    const document = { fileName: 'zqz.pdf', mediaType: 'application/pdf', size: 10, sha256: 'e'.repeat(64), blob: 'result-1' };
    const out = completeInbound(inbound({ status: 'accepted' }), { ...base(), documentName: '准迁证', document, delivery: { method: 'post', trackingNo: 'SF9' } });
    expect(out.case.result).toEqual({ documentName: '准迁证', document, completedAt: now.toISOString(), delivery: { byPost: true, electronic: false, trackingNo: 'SF9' } });
    expect(out.case.decisions![0]!.result).toEqual({ documentName: '准迁证', delivery: { method: 'post', trackingNo: 'SF9' } });
  });

  test('the partner’s answer to a 补正 attaches the materials, remembers its key, and queues nothing', () => {
    const waiting = MOVES.supplement!.run(inbound()).case;
    const out = MOVES.answer!.run(waiting);
    expect(out.case.status).toBe('received');
    expect(out.case.materials.at(-1)).toEqual(material);
    expect(out.case.inbound!.supplements).toEqual([{ idempotencyKey: 'NX-1:bz1', bodySha256: 'd'.repeat(64), round: 1, receivedAt: '2026-12-02T01:00:00.000Z', materialIds: ['m9'] }]);
    expect(out.case.handoffs).toEqual(waiting.handoffs);
    expect(out.events.map((e) => e.type)).toEqual(['inbound.supplement_received', 'case.status_changed']);
    expect(() => applyInboundSupplement(waiting, { at: '2026-12-02T01:00:00.000Z', partner: '310104', idempotencyKey: 'k'.repeat(8), bodySha256: 'd'.repeat(64), materials: [] }))
      .toThrow(expect.objectContaining({ code: 'CASE_NOT_FOUND' }));
  });
});

describe('bad input is refused, naming the field', () => {
  test.each<[string, () => Transitioned, string]>([
    ['补正 without materials', () => requestInboundSupplement(inbound(), { ...base(), missing: [], reason: '缺材料' }), '/missing'],
    ['补正 without a reason', () => requestInboundSupplement(inbound(), { ...base(), missing: [{ name: '住所证明' }], reason: ' ' }), '/reason'],
    ['补正 of a material without a name', () => requestInboundSupplement(inbound(), { ...base(), missing: [{ code: 'M03', name: '' }], reason: '缺材料' }), '/missing/0/name'],
    ['不予受理 without a legal basis', () => rejectInbound(inbound(), { ...base(), reason: '不符合条件', legalBasis: '' }), '/legalBasis'],
    ['不予受理 without a reason', () => rejectInbound(inbound(), { ...base(), reason: '', legalBasis: '《行政许可法》第三十二条' }), '/reason'],
    ['办结 with neither document nor certificate', () => completeInbound(inbound({ status: 'accepted' }), { ...base(), documentName: '准迁证', delivery: { method: 'electronic' } }), '/certificateNo'],
    ['办结 by post without a 物流单号', () => completeInbound(inbound({ status: 'accepted' }), { ...base(), documentName: '准迁证', certificateNo: 'ZJ-1', delivery: { method: 'post' } }), '/trackingNo'],
    ['送达 by post without a 物流单号', () => recordInboundDelivery(inbound({ status: 'completed' }), { ...base(), method: 'post' }), '/trackingNo'],
  ])('%s', (_name, run, field) => {
    expect(run).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', fields: expect.arrayContaining([expect.objectContaining({ field })]) }));
  });
});

describe('a report reaching the sending region', () => {
  test('marks its job delivered and changes nothing else of the case: not its status, not its partner reference', () => {
    const waiting = MOVES.supplement!.run(inbound()).case;
    const answered = MOVES.answer!.run(waiting).case; // 待受理 again, while the report of the 补正 is still pending
    const out = recordHandoffAttempt(answered, { jobId: 'job-1', now: new Date('2026-12-02T02:00:00.000Z'), outcome: { ok: true, partnerRef: 'NX-1', partnerStatus: '0000' }, evidence: {}, retryInMs: 0 });
    expect(out.case.status).toBe('received');
    expect(out.case.partnerRef).toBeUndefined();
    expect(out.case.handoffs[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(out.events.map((e) => e.type)).toEqual(['handoff.attempt', 'handoff.delivered']);
  });
});
