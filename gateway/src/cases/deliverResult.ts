// deliverResult: the result has reached the applicant (handed over at the window, posted with a
// tracking number, or delivered electronically): 办结 → 已送达.
import { GatewayError } from '../errors.js';
import type { CaseRecord } from '../domain/case.js';
import { assertTransition } from '../domain/stateMachine.js';
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
    assertTransition(c.status, 'delivered');
    const at = core.now().toISOString();
    c.status = 'delivered';
    c.delivery = { ...c.delivery, byPost: input.method === 'post', electronic: input.method === 'electronic', ...(input.trackingNo ? { trackingNo: input.trackingNo } : {}) };
    c.updatedAt = at;
    const actor = `clerk:${clerk.username}`;
    return [
      { at, actor, type: 'case.result_delivered', data: { method: input.method, trackingNo: input.trackingNo ?? null, clerkName: clerk.displayName } },
      { at, actor, type: 'case.status_changed', data: { from: 'completed', to: 'delivered' } },
    ];
  });
  // The 送达回执 is printed for the applicant to sign there and then: made before the clerk is answered.
  await core.documents.ensure(caseId);
  return record;
}
