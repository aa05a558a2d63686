// The decisions we take as 办理地 on an inbound case, as pure functions (like transitions.ts: no clock,
// no randomness, no I/O; the case given is not changed). Each decision moves the case by the inbound
// table (inboundStateMachine.ts), keeps what it carries on the case, and queues its report to the
// sending region: a handoff job whose step names the decision ('report-accepted' …), with the render
// job that makes the step's signed documents first. The partner's answer to a 补正 moves the case back
// to 待受理 and queues nothing.
import type { CaseRecord, CaseResult, HandoffJob, InboundDecisionEntry, Material, NewCaseEvent, RenderJob } from './case.js';
import type { ServiceItem } from './catalog.js';
import { assertInboundTransition } from './inboundStateMachine.js';
import { deadlineAfter, type WorkCalendar } from './workdays.js';
import { withDeadline } from './transitions.js';
import { GatewayError, type FieldError } from '../errors.js';
import type { Transitioned } from './transitions.js';

export interface Approver { username: string; displayName: string; window: string }

export interface DecisionInput {
  now: Date;
  by: Approver;
  maxAttempts: number;
  /** the working-day calendar the 承诺办结时间 is counted by */
  calendar: WorkCalendar;
  /** ids of the report's handoff job and of its render job */
  ids: { handoffJob: string; renderJob: string };
}

const required = (fields: Array<[string, string | undefined]>): void => {
  const missing: FieldError[] = fields.filter(([, v]) => !v || v.trim() === '').map(([field]) => ({ field, message: '必填' }));
  if (missing.length > 0) throw new GatewayError('VALIDATION_FAILED', `缺少必填项：${missing.map((f) => f.field).join('、')}`, missing);
};

function assertInbound(c: CaseRecord): void {
  if (c.direction !== 'inbound') throw new GatewayError('ILLEGAL_TRANSITION', '本地窗口收件的办件由办理地决定，本地不作受理决定');
}

interface Decision {
  to: CaseRecord['status'];
  step: string;
  entry: Omit<InboundDecisionEntry, 'step' | 'at' | 'by'>;
  type: NewCaseEvent['type'];
  changes: Partial<CaseRecord>;
}

function decide(c: CaseRecord, input: DecisionInput, d: Decision): Transitioned {
  assertInbound(c);
  assertInboundTransition(c.status, d.to);
  const at = input.now.toISOString();
  const actor = `clerk:${input.by.username}`;
  const job: HandoffJob = {
    id: input.ids.handoffJob, partner: c.partner, step: d.step, idempotencyKey: `${c.caseNo}:${c.partner}:${d.step}`,
    status: 'pending', attempts: 0, maxAttempts: input.maxAttempts, nextAttemptAt: at, createdAt: at,
  };
  const render: RenderJob = { id: input.ids.renderJob, step: d.step, status: 'pending', attempts: 0, maxAttempts: input.maxAttempts, nextAttemptAt: at, createdAt: at };
  const entry: InboundDecisionEntry = { step: d.step, at, by: { department: input.by.window, clerk: input.by.displayName, username: input.by.username }, ...d.entry };
  const next: CaseRecord = {
    ...c, ...d.changes, status: d.to, decisions: [...(c.decisions ?? []), entry],
    handoffs: [...c.handoffs, job], renders: [...(c.renders ?? []), render], updatedAt: at,
  };
  const { decision: _d, ...facts } = d.entry;
  return {
    case: next,
    events: [
      { at, actor, type: d.type, data: { step: d.step, ...facts, decidedBy: entry.by.clerk, department: entry.by.department } },
      { at, actor, type: 'case.status_changed', data: { from: c.status, to: d.to } },
      { at, actor, type: 'handoff.queued', data: { jobId: job.id, partner: job.partner, step: d.step, idempotencyKey: job.idempotencyKey, renderJobId: render.id } },
    ],
  };
}

/** 受理: the 承诺办结时间 is our catalog item's time limit in working days, counted from today */
export function acceptInbound(c: CaseRecord, input: DecisionInput & { item: ServiceItem }): Transitioned {
  const deadline = withDeadline(deadlineAfter(input.now, input.item.promisedDays, input.calendar));
  const promisedAt = deadline.promisedAt!;
  return decide(c, input, {
    to: 'accepted', step: 'report-accepted', type: 'inbound.accepted',
    entry: { decision: 'accepted', promisedAt },
    changes: { promisedDays: input.item.promisedDays, ...deadline },
  });
}

/** 补齐补正: which materials are missing (at least one) and why; the N-th request is 'report-supplement-N' */
export function requestInboundSupplement(c: CaseRecord, input: DecisionInput & { missing: Array<{ code?: string; name: string }>; reason: string }): Transitioned {
  if (input.missing.length === 0) throw new GatewayError('VALIDATION_FAILED', '须列明需补正的材料', [{ field: '/missing', message: '至少一项' }]);
  required([['/reason', input.reason], ...input.missing.map((m, i): [string, string] => [`/missing/${i}/name`, m.name])]);
  const round = (c.decisions ?? []).filter((d) => d.decision === 'needs_supplement').length + 1;
  const missing = input.missing.map((m) => ({ ...(m.code ? { code: m.code } : {}), name: m.name }));
  return decide(c, input, {
    to: 'needs_supplement', step: `report-supplement-${round}`, type: 'inbound.supplement_requested',
    entry: { decision: 'needs_supplement', missing, note: input.reason },
    changes: { supplement: { missing: missing.map((m) => m.name), note: input.reason, requestedAt: input.now.toISOString() } },
  });
}

