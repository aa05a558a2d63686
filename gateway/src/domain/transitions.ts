// Case transitions as pure functions: a case and what happened in, the next case and its events out.
// No clock, no randomness, no I/O: the use cases read the case in a transaction, call one of these with
// the time and the ids it needs, and write what it returns in the same transaction (the store's
// updateCase). Every rule of a move is here, where a unit test can hold it.
import type { CaseRecord, HandoffJob, Material, NewCaseEvent, RenderJob } from './case.js';
import type { CancelAnswer, PartnerExchange } from '../ports/partner.js';
import type { ServiceItem } from './catalog.js';
import { assertTransition, planPartnerStatus, statusLabel, type PartnerStatusPlan } from './stateMachine.js';
import { deadlineAfter, type Deadline, type WorkCalendar } from './workdays.js';
import { GatewayError, type FieldError } from '../errors.js';
import type { PartnerStatusUpdate } from '../ports/partner.js';

export interface Transitioned {
  case: CaseRecord;
  events: NewCaseEvent[];
}

export interface SubmitInput {
  now: Date;
  /** 'clerk:<username>' */
  actor: string;
  /** the case's item, from the catalog */
  item: ServiceItem;
  maxAttempts: number;
  /** the working-day calendar the 承诺办结时间 is counted by */
  calendar: WorkCalendar;
  /** ids for the new handoff and render jobs, and a 查询码 should the case have none yet */
  ids: { handoffJob: string; renderJob: string; publicCode: string };
}

/**
 * 形式审查 passed: the case becomes 已收件 with its handoff step queued (a delivery job, and the render
 * job that makes its documents first). A case waiting for 补正 is submitted the same way once the missing
 * materials are added: its step is the next 'supplement-N', and the time limit runs again from then.
 */
export function submit(c: CaseRecord, input: SubmitInput): Transitioned {
  assertTransition(c.status, 'received');
  assertRequiredMaterials(input.item, c.materials);
  const at = input.now.toISOString();
  const step = c.status === 'needs_supplement' ? `supplement-${c.handoffs.filter((j) => j.step.startsWith('supplement-')).length + 1}` : 'submit';
  const job: HandoffJob = {
    id: input.ids.handoffJob, partner: c.partner, step,
    // stable per (case, partner, step): every retry, after any restart, carries the same key
    idempotencyKey: `${c.caseNo}:${c.partner}:${step}`,
    status: 'pending', attempts: 0, maxAttempts: input.maxAttempts, nextAttemptAt: at, createdAt: at,
  };
  const render: RenderJob = { id: input.ids.renderJob, step, status: 'pending', attempts: 0, maxAttempts: input.maxAttempts, nextAttemptAt: at, createdAt: at };
  const deadline = deadlineAfter(input.now, c.promisedDays, input.calendar);
  const next: CaseRecord = {
    ...c,
    status: 'received',
    submittedAt: c.submittedAt ?? at,
    publicCode: c.publicCode ?? input.ids.publicCode,
    ...withDeadline(deadline),
    handoffs: [...c.handoffs, job],
    renders: [...(c.renders ?? []), render],
    updatedAt: at,
  };
  return {
    case: next,
    events: [
      { at, actor: input.actor, type: 'case.submitted', data: { step, materials: c.materials.map((m) => ({ code: m.code, sha256: m.sha256 })), promisedAt: next.promisedAt, ...(deadline.unknownYears.length > 0 ? { promisedAtProvisional: deadline.unknownYears } : {}) } },
      { at, actor: input.actor, type: 'case.status_changed', data: { from: c.status, to: 'received' } },
      { at, actor: input.actor, type: 'handoff.queued', data: { jobId: job.id, partner: job.partner, step, idempotencyKey: job.idempotencyKey, renderJobId: render.id } },
    ],
  };
}

/**
 * The case's 承诺办结时间, and the years it was counted through without their official holiday list (then
 * it is provisional, and says so wherever it is shown), or none
 */
export function withDeadline(d: Deadline): Pick<CaseRecord, 'promisedAt' | 'promisedAtUnknownYears'> {
  return { promisedAt: d.at.toISOString(), promisedAtUnknownYears: d.unknownYears.length > 0 ? d.unknownYears : undefined };
}

