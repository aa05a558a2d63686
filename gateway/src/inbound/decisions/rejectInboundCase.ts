// 不予受理: the approver refuses the application, with the reason and its legal basis; the 不予受理通知书
// tells the applicant both and their remedies (行政复议, 行政诉讼).
import type { Clerk } from '../../auth/tokens.js';
import type { Core } from '../../deps.js';
import type { CaseRecord } from '../../domain/case.js';
import { rejectInbound } from '../../domain/inboundTransitions.js';
import { decideInboundCase } from './decide.js';

export function rejectInboundCase(core: Core, clerk: Clerk, caseId: string, req: { reason: string; legalBasis: string }): Promise<CaseRecord> {
  return decideInboundCase(core, clerk, caseId, (c, input) => rejectInbound(c, { ...input, reason: req.reason, legalBasis: req.legalBasis }));
}
