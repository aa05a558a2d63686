// Delivery to the 厦门 open platform: one signed form per call to /gateway.do (client.ts), submit and
// cancel for the cases we hand it, feedback for the cases it hands us, and its signed form notifications
// (callback.ts). No 补正: the platform's departments refuse an incomplete case instead.
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type {
  AdapterEnvironment, CancelAnswer, CancelRequest, DecisionReport, HandoffAck, HandoffRequest, PartnerAdapter, PartnerContext, PartnerSettings,
} from '../../gateway/src/ports/partner.js';
import { notifyReceipt, parseNotify, verifyNotify } from './callback.js';
import { callPlatform, violation, type ClientDeps } from './client.js';
import { MappingError, fromCaseCancelResponse, toCanonicalStatus, toCaseCancelBiz, toCaseSubmitBiz } from './mapping.js';
import { toCaseFeedbackBiz } from './mapping-report.js';
import { readSettings } from './settings.js';
import { CONTRACT_FILE, NAME, REGION, type XmCancelResponse, type XmFeedbackResponse, type XmSubmitResponse } from './types.js';

/** a mapping bug (a code without a platform code) is a contract violation: nothing is sent */
function mapped<T>(what: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof MappingError) throw violation(`厦门 ${what}: ${e.message}`);
    throw e;
  }
}

export function createAdapter(partnerSettings: PartnerSettings, env?: AdapterEnvironment): PartnerAdapter {
  const settings = readSettings(partnerSettings);
  const contract = loadContract(CONTRACT_FILE);
  const deps: ClientDeps = { settings, contract, notifyUrl: env?.callbackUrl };

  return {
    region: REGION,
    name: NAME,
    capabilities: { supplement: false, cancel: true, statusBy: 'callback', results: 'reference', reportsBy: 'push' },

    async deliver(req: HandoffRequest, ctx: PartnerContext): Promise<HandoffAck> {
      const method = 'gov.kstb.case.submit';
      if (req.step !== 'submit') throw violation(`厦门 has no 补正: no operation for handoff step '${req.step}'`);
      const contents = new Map(await Promise.all(req.case.materials.map(async (m) => [m.id, await req.readMaterial(m.id)] as const)));
      const biz = mapped(method, () => toCaseSubmitBiz(req.case, req.idempotencyKey, contents));
      const r = await callPlatform<XmSubmitResponse>(method, biz, ctx, deps);
      if (r.case_no !== req.case.caseNo || !r.platform_case_no || !r.status) throw violation(`厦门 ${method} acknowledged another case or no case`);
      return { partnerRef: r.platform_case_no, partnerStatus: r.status, status: toCanonicalStatus(r.status) };
    },

    // 撤件: 10000 CANCELLED, or KSTB.CASE_ALREADY_DECIDED (a signed answer to act on, not a failure)
    async cancel(req: CancelRequest, ctx: PartnerContext): Promise<CancelAnswer> {
      const method = 'gov.kstb.case.cancel';
      const r = await callPlatform<XmCancelResponse>(method, mapped(method, () => toCaseCancelBiz(req)), ctx, deps, ['KSTB.CASE_ALREADY_DECIDED']);
      if (r.case_no !== undefined && r.case_no !== req.caseNo) throw violation(`厦门 ${method} answered for another case`);
      return mapped(method, () => fromCaseCancelResponse(r));
    },

    // we are 办理地 for a case the platform handed us: each decision goes back as 办理结果反馈
    async report(req: DecisionReport, ctx: PartnerContext): Promise<{ partnerStatus?: string }> {
      const method = 'gov.kstb.case.feedback';
      const contents = new Map(await Promise.all(req.documents.map(async (d) => [d.fileName, await req.readDocument(d.fileName)] as const)));
      const r = await callPlatform<XmFeedbackResponse>(method, mapped(method, () => toCaseFeedbackBiz(req, contents)), ctx, deps);
      if (r.case_no !== req.partnerCaseNo) throw violation(`厦门 ${method} acknowledged another case`);
      return r.status ? { partnerStatus: r.status } : {};
    },

    // a notification carries no document, only its URL: a few KiB of form
    callbackMaxBytes: 64 * 1024,
    callbackMediaType: 'form',
    verifyCallback: (req) => verifyNotify(contract, settings.platformPublicKey, settings.appId, req),
    parseCallback: (req, ctx) => parseNotify(req, ctx, settings.url),
    callbackReply: notifyReceipt,
  };
}
