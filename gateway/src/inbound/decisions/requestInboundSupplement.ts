// 补齐补正: the approver tells the sending region, once and in full, which materials are missing and
// why (《中华人民共和国行政许可法》第三十二条); the case waits for the partner's answer (supplyInboundMaterials).
import type { Clerk } from '../../auth/tokens.js';
import type { Core } from '../../deps.js';
import type { CaseRecord } from '../../domain/case.js';
import { requestInboundSupplement as requestSupplement } from '../../domain/inboundTransitions.js';
import { decideInboundCase } from './decide.js';
import { GatewayError } from '../../errors.js';

export interface SupplementRequest { missing: Array<{ code?: string; name: string }>; reason: string }

export function requestInboundSupplement(core: Core, clerk: Clerk, caseId: string, req: SupplementRequest): Promise<CaseRecord> {
  return decideInboundCase(core, clerk, caseId, (c, input) => {
    assertRegionTakesSupplements(core, c.partner);
    return requestSupplement(c, { ...input, missing: req.missing, reason: req.reason });
  });
}

/** a region whose contract has no 补正 cannot be asked for one: the approver accepts or refuses the case */
function assertRegionTakesSupplements(core: Core, region: string): void {
  const adapter = core.partners.get(region);
  if (adapter && !adapter.capabilities.supplement) {
    throw new GatewayError('SUPPLEMENT_UNSUPPORTED', `合作地区（${adapter.name}）的接口不提供补齐补正，请作出受理或不予受理的决定`);
  }
}