/** 不予受理: the reason and its legal basis, both required */
export function rejectInbound(c: CaseRecord, input: DecisionInput & { reason: string; legalBasis: string }): Transitioned {
  required([['/reason', input.reason], ['/legalBasis', input.legalBasis]]);
  return decide(c, input, {
    to: 'rejected', step: 'report-rejected', type: 'inbound.rejected',
    entry: { decision: 'rejected', reason: input.reason, legalBasis: input.legalBasis },
    changes: { rejection: { reason: input.reason, legalBasis: input.legalBasis, at: input.now.toISOString() } },
  });
}

export interface CompletionInput {
  documentName: string;
  certificateNo?: string;
  /** the result document, already stored as a blob of the case */
  document?: NonNullable<CaseResult['document']>;
  delivery: { method: 'post' | 'electronic'; trackingNo?: string };
}

/** 办结: a result document and/or an 电子证照 number; by post with its 物流单号, or electronically */
export function completeInbound(c: CaseRecord, input: DecisionInput & CompletionInput): Transitioned {
  required([['/documentName', input.documentName]]);
  if (!input.document && !input.certificateNo) {
    throw new GatewayError('VALIDATION_FAILED', '办结须有结果文书或电子证照编号（至少一项）', [{ field: '/certificateNo', message: '无结果文书时必填' }, { field: 'file', message: '无证照编号时必传' }]);
  }
  assertTrackingNo(input.delivery);
  const { method, trackingNo } = input.delivery;
  const result: CaseResult = {
    documentName: input.documentName, ...(input.certificateNo ? { certificateNo: input.certificateNo } : {}),
    ...(input.document ? { document: input.document } : {}), completedAt: input.now.toISOString(),
    delivery: { byPost: method === 'post', electronic: method === 'electronic', ...(trackingNo ? { trackingNo } : {}) },
  };
  return decide(c, input, {
    to: 'completed', step: 'report-completed', type: 'inbound.completed',
    entry: { decision: 'completed', result: { documentName: input.documentName, ...(input.certificateNo ? { certificateNo: input.certificateNo } : {}), delivery: { method, ...(trackingNo ? { trackingNo } : {}) } } },
    changes: { result },
  });
}

/** 送达: the result reached the applicant (by post with its 物流单号, electronically, or at a window) */
export function recordInboundDelivery(c: CaseRecord, input: DecisionInput & { method: 'post' | 'electronic' | 'window'; trackingNo?: string }): Transitioned {
  assertTrackingNo(input);
  const at = input.now.toISOString();
  const { method, trackingNo } = input;
  return decide(c, input, {
    to: 'delivered', step: 'report-delivered', type: 'inbound.delivered',
    entry: { decision: 'delivered', delivered: { method, ...(trackingNo ? { trackingNo } : {}), at } },
    changes: { delivery: { ...c.delivery, byPost: method === 'post', electronic: method === 'electronic', ...(trackingNo ? { trackingNo } : {}) } },
  });
}

function assertTrackingNo(d: { method: string; trackingNo?: string }): void {
  if (d.method === 'post' && !d.trackingNo?.trim()) throw new GatewayError('VALIDATION_FAILED', '邮寄送达须填写物流单号', [{ field: '/trackingNo', message: '必填' }]);
}

export interface SupplementAnswer {
  at: string;
  partner: string;
  idempotencyKey: string;
  bodySha256: string;
  /** checked, hashed and stored already */
  materials: Material[];
}

/** The sending region's answer to our 补正: the materials are attached and the case waits for its decision again. */
export function applyInboundSupplement(c: CaseRecord, input: SupplementAnswer): Transitioned {
  if (c.direction !== 'inbound' || c.partner !== input.partner || !c.inbound) throw new GatewayError('CASE_NOT_FOUND', '该合作地区没有转来此办件');
  assertInboundTransition(c.status, 'received');
  const round = (c.decisions ?? []).filter((d) => d.decision === 'needs_supplement').length;
  const { at } = input;
  const actor = `partner:${input.partner}`;
  const answer = { idempotencyKey: input.idempotencyKey, bodySha256: input.bodySha256, round, receivedAt: at, materialIds: input.materials.map((m) => m.id) };
  const next: CaseRecord = {
    ...c, status: 'received', materials: [...c.materials, ...input.materials],
    inbound: { ...c.inbound, supplements: [...(c.inbound.supplements ?? []), answer] }, updatedAt: at,
  };
  return {
    case: next,
    events: [
      { at, actor, type: 'inbound.supplement_received', data: { round, idempotencyKey: input.idempotencyKey, requestSha256: input.bodySha256, materials: input.materials.map((m) => ({ code: m.code, sha256: m.sha256 })) } },
      { at, actor, type: 'case.status_changed', data: { from: c.status, to: 'received' } },
    ],
  };
}
