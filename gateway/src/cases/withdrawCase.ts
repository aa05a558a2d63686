// withdrawCase: the applicant withdraws before the partner has the case (or while it waits for 补正).
import { GatewayError } from '../errors.js';
import type { CaseRecord } from '../domain/case.js';
import { assertTransition } from '../domain/stateMachine.js';
import type { Clerk } from '../auth/tokens.js';
import type { Core } from '../deps.js';
import { loadCaseFor } from './load.js';
import { assertMay } from '../auth/permissions.js';

export async function withdrawCase(core: Core, clerk: Clerk, caseId: string, reason: string): Promise<CaseRecord> {
  await loadCaseFor(core, clerk, 'case.withdraw', caseId);
  const { record } = await core.store.updateCase(caseId, (c) => {
    assertMay(clerk, 'case.withdraw', c);
    assertTransition(c.status, 'withdrawn');
    if (c.handoffs.some((j) => j.status === 'delivered') && c.status !== 'needs_supplement') {
      throw new GatewayError('ILLEGAL_TRANSITION', '办件已转递至办理地，请联系办理地撤回');
    }
    const at = core.now().toISOString();
    const from = c.status;
    c.status = 'withdrawn';
    // A withdrawn case must not be delivered afterwards.
    for (const j of [...c.handoffs, ...(c.renders ?? [])]) if (j.status === 'pending' || j.status === 'dead') j.status = 'cancelled';
    c.updatedAt = at;
    return [
      { at, actor: `clerk:${clerk.username}`, type: 'case.withdrawn', data: { reason } },
      { at, actor: `clerk:${clerk.username}`, type: 'case.status_changed', data: { from, to: 'withdrawn' } },
    ];
  });
  return record;
}
