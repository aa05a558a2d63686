// 补齐补正: the approver tells the sending region, once and in full, which materials are missing and
// why (《中华人民共和国行政许可法》第三十二条); the case waits for the partner's answer (supplyInboundMaterials).
import type { Clerk } from '../../auth/tokens.js';
import type { Core } from '../../deps.js';
import type { CaseRecord } from '../../domain/case.js';
import { requestInboundSupplement as requestSupplement } from '../../domain/inboundTransitions.js';
import { decideInboundCase } from './decide.js';

export interface SupplementRequest { missing: Array<{ code?: string; name: string }>; reason: string }

export function requestInboundSupplement(core: Core, clerk: Clerk, caseId: string, req: SupplementRequest): Promise<CaseRecord> {
  return decideInboundCase(core, clerk, caseId, (c, input) => requestSupplement(c, { ...input, missing: req.missing, reason: req.reason }));
}
