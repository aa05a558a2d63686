// retryHandoff: a clerk or operator sends a dead-lettered handoff again, with the same idempotency
// key (the partner still sees the case once) and a fresh budget of attempts. A handoff dead-lettered
// because its documents could not be rendered gets its render step back too, rendered first again.
import type { CaseRecord } from '../domain/case.js';
import type { Clerk } from '../auth/tokens.js';
import type { Core } from '../deps.js';
import { loadCaseFor } from '../cases/load.js';
import { assertMay } from '../auth/permissions.js';
import { retryDeadHandoff } from '../domain/transitions.js';

export async function retryHandoff(core: Core, clerk: Clerk, caseId: string, jobId: string): Promise<CaseRecord> {
  await loadCaseFor(core, clerk, 'handoff.retry', caseId);
  const { record } = await core.store.updateCase(caseId, (c) => {
    assertMay(clerk, 'handoff.retry', c);
    const next = retryDeadHandoff(c, { jobId, at: core.now().toISOString(), actor: `clerk:${clerk.username}`, maxAttempts: core.config.handoff.maxAttempts });
    Object.assign(c, next.case);
    return next.events;
  });
  core.kickHandoffs();
  return record;
}