/** every material the item requires is there (by its code) */
export function assertRequiredMaterials(item: ServiceItem, materials: Material[]): void {
  const missing = item.materials.filter((m) => m.required && !materials.some((x) => x.code === m.code));
  if (missing.length > 0) {
    const fields: FieldError[] = missing.map((m) => ({ field: `/materials/${m.code}`, message: `缺少必交材料：${m.name}` }));
    throw new GatewayError('MATERIALS_MISSING', `缺少必交材料：${missing.map((m) => m.name).join('、')}`, fields);
  }
}

/**
 * The applicant withdraws: before the partner has the case, or while it waits for 补正. Every job still
 * pending (or dead-lettered) is cancelled, so a withdrawn case is never delivered afterwards.
 */
export function withdraw(c: CaseRecord, input: { at: string; actor: string; reason: string }): Transitioned {
  assertTransition(c.status, 'withdrawn');
  if (c.handoffs.some((j) => j.status === 'delivered') && c.status !== 'needs_supplement') {
    throw new GatewayError('ILLEGAL_TRANSITION', '办件已转递至办理地，请联系办理地撤回');
  }
  const cancel = <J extends { status: string }>(j: J): J => (j.status === 'pending' || j.status === 'dead' ? { ...j, status: 'cancelled' } : j);
  const next: CaseRecord = { ...c, status: 'withdrawn', handoffs: c.handoffs.map(cancel), ...(c.renders ? { renders: c.renders.map(cancel) } : {}), updatedAt: input.at };
  return {
    case: next,
    events: [
      { at: input.at, actor: input.actor, type: 'case.withdrawn', data: { reason: input.reason } },
      { at: input.at, actor: input.actor, type: 'case.status_changed', data: { from: c.status, to: 'withdrawn' } },
    ],
  };
}

export interface ResultDeliveryInput {
  at: string;
  actor: string;
  clerkName: string;
  method: 'window' | 'post' | 'electronic';
  trackingNo?: string;
}

/** The result reached the applicant (at the window, by post with its 物流单号, electronically): 办结 → 已送达. */
export function deliverResult(c: CaseRecord, input: ResultDeliveryInput): Transitioned {
  if (input.method === 'post' && !input.trackingNo) {
    throw new GatewayError('VALIDATION_FAILED', '快递寄送须填写物流单号', [{ field: '/trackingNo', message: '必填' }]);
  }
  assertTransition(c.status, 'delivered');
  const next: CaseRecord = {
    ...c,
    status: 'delivered',
    delivery: { ...c.delivery, byPost: input.method === 'post', electronic: input.method === 'electronic', ...(input.trackingNo ? { trackingNo: input.trackingNo } : {}) },
    updatedAt: input.at,
  };
  return {
    case: next,
    events: [
      { at: input.at, actor: input.actor, type: 'case.result_delivered', data: { method: input.method, trackingNo: input.trackingNo ?? null, clerkName: input.clerkName } },
      { at: input.at, actor: input.actor, type: 'case.status_changed', data: { from: c.status, to: 'delivered' } },
    ],
  };
}

/** what one attempt to hand a step to its partner came to */
export type HandoffOutcome =
  | { ok: true; partnerRef: string; partnerStatus?: string }
  | { ok: false; code: string; message: string; retryable: boolean };

export interface HandoffAttemptInput {
  jobId: string;
  now: Date;
  outcome: HandoffOutcome;
  /** the attempt's exchanges with the partner (hashes, statuses), its owner and when it started */
  evidence: Record<string, unknown>;
  /** how long to wait before the next attempt, should this one fail and be retryable */
  retryInMs: number;
}

/**
 * The outcome of one handoff attempt. Delivered: the job is done and an outbound case still 已收件 is
 * 已转递 (the partner has it); an inbound case's report (we are 办理地) changes nothing of the case. Failed: retried after `retryInMs` while attempts are left and the failure allows it,
 * otherwise dead-lettered for a clerk to retry. A job withdrawn or retried meanwhile changes nothing.
 */
