// 受理: the approver accepts a case a partner region handed us; the 承诺办结时间 runs from today by our
// catalog's time limit (working days), and the 受理通知书 goes to the sending region with the report.
import type { Clerk } from '../../auth/tokens.js';
import type { Core } from '../../deps.js';
import type { CaseRecord } from '../../domain/case.js';
import { acceptInbound } from '../../domain/inboundTransitions.js';
import { GatewayError } from '../../errors.js';
import { decideInboundCase } from './decide.js';

export function acceptInboundCase(core: Core, clerk: Clerk, caseId: string): Promise<CaseRecord> {
  return decideInboundCase(core, clerk, caseId, (c, input) => {
    const item = core.catalog.decidedHere(c.itemCode, c.handlingRegion);
    if (!item) throw new GatewayError('UNKNOWN_ITEM', `事项 ${c.itemCode} 已不在本地区办理的事项目录中`);
    return acceptInbound(c, { ...input, item });
  });
}
