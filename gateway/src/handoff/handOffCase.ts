// handOffCase: one attempt of one step of a case to its partner (a delivery, a 撤件 cancel, or a report
// of our decision on a case the partner handed us), whose
// lease `owner` holds (worker.ts). The outcome (delivered or answered, retry later, dead letter) is written
// with the attempt's exchange hashes in one update of the case, and only while the lease is still ours:
// if it ran out and another instance claimed the job, that instance's attempt counts and this one changes nothing.
import type { CaseRecord, HandoffJob } from '../domain/case.js';
import { PartnerFailure, type PartnerExchange, type HandoffAck, type CancelAnswer } from '../ports/partner.js';
import { LeaseLostError, type NewEvent } from '../store/types.js';
import type { Core } from '../deps.js';
import { toOutboundCase, travellingDocument, travellingDocuments } from './outboundCase.js';
import { backoffDelay } from './backoff.js';
import { CANCEL_STEP, recordCancelAttempt, recordHandoffAttempt } from '../domain/transitions.js';
import { toDecisionReport } from './decisionReport.js';

type Outcome = { ok: true; ack: HandoffAck } | { ok: true; cancel: CancelAnswer } | { ok: false; failure: PartnerFailure };

export async function handOffCase(core: Core, caseId: string, jobId: string, owner: string): Promise<void> {
  const record = await core.store.getCase(caseId);
  const job = record?.handoffs.find((j) => j.id === jobId);
  if (!record || !job || job.status !== 'pending') return;
  const adapter = core.partners.get(job.partner);
  const exchanges: PartnerExchange[] = [];
  const attempted = { owner, startedAt: core.now().toISOString() };
  const outcome: Outcome = !adapter
    ? { ok: false, failure: new PartnerFailure('PARTNER_UNAVAILABLE', `合作地区 ${job.partner} 未配置`, false) }
    : job.step === CANCEL_STEP ? await attemptCancel(core, record, job, exchanges)
      : isReportStep(job.step) ? await report(core, record, job, exchanges)
        : await attempt(core, record, job, exchanges);
  try {
    await core.store.updateCase(caseId, (c) => recordOutcome(core, c, jobId, outcome, exchanges, attempted), { lease: { jobId, owner } });
  } catch (e) {
    if (!(e instanceof LeaseLostError)) throw e;
    core.metrics.leasesLost.inc({ kind: 'deliver' });
    core.logger.warn({ caseId, partner: job.partner, jobId, owner }, 'handoff attempt no longer holds its lease (it ran out and another instance took the job, or the job was withdrawn): its outcome is not recorded');
    return;
  }
  core.metrics.handoffAttempts.inc({ partner: job.partner, outcome: outcome.ok ? 'delivered' : outcome.failure.retryable ? 'retry' : 'rejected' });
  if (outcome.ok && 'ack' in outcome && record.submittedAt) {
    core.metrics.handoffLatency.observe({ partner: job.partner }, (core.now().getTime() - Date.parse(job.createdAt)) / 1000);
  }
}

/** a bug or an unexpected error: logged, and retried like an outage rather than lose the step */
function asFailure(core: Core, record: CaseRecord, job: HandoffJob, e: unknown): Outcome {
  if (e instanceof PartnerFailure) return { ok: false, failure: e };
  core.logger.error({ err: e, caseId: record.id, partner: job.partner, step: job.step }, 'handoff attempt failed unexpectedly');
  return { ok: false, failure: new PartnerFailure('PARTNER_UNAVAILABLE', (e as Error).message, true) };
}

/** a report of our decision on a case the partner handed us (we are 办理地), not a delivery of a case */
const isReportStep = (step: string): boolean => step.startsWith('report-');