export function recordHandoffAttempt(c: CaseRecord, input: HandoffAttemptInput): Transitioned {
  const found = c.handoffs.find((j) => j.id === input.jobId);
  if (!found || found.status !== 'pending') return { case: c, events: [] };
  const at = input.now.toISOString();
  const job: HandoffJob = { ...found, attempts: found.attempts + 1 };
  const events: NewCaseEvent[] = [{ at, actor: 'system', type: 'handoff.attempt', data: { jobId: job.id, attempt: job.attempts, ...input.evidence } }];
  let next: CaseRecord = { ...c, updatedAt: at };
  const { outcome } = input;
  if (outcome.ok) {
    job.status = 'delivered';
    job.deliveredAt = at;
    delete job.lastError;
    if (c.direction === 'outbound') next.partnerRef = outcome.partnerRef;
    events.push({ at, actor: `partner:${job.partner}`, type: 'handoff.delivered', data: { jobId: job.id, partnerRef: outcome.partnerRef, partnerStatus: outcome.partnerStatus } });
    if (next.status === 'received' && c.direction === 'outbound') {
      next = { ...next, status: 'forwarded' };
      events.push({ at, actor: `partner:${job.partner}`, type: 'case.status_changed', data: { from: 'received', to: 'forwarded' } });
    }
  } else {
    events.push(failedAttempt(job, outcome, input));
  }
  next.handoffs = c.handoffs.map((j) => (j.id === job.id ? job : j));
  return { case: next, events };
}

/** a failed attempt of a job: retried after `retryInMs` while attempts are left and the failure allows it, else dead */
function failedAttempt(job: HandoffJob, failure: Extract<HandoffOutcome, { ok: false }>, input: { now: Date; retryInMs: number }): NewCaseEvent {
  const at = input.now.toISOString();
  job.lastError = { code: failure.code, message: failure.message.slice(0, 500), at };
  if (failure.retryable && job.attempts < job.maxAttempts) {
    job.nextAttemptAt = new Date(input.now.getTime() + input.retryInMs).toISOString();
    return { at, actor: 'system', type: 'handoff.failed', data: { jobId: job.id, code: failure.code, message: job.lastError.message, nextAttemptAt: job.nextAttemptAt } };
  }
  job.status = 'dead';
  return { at, actor: 'system', type: 'handoff.dead_lettered', data: { jobId: job.id, code: failure.code, message: job.lastError.message, attempts: job.attempts } };
}

/** the step of a withdrawal: one per case, so its key is stable across retries and restarts */
export const CANCEL_STEP = 'cancel';
/** where a case the partner has may be withdrawn from: before the partner has decided */
const WITHDRAWABLE_AT_PARTNER: ReadonlySet<string> = new Set(['forwarded', 'accepted']);
/** where a partner's "withdrawn" answer can take a case: it has not decided (a 补正 it asked meanwhile is not a decision) */
const UNDECIDED_AT_PARTNER: ReadonlySet<string> = new Set(['forwarded', 'accepted', 'needs_supplement']);

/**
 * 撤件 of a case the partner already has, at the applicant's request: the partner's cancel operation is
 * queued as a step of the case ('cancel'), and the case stays where it is until the partner answers
 * (recordCancelAttempt). The partner may still decide meanwhile; its answer to the cancel says which won.
 */
export function requestWithdrawal(c: CaseRecord, input: { at: string; actor: string; reason: string; jobId: string; maxAttempts: number }): Transitioned {
  if (c.withdrawal) throw new GatewayError('WITHDRAWAL_EXISTS', c.withdrawal.state === 'refused' ? `办理地已拒绝撤件：${c.withdrawal.refusal ?? ''}` : '该办件已申请撤件');
  if (!c.handoffs.some((j) => j.status === 'delivered') || !WITHDRAWABLE_AT_PARTNER.has(c.status)) {
    throw new GatewayError('ILLEGAL_TRANSITION', `办件当前状态为“${statusLabel(c.status)}”，不能向办理地申请撤件（只有已转递、已受理且办理地尚未作出决定的办件可以撤件）`);
  }
  const { at } = input;
  const job: HandoffJob = {
    id: input.jobId, partner: c.partner, step: CANCEL_STEP, idempotencyKey: `${c.caseNo}:${c.partner}:${CANCEL_STEP}`,
    status: 'pending', attempts: 0, maxAttempts: input.maxAttempts, nextAttemptAt: at, createdAt: at,
  };
  return {
    case: { ...c, withdrawal: { state: 'requested', reason: input.reason, requestedAt: at, requestedBy: input.actor, jobId: job.id }, handoffs: [...c.handoffs, job], updatedAt: at },
    events: [
      { at, actor: input.actor, type: 'case.withdrawal_requested', data: { reason: input.reason, jobId: job.id } },
      { at, actor: input.actor, type: 'handoff.queued', data: { jobId: job.id, partner: job.partner, step: CANCEL_STEP, idempotencyKey: job.idempotencyKey } },
    ],
  };
}

