// submitCase: 形式审查 passed. In ONE durable write the case becomes 已收件 and its handoff job is
// queued; only then does the clerk see 已收件. The worker delivers it afterwards. A case waiting for
// 补正 is submitted the same way once the missing materials are added: its job is the next
// 'supplement-N' step, and the time limit runs again from the day the materials are complete.
// The step's documents (受理回执, 材料流转单) are rendered by a job of their own, queued with the
// delivery job: the worker renders first and delivers once they are stored (handoff/renderDocuments.ts).
import { randomUUID } from 'node:crypto';
import { GatewayError } from '../errors.js';
import type { CaseRecord, HandoffJob, RenderJob } from '../domain/case.js';
import { findItem } from '../domain/catalog.js';
import { assertTransition } from '../domain/stateMachine.js';
import { addWorkingDays, CN_WORK_CALENDAR } from '../domain/workdays.js';
import type { Clerk } from '../auth/tokens.js';
import type { Core } from '../deps.js';
import { assertRequiredMaterials } from './guards.js';
import { loadCaseFor } from './load.js';
import { assertMay } from '../auth/permissions.js';
import { newPublicCode } from '../receipts/publicCode.js';


export async function submitCase(core: Core, clerk: Clerk, caseId: string): Promise<CaseRecord> {
  await loadCaseFor(core, clerk, 'case.submit', caseId);
  const now = core.now();
  const { record } = await core.store.updateCase(caseId, (c) => {
    assertMay(clerk, 'case.submit', c);
    assertTransition(c.status, 'received');
    const item = findItem(c.itemCode);
    if (!item) throw new GatewayError('UNKNOWN_ITEM', `事项 ${c.itemCode} 已不在目录中`);
    assertRequiredMaterials(item, c.materials);
    const step = c.status === 'needs_supplement' ? `supplement-${c.handoffs.filter((j) => j.step.startsWith('supplement-')).length + 1}` : 'submit';
    const job = newHandoffJob(c, step, now, core.config.handoff.maxAttempts);
    const render = newRenderJob(step, now, core.config.handoff.maxAttempts);
    const at = now.toISOString();
    const from = c.status;
    c.status = 'received';
    c.submittedAt ??= at;
    c.publicCode ??= newPublicCode();
    c.promisedAt = addWorkingDays(now, c.promisedDays, CN_WORK_CALENDAR).toISOString();
    c.handoffs.push(job);
    c.renders = [...(c.renders ?? []), render];
    c.updatedAt = at;
    const actor = `clerk:${clerk.username}`;
    return [
      { at, actor, type: 'case.submitted', data: { step, materials: c.materials.map((m) => ({ code: m.code, sha256: m.sha256 })), promisedAt: c.promisedAt } },
      { at, actor, type: 'case.status_changed', data: { from, to: 'received' } },
      { at, actor, type: 'handoff.queued', data: { jobId: job.id, partner: job.partner, step: job.step, idempotencyKey: job.idempotencyKey, renderJobId: render.id } },
    ];
  });
  core.kickHandoffs();
  return record;
}

export function newHandoffJob(c: CaseRecord, step: string, now: Date, maxAttempts: number): HandoffJob {
  return {
    id: randomUUID(),
    partner: c.partner,
    step,
    // Stable per (case, partner, step): every retry, after any restart, carries the same key.
    idempotencyKey: `${c.caseNo}:${c.partner}:${step}`,
    status: 'pending',
    attempts: 0,
    maxAttempts,
    nextAttemptAt: now.toISOString(),
    createdAt: now.toISOString(),
  };
}

/** the render step of a handoff step: its documents are made before the step is delivered */
export function newRenderJob(step: string, now: Date, maxAttempts: number): RenderJob {
  return { id: randomUUID(), step, status: 'pending', attempts: 0, maxAttempts, nextAttemptAt: now.toISOString(), createdAt: now.toISOString() };
}
