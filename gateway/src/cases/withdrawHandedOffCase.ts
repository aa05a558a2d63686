// withdrawHandedOffCase: 撤件 of a case the partner region already has, at the applicant's request. The
// region's cancel operation is queued as a step of the case in the same transaction; the worker sends it
// with retries (handOffCase.ts), and the region's answer (withdrawn, or refused because it had already
// decided) is what the case and the applicant are told.
import { randomUUID } from 'node:crypto';
import { GatewayError } from '../errors.js';
import type { CaseRecord } from '../domain/case.js';
import { requestWithdrawal } from '../domain/transitions.js';
import type { Clerk } from '../auth/tokens.js';
import type { Core } from '../deps.js';
import { loadCaseFor } from './load.js';
import { assertMay } from '../auth/permissions.js';

export async function withdrawHandedOffCase(core: Core, clerk: Clerk, caseId: string, reason: string): Promise<CaseRecord> {
  const loaded = await loadCaseFor(core, clerk, 'case.withdraw', caseId);
  assertRegionCancels(core, loaded.partner);
  const { record } = await core.store.updateCase(caseId, (c) => {
    assertMay(clerk, 'case.withdraw', c);
    const next = requestWithdrawal(c, { at: core.now().toISOString(), actor: `clerk:${clerk.username}`, reason, jobId: randomUUID(), maxAttempts: core.config.handoff.maxAttempts });
    Object.assign(c, next.case);
    return next.events;
  });
  core.kickHandoffs();
  return record;
}

function assertRegionCancels(core: Core, region: string): void {
  const adapter = core.partners.get(region);
  if (!adapter?.capabilities.cancel || !adapter.cancel) {
    throw new GatewayError('WITHDRAWAL_UNSUPPORTED', `办理地（${adapter?.name ?? region}）的接口不提供撤件，请与办理地联系`);
  }
}