export interface CancelAttemptInput {
  jobId: string;
  now: Date;
  outcome: { ok: true; answer: CancelAnswer } | Extract<HandoffOutcome, { ok: false }>;
  evidence: Record<string, unknown>;
  retryInMs: number;
}

/**
 * The outcome of one attempt of a cancel step. Withdrawn: the case is 已撤回 and every job still pending
 * for it (a 补正 step, say) is cancelled; a case that meanwhile recorded a decision of the partner keeps
 * it, since a region that answers withdrawn after deciding contradicts itself and its decision is the
 * fact. Refused: the withdrawal is recorded as refused with the partner's reason; the partner's decision
 * reaches the case through its own report. A failed attempt is retried or dead-lettered like a delivery.
 */
export function recordCancelAttempt(c: CaseRecord, input: CancelAttemptInput): Transitioned {
  const found = c.handoffs.find((j) => j.id === input.jobId);
  if (!found || found.status !== 'pending' || !c.withdrawal) return { case: c, events: [] };
  const at = input.now.toISOString();
  const job: HandoffJob = { ...found, attempts: found.attempts + 1 };
  const events: NewCaseEvent[] = [{ at, actor: 'system', type: 'handoff.attempt', data: { jobId: job.id, attempt: job.attempts, ...input.evidence } }];
  const withJob = (next: CaseRecord): CaseRecord => ({ ...next, handoffs: next.handoffs.map((j) => (j.id === job.id ? job : j)) });
  const { outcome } = input;
  if (!outcome.ok) {
    events.push(failedAttempt(job, outcome, input));
    return { case: withJob({ ...c, updatedAt: at }), events };
  }
  job.status = 'delivered';
  job.deliveredAt = at;
  delete job.lastError;
  const actor = `partner:${c.partner}`;
  const answer = outcome.answer;
  events.push({ at, actor, type: 'handoff.delivered', data: { jobId: job.id, partnerStatus: answer.partnerStatus, outcome: answer.outcome } });
  if (answer.outcome === 'refused' || !UNDECIDED_AT_PARTNER.has(c.status)) {
    const refusal = answer.outcome === 'refused' ? answer.reason : `办理地答复已撤回，但本地已记录其决定（${c.status}）`;
    events.push({ at, actor, type: 'case.withdrawal_refused', data: { partnerStatus: answer.partnerStatus, reason: refusal, decided: answer.outcome === 'refused' ? answer.decided ?? null : c.status } });
    return { case: withJob({ ...c, withdrawal: { ...c.withdrawal, state: 'refused', answeredAt: at, partnerStatus: answer.partnerStatus, refusal: refusal.slice(0, 500) }, updatedAt: at }), events };
  }
  const cancel = <J extends { status: string }>(j: J): J => (j.status === 'pending' || j.status === 'dead' ? { ...j, status: 'cancelled' } : j);
  const next: CaseRecord = withJob({
    ...c, status: 'withdrawn', withdrawal: { ...c.withdrawal, state: 'withdrawn', answeredAt: at, partnerStatus: answer.partnerStatus },
    handoffs: c.handoffs.map((j) => (j.id === job.id ? j : cancel(j))), ...(c.renders ? { renders: c.renders.map(cancel) } : {}), updatedAt: at,
  });
  events.push(
    { at, actor, type: 'case.withdrawn', data: { reason: c.withdrawal.reason, partnerStatus: answer.partnerStatus, occurredAt: answer.occurredAt } },
    { at, actor, type: 'case.status_changed', data: { from: c.status, to: 'withdrawn' } },
  );
  return { case: next, events };
}

/**
 * A poll of the partner (or a fetch it asked for) whose answer is not the one recorded last: its exchanges
 * (hashes, never bodies) go into the audit trail. An answer the same as the last one is a repeat and
 * changes nothing, so polling an unchanged case every few seconds does not grow its trail.
 */
export function recordPartnerExchanges(c: CaseRecord, input: { at: string; partner: string; operation: string; exchanges: readonly PartnerExchange[] }): Transitioned {
  const answer = input.exchanges.map((e) => e.responseSha256 ?? e.error ?? '').join(',');
  if (input.exchanges.length === 0 || c.lastPartnerAnswer === answer) return { case: c, events: [] };
  return {
    case: { ...c, lastPartnerAnswer: answer },
    events: [{ at: input.at, actor: 'system', type: 'partner.queried', data: { partner: input.partner, operation: input.operation, exchanges: input.exchanges } }],
  };
}

