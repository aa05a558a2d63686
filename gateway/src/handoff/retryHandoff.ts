// retryHandoff: a clerk or operator sends a dead-lettered handoff again, with the same idempotency
// key (the partner still sees the case once) and a fresh budget of attempts. A handoff dead-lettered
// because its documents could not be rendered gets its render step back too, rendered first again.
import { GatewayError } from '../errors.js';
import type { CaseRecord } from '../domain/case.js';
import type { Clerk } from '../auth/tokens.js';
import type { Core } from '../deps.js';
import { loadCaseFor } from '../cases/load.js';
import { assertMay } from '../auth/permissions.js';

export async function retryHandoff(core: Core, clerk: Clerk, caseId: string, jobId: string): Promise<CaseRecord> {
  await loadCaseFor(core, clerk, 'handoff.retry', caseId);
  const { record } = await core.store.updateCase(caseId, (c) => {
    assertMay(clerk, 'handoff.retry', c);
    const job = c.handoffs.find((j) => j.id === jobId);
    if (!job) throw new GatewayError('HANDOFF_NOT_FOUND', `转递任务 ${jobId} 不存在`);
    if (job.status !== 'dead') throw new GatewayError('HANDOFF_NOT_DEAD', `转递任务当前状态为 ${job.status}`);
    const at = core.now().toISOString();
    job.status = 'pending';
    job.maxAttempts = job.attempts + core.config.handoff.maxAttempts;
    job.nextAttemptAt = at;
    const render = c.renders?.find((r) => r.step === job.step && r.status === 'dead');
    if (render) {
      render.status = 'pending';
      render.maxAttempts = render.attempts + core.config.handoff.maxAttempts;
      render.nextAttemptAt = at;
    }
    c.updatedAt = at;
    return [{ at, actor: `clerk:${clerk.username}`, type: 'handoff.retried', data: { jobId, previousError: job.lastError ?? null } }];
  });
  core.kickHandoffs();
  return record;
}
