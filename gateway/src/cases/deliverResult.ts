// deliverResult: the result has reached the applicant (handed over at the window, posted with a
// tracking number, or delivered electronically): 办结 → 已送达.
import { GatewayError } from '../errors.js';
import type { CaseRecord } from '../domain/case.js';
import { deliverResult as deliver } from '../domain/transitions.js';
import type { Clerk } from '../auth/tokens.js';
import type { Core } from '../deps.js';
import { loadCaseFor } from './load.js';
import { assertMay } from '../auth/permissions.js';

export interface DeliveryInput {
  method: 'window' | 'post' | 'electronic';
  trackingNo?: string;
}

export async function deliverResult(core: Core, clerk: Clerk, caseId: string, input: DeliveryInput): Promise<CaseRecord> {
  if (input.method === 'post' && !input.trackingNo) {
    throw new GatewayError('VALIDATION_FAILED', '快递寄送须填写物流单号', [{ field: '/trackingNo', message: '必填' }]);
  }
  await loadCaseFor(core, clerk, 'case.deliver', caseId);
  // the 办结通知 exists before the case moves on (it may still be on its way after the partner's report)
  await core.documents.ensure(caseId);
  const { record } = await core.store.updateCase(caseId, (c) => {
    assertMay(clerk, 'case.deliver', c);
    const next = deliver(c, { at: core.now().toISOString(), actor: `clerk:${clerk.username}`, clerkName: clerk.displayName, ...input });
    Object.assign(c, next.case);
    return next.events;
  });
  // The 送达回执 is printed for the applicant to sign there and then: made before the clerk is answered.
  await core.documents.ensure(caseId);
  return record;
}