export type StatusOutcome = 'applied' | 'duplicate' | 'ignored';

export interface PartnerReportInput {
  partner: string;
  report: PartnerStatusUpdate;
  /** when we recorded it */
  at: string;
  /** the result document's blob, stored with this transition */
  resultDocument?: { blob: string; sha256: string; size: number };
  /** how the report reached us, for the audit trail: the callback's SHA-256, or the exchanges of a poll or a fetch */
  evidence?: Record<string, unknown>;
}

/**
 * A partner's status report. One it sent before (the same eventId) is a duplicate and changes nothing; one
 * behind the case, or one the state machine does not allow, is recorded as ignored; otherwise the case
 * moves and keeps what the report carries (what is missing, the reason, the result).
 */
export function applyPartnerStatus(c: CaseRecord, input: PartnerReportInput): Transitioned & { outcome: StatusOutcome } {
  const { report: u, partner, at } = input;
  if (c.partner !== partner) throw new GatewayError('CASE_NOT_FOUND', `办件 ${c.caseNo} 不属于该合作地区`);
  if (c.partnerEventIds?.includes(u.eventId)) return { case: c, events: [], outcome: 'duplicate' };
  const actor = `partner:${partner}`;
  const facts = { eventId: u.eventId, partnerStatus: u.partnerStatus, reported: u.status, occurredAt: u.occurredAt, ...input.evidence };
  let next: CaseRecord = { ...c, partnerEventIds: [...(c.partnerEventIds ?? []), u.eventId] };
  // the partner acted on the case before we recorded its acknowledgement (e.g. we crashed in between)
  if (next.status === 'received' && u.status !== 'forwarded') next = { ...next, status: 'forwarded', partnerRef: next.partnerRef ?? u.partnerRef };
  const plan: PartnerStatusPlan = planPartnerStatus(next.status, u.status);
  if (plan !== 'apply') {
    return { case: next, outcome: 'ignored', events: [{ at, actor, type: 'partner.status_ignored', data: { ...facts, current: next.status, why: plan } }] };
  }
  const from = next.status;
  next = { ...next, status: u.status, partnerRef: next.partnerRef ?? u.partnerRef, updatedAt: at };
  const events: NewCaseEvent[] = [{ at, actor, type: 'partner.status_received', data: facts }];
  if (u.status === 'needs_supplement') next.supplement = { missing: u.missing ?? [], ...(u.note ? { note: u.note } : {}), requestedAt: u.occurredAt };
  if (u.status === 'rejected') next.rejection = { reason: u.reason ?? '（未说明理由）', at: u.occurredAt };
  if (u.status === 'completed' && u.result) {
    const doc = input.resultDocument;
    next.result = {
      documentName: u.result.documentName,
      ...(u.result.certificateNo ? { certificateNo: u.result.certificateNo } : {}),
      ...(doc && u.result.document ? { document: { fileName: u.result.document.fileName, mediaType: u.result.document.mediaType, size: doc.size, sha256: doc.sha256, blob: doc.blob } } : {}),
      completedAt: u.occurredAt,
      ...(u.result.delivery ? { delivery: u.result.delivery } : {}),
    };
    events.push({ at, actor, type: 'partner.result_received', data: { eventId: u.eventId, documentName: u.result.documentName, sha256: doc?.sha256 ?? null, trackingNo: u.result.delivery?.trackingNo ?? null } });
  }
  events.push({ at, actor, type: 'case.status_changed', data: { from, to: u.status } });
  return { case: next, events, outcome: 'applied' };
}

export interface RenderOutcomeInput {
  jobId: string;
  now: Date;
  /** why rendering failed, or nothing when the documents are stored */
  failure?: string;
  /** how long to wait before the next attempt, should this one have failed */
  retryInMs: number;
}

/**
 * The outcome of one render step. Done: the step's delivery becomes claimable (the document.issued
 * events of what was rendered were written with the documents). Failed: retried after `retryInMs` while
 * attempts are left, otherwise dead-lettered together with the delivery it holds up, which cannot go
 * without its documents; a clerk's retry (retryDeadHandoff) starts both again. A render job withdrawn or
 * retried meanwhile changes nothing.
 */
