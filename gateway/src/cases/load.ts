import { GatewayError } from '../errors.js';
import type { CaseRecord } from '../domain/case.js';
import type { Clerk } from '../auth/tokens.js';
import type { Core } from '../deps.js';
import { assertCaseVisible } from './guards.js';

export async function loadVisibleCase(core: Core, clerk: Clerk, caseId: string): Promise<CaseRecord> {
  const record = await core.store.getCase(caseId);
  if (!record) throw new GatewayError('CASE_NOT_FOUND', `办件 ${caseId} 不存在`);
  assertCaseVisible(record, clerk);
  return record;
}
