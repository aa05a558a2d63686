// renderDocuments: the step before a delivery. It renders and stores the documents a handoff step
// carries (the 受理回执 and the step's 材料流转单, documents.forHandoff: idempotent, so an attempt after a
// crash finds what the last one stored), then marks its render job done, which makes the step's
// delivery claimable. A failure is its own: retried with the handoff backoff, recorded as
// document.render_failed, and once out of attempts dead-lettered together with the delivery it holds
// up, where a clerk's retry (retryHandoff) starts both again (domain/transitions.ts). Like a delivery, the outcome is written
// only while `owner` still holds the job's lease.
import type { CaseRecord } from '../domain/case.js';
import type { Core } from '../deps.js';
import { LeaseLostError, type NewEvent } from '../store/types.js';
import { backoffDelay } from './backoff.js';
import { recordRenderOutcome } from '../domain/transitions.js';

export async function renderDocuments(core: Core, caseId: string, jobId: string, owner: string): Promise<void> {
  const record = await core.store.getCase(caseId);
  const job = record?.renders?.find((j) => j.id === jobId);
  if (!record || !job || job.status !== 'pending') return;
  let failure: Error | undefined;
  try {
    await core.documents.forHandoff(caseId, job.step);
  } catch (e) {
    failure = e instanceof Error ? e : new Error(String(e));
    core.metrics.renderFailures.inc();
    core.logger.error({ err: failure, caseId, step: job.step }, 'rendering the documents of a handoff step failed');
  }
  try {
    await core.store.updateCase(caseId, (c) => recordRender(core, c, jobId, failure), { lease: { jobId, owner } });
  } catch (e) {
    if (!(e instanceof LeaseLostError)) throw e;
    core.metrics.leasesLost.inc({ kind: 'render' });
    core.logger.warn({ caseId, jobId, owner }, 'render step no longer holds its lease (it ran out and another instance took the job, or the job was withdrawn): its outcome is not recorded');
  }
}

function recordRender(core: Core, c: CaseRecord, jobId: string, failure: Error | undefined): NewEvent[] {
  const attempts = c.renders?.find((j) => j.id === jobId)?.attempts ?? 0;
  const next = recordRenderOutcome(c, {
    jobId, now: core.now(), ...(failure ? { failure: failure.message } : {}),
    retryInMs: backoffDelay(attempts + 1, core.config.handoff.backoffMs, core.config.handoff.jitter),
  });
  Object.assign(c, next.case);
  return next.events;
}
