import { GatewayError } from '../errors.js';
import type { CaseRecord } from '../domain/case.js';
import type { Clerk } from '../auth/tokens.js';
import { assertMay, type Action } from '../auth/permissions.js';
import type { Core } from '../deps.js';

/** the case, once the clerk is known to be allowed `action` on it (permissions.ts) */
export async function loadCaseFor(core: Core, clerk: Clerk, action: Action, caseId: string): Promise<CaseRecord> {
  // the role first: someone who may not act at all learns nothing about which cases exist
  assertMay(clerk, action);
  const record = await core.store.getCase(caseId);
  if (!record) throw new GatewayError('CASE_NOT_FOUND', `办件 ${caseId} 不存在`);
  assertMay(clerk, action, record);
  return record;
}
