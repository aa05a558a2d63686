// 送达: the result of a case we decided reached the applicant; the 送达回执 goes to the sending region.
import type { Clerk } from '../../auth/tokens.js';
import type { Core } from '../../deps.js';
import type { CaseRecord } from '../../domain/case.js';
import { recordInboundDelivery as recordDelivery } from '../../domain/inboundTransitions.js';
import { decideInboundCase } from './decide.js';

export interface DeliveryRecord { method: 'post' | 'electronic' | 'window'; trackingNo?: string }

export function recordInboundDelivery(core: Core, clerk: Clerk, caseId: string, req: DeliveryRecord): Promise<CaseRecord> {
  return decideInboundCase(core, clerk, caseId, (c, input) => recordDelivery(c, { ...input, method: req.method, ...(req.trackingNo ? { trackingNo: req.trackingNo } : {}) }));
}
