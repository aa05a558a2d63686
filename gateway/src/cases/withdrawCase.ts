// withdrawCase: the applicant withdraws before the partner has the case (or while it waits for 补正).
import type { CaseRecord } from '../domain/case.js';
import { withdraw } from '../domain/transitions.js';
import type { Clerk } from '../auth/tokens.js';
import type { Core } from '../deps.js';
import { loadCaseFor } from './load.js';
import { assertMay } from '../auth/permissions.js';

export async function withdrawCase(core: Core, clerk: Clerk, caseId: string, reason: string): Promise<CaseRecord> {
  await loadCaseFor(core, clerk, 'case.withdraw', caseId);
  const { record } = await core.store.updateCase(caseId, (c) => {
    assertMay(clerk, 'case.withdraw', c);
    const next = withdraw(c, { at: core.now().toISOString(), actor: `clerk:${clerk.username}`, reason });
    Object.assign(c, next.case);
    return next.events;
  });
  return record;
}