export function recordRenderOutcome(c: CaseRecord, input: RenderOutcomeInput): Transitioned {
  const found = c.renders?.find((j) => j.id === input.jobId);
  if (!found || found.status !== 'pending') return { case: c, events: [] };
  const at = input.now.toISOString();
  const job: RenderJob = { ...found, attempts: found.attempts + 1 };
  const withJob = (next: CaseRecord): CaseRecord => ({ ...next, renders: c.renders!.map((j) => (j.id === job.id ? job : j)) });
  if (input.failure === undefined) {
    job.status = 'done';
    job.doneAt = at;
    delete job.lastError;
    return { case: withJob(c), events: [] };
  }
  // a render failure is ours (a bug, resources), not the partner's: INTERNAL of the error catalogue
  const lastError = { code: 'INTERNAL', message: `随件文书生成失败：${input.failure}`.slice(0, 500), at };
  job.lastError = lastError;
  const retry = job.attempts < job.maxAttempts;
  if (retry) job.nextAttemptAt = new Date(input.now.getTime() + input.retryInMs).toISOString();
  else job.status = 'dead';
  const events: NewCaseEvent[] = [{ at, actor: 'system', type: 'document.render_failed', data: { jobId: job.id, step: job.step, attempt: job.attempts, message: lastError.message, nextAttemptAt: retry ? job.nextAttemptAt : null } }];
  let handoffs = c.handoffs;
  if (!retry) {
    handoffs = c.handoffs.map((d) => {
      if (d.step !== job.step || d.status !== 'pending') return d;
      events.push({ at, actor: 'system', type: 'handoff.dead_lettered', data: { jobId: d.id, code: lastError.code, message: lastError.message, attempts: d.attempts } });
      return { ...d, status: 'dead', lastError: { ...lastError } };
    });
  }
  return { case: withJob({ ...c, handoffs, updatedAt: at }), events };
}

/**
 * A clerk or operator sends a dead-lettered handoff again: the same idempotency key (the partner still
 * sees the case once) and a fresh budget of `maxAttempts`, due now. A handoff dead-lettered because its
 * documents could not be rendered gets its render step back too, rendered first again.
 */
export function retryDeadHandoff(c: CaseRecord, input: { jobId: string; at: string; actor: string; maxAttempts: number }): Transitioned {
  const job = c.handoffs.find((j) => j.id === input.jobId);
  if (!job) throw new GatewayError('HANDOFF_NOT_FOUND', `转递任务 ${input.jobId} 不存在`);
  if (job.status !== 'dead') throw new GatewayError('HANDOFF_NOT_DEAD', `转递任务当前状态为 ${job.status}`);
  const { at } = input;
  const revive = <J extends HandoffJob | RenderJob>(j: J): J => ({ ...j, status: 'pending', maxAttempts: j.attempts + input.maxAttempts, nextAttemptAt: at });
  const next: CaseRecord = {
    ...c,
    handoffs: c.handoffs.map((j) => (j.id === job.id ? revive(j) : j)),
    ...(c.renders ? { renders: c.renders.map((r) => (r.step === job.step && r.status === 'dead' ? revive(r) : r)) } : {}),
    updatedAt: at,
  };
  return { case: next, events: [{ at, actor: input.actor, type: 'handoff.retried', data: { jobId: job.id, previousError: job.lastError ?? null } }] };
}

const MATERIALS_EDITABLE: ReadonlySet<string> = new Set(['draft', 'needs_supplement']);

/** materials are added to a draft, or to a case waiting for 补正, and to nothing else */
export function assertMaterialsEditable(status: string): void {
  if (!MATERIALS_EDITABLE.has(status)) throw new GatewayError('ILLEGAL_TRANSITION', '办件已提交，不能再添加材料（补正时除外）');
}

/** A checked, hashed material whose file is already stored is attached to a case that still takes materials. */
export function attachMaterial(c: CaseRecord, input: { material: Material; actor: string }): Transitioned {
  assertMaterialsEditable(c.status);
  const m = input.material;
  return {
    case: { ...c, materials: [...c.materials, m], updatedAt: m.addedAt },
    events: [{ at: m.addedAt, actor: input.actor, type: 'case.material_added', data: { materialId: m.id, code: m.code, sha256: m.sha256, size: m.size, pages: m.pages, ...(m.source ? { source: m.source } : {}) } }],
  };
}