async function report(core: Core, record: CaseRecord, job: HandoffJob, exchanges: PartnerExchange[]): Promise<Outcome> {
  const adapter = core.partners.get(job.partner)!;
  if (!adapter.report) {
    return { ok: false, failure: new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `合作地区 ${adapter.name}（${job.partner}）的接口没有接收办理结果反馈的操作（适配器未实现 report），本地决定未能告知对方`, false) };
  }
  try {
    const req = toDecisionReport(record, job, (blob) => core.store.getBlob(record.id, blob));
    const ack = await adapter.report(req, { http: core.http, now: core.now, record: (e) => exchanges.push(e) });
    // the partner knows the case by its own 办件编号: that is its reference here
    return { ok: true, ack: { partnerRef: record.partnerRef ?? req.partnerCaseNo, partnerStatus: ack.partnerStatus ?? '', status: 'forwarded' } };
  } catch (e) {
    return asFailure(core, record, job, e);
  }
}

async function attemptCancel(core: Core, record: CaseRecord, job: HandoffJob, exchanges: PartnerExchange[]): Promise<Outcome> {
  const adapter = core.partners.get(job.partner)!;
  if (!adapter.cancel || !record.partnerRef || !record.withdrawal) {
    return { ok: false, failure: new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `合作地区 ${job.partner} 不提供撤件接口，或办件尚无办理地编号`, false) };
  }
  try {
    const cancel = await adapter.cancel(
      { caseNo: record.caseNo, partnerRef: record.partnerRef, acceptRegion: record.acceptRegion, idempotencyKey: job.idempotencyKey, reason: record.withdrawal.reason, requestedAt: record.withdrawal.requestedAt },
      { http: core.http, now: core.now, record: (e) => exchanges.push(e) },
    );
    return { ok: true, cancel };
  } catch (e) {
    return asFailure(core, record, job, e);
  }
}

async function attempt(core: Core, record: CaseRecord, job: HandoffJob, exchanges: PartnerExchange[]): Promise<Outcome> {
  const adapter = core.partners.get(job.partner)!;
  try {
    // The 受理回执 and this step's 材料流转单 travel as materials of the case, made by the render step
    // before the delivery became due and sent again unchanged on every retry.
    const documents = travellingDocuments(record, job.step);
    const outbound = toOutboundCase(record, { window: record.receivedBy?.window ?? core.config.windowName, clerk: record.receivedBy?.clerkName ?? record.createdBy });
    outbound.materials.push(...documents.map(travellingDocument));
    const ack = await adapter.deliver(
      {
        case: outbound,
        step: job.step,
        idempotencyKey: job.idempotencyKey,
        readMaterial: (id) => core.store.getBlob(record.id, id),
      },
      { http: core.http, now: core.now, record: (e) => exchanges.push(e) },
    );
    return { ok: true, ack };
  } catch (e) {
    return asFailure(core, record, job, e);
  }
}

function recordOutcome(core: Core, c: CaseRecord, jobId: string, outcome: Outcome, exchanges: PartnerExchange[], attempted: { owner: string; startedAt: string }): NewEvent[] {
  const job = c.handoffs.find((j) => j.id === jobId);
  const common = { jobId, now: core.now(), evidence: { ...attempted, exchanges }, retryInMs: backoffDelay((job?.attempts ?? 0) + 1, core.config.handoff.backoffMs, core.config.handoff.jitter) };
  let next;
  if (!outcome.ok) {
    const failed = { ok: false as const, code: outcome.failure.code, message: outcome.failure.message, retryable: outcome.failure.retryable };
    next = job?.step === CANCEL_STEP ? recordCancelAttempt(c, { ...common, outcome: failed }) : recordHandoffAttempt(c, { ...common, outcome: failed });
  } else if ('cancel' in outcome) {
    next = recordCancelAttempt(c, { ...common, outcome: { ok: true, answer: outcome.cancel } });
  } else {
    const { partnerRef, partnerStatus } = outcome.ack;
    next = recordHandoffAttempt(c, { ...common, outcome: { ok: true, partnerRef, ...(partnerStatus !== undefined ? { partnerStatus } : {}) } });
  }
  Object.assign(c, next.case);
  return next.events;
}
