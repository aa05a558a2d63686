// handOffCase: one attempt to deliver one handoff job, whose lease `owner` holds (worker.ts). The outcome
// (delivered, retry later, dead letter) is written with the attempt's exchange hashes in one update of
// the case, and only while the lease is still ours: if it ran out and another instance claimed the job,
// that instance's attempt is the one that counts and this one changes nothing.
import type { CaseRecord, HandoffJob } from '../domain/case.js';
import { PartnerFailure, type PartnerExchange, type HandoffAck } from '../ports/partner.js';
import { LeaseLostError, type NewEvent } from '../store/types.js';
import type { Core } from '../deps.js';
import { toOutboundCase, travellingDocument, travellingDocuments } from './outboundCase.js';
import { backoffDelay } from './backoff.js';
import { recordHandoffAttempt } from '../domain/transitions.js';
import { toDecisionReport } from './decisionReport.js';

type Outcome = { ok: true; ack: HandoffAck } | { ok: false; failure: PartnerFailure };

export async function handOffCase(core: Core, caseId: string, jobId: string, owner: string): Promise<void> {
  const record = await core.store.getCase(caseId);
  const job = record?.handoffs.find((j) => j.id === jobId);
  if (!record || !job || job.status !== 'pending') return;
  const adapter = core.partners.get(job.partner);
  const exchanges: PartnerExchange[] = [];
  const attempted = { owner, startedAt: core.now().toISOString() };
  const outcome: Outcome = !adapter
    ? { ok: false, failure: new PartnerFailure('PARTNER_UNAVAILABLE', `合作地区 ${job.partner} 未配置`, false) }
    : isReportStep(job.step) ? await report(core, record, job, exchanges) : await attempt(core, record, job, exchanges);
  try {
    await core.store.updateCase(caseId, (c) => recordOutcome(core, c, jobId, outcome, exchanges, attempted), { lease: { jobId, owner } });
  } catch (e) {
    if (!(e instanceof LeaseLostError)) throw e;
    core.metrics.leasesLost.inc({ kind: 'deliver' });
    core.logger.warn({ caseId, partner: job.partner, jobId, owner }, 'handoff attempt no longer holds its lease (it ran out and another instance took the job, or the job was withdrawn): its outcome is not recorded');
    return;
  }
  core.metrics.handoffAttempts.inc({ partner: job.partner, outcome: outcome.ok ? 'delivered' : outcome.failure.retryable ? 'retry' : 'rejected' });
  if (outcome.ok && record.submittedAt) {
    core.metrics.handoffLatency.observe({ partner: job.partner }, (core.now().getTime() - Date.parse(job.createdAt)) / 1000);
  }
}

/** a report of our decision on a case the partner handed us (we are 办理地), not a delivery of a case */
const isReportStep = (step: string): boolean => step.startsWith('report-');

async function report(core: Core, record: CaseRecord, job: HandoffJob, exchanges: PartnerExchange[]): Promise<Outcome> {
  const adapter = core.partners.get(job.partner)!;
  if (!adapter.report) {
    return { ok: false, failure: new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `合作地区 ${adapter.name}（${job.partner}）的接口没有接收办理结果反馈的操作（适配器未实现 report），本地决定未能告知对方`, false) };
  }
  return guarded(core, record, job, async () => {
    const req = toDecisionReport(record, job, (blob) => core.store.getBlob(record.id, blob));
    const ack = await adapter.report!(req, { http: core.http, now: core.now, record: (e) => exchanges.push(e) });
    // the partner knows the case by its own 办件编号: that is its reference here
    return { partnerRef: record.partnerRef ?? req.partnerCaseNo, partnerStatus: ack.partnerStatus ?? '', status: 'forwarded' };
  });
}

async function attempt(core: Core, record: CaseRecord, job: HandoffJob, exchanges: PartnerExchange[]): Promise<Outcome> {
  const adapter = core.partners.get(job.partner)!;
  return guarded(core, record, job, async () => {
    // The 受理回执 and this step's 材料流转单 travel as materials of the case, made by the render step
    // before the delivery became due and sent again unchanged on every retry.
    const documents = travellingDocuments(record, job.step);
    const outbound = toOutboundCase(record, { window: record.receivedBy?.window ?? core.config.windowName, clerk: record.receivedBy?.clerkName ?? record.createdBy });
    outbound.materials.push(...documents.map(travellingDocument));
    return adapter.deliver(
      {
        case: outbound,
        step: job.step,
        idempotencyKey: job.idempotencyKey,
        readMaterial: (id) => core.store.getBlob(record.id, id),
      },
      { http: core.http, now: core.now, record: (e) => exchanges.push(e) },
    );
  });
}

/** a PartnerFailure is the outcome; anything else is a bug, logged, and retried like an outage */
async function guarded(core: Core, record: CaseRecord, job: HandoffJob, run: () => Promise<HandoffAck>): Promise<Outcome> {
  try {
    return { ok: true, ack: await run() };
  } catch (e) {
    if (e instanceof PartnerFailure) return { ok: false, failure: e };
    // A bug or an unexpected error: log it, and retry like an outage rather than lose the case.
    core.logger.error({ err: e, caseId: record.id, partner: job.partner }, 'handoff attempt failed unexpectedly');
    return { ok: false, failure: new PartnerFailure('PARTNER_UNAVAILABLE', (e as Error).message, true) };
  }
}

function recordOutcome(core: Core, c: CaseRecord, jobId: string, outcome: Outcome, exchanges: PartnerExchange[], attempted: { owner: string; startedAt: string }): NewEvent[] {
  const attempts = c.handoffs.find((j) => j.id === jobId)?.attempts ?? 0;
  const next = recordHandoffAttempt(c, {
    jobId, now: core.now(), evidence: { ...attempted, exchanges },
    outcome: outcome.ok
      ? { ok: true, partnerRef: outcome.ack.partnerRef, ...(outcome.ack.partnerStatus !== undefined ? { partnerStatus: outcome.ack.partnerStatus } : {}) }
      : { ok: false, code: outcome.failure.code, message: outcome.failure.message, retryable: outcome.failure.retryable },
    retryInMs: backoffDelay(attempts + 1, core.config.handoff.backoffMs, core.config.handoff.jitter),
  });
  Object.assign(c, next.case);
  return next.events;
}
