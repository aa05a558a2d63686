// 撤件 of a case we handed the 宁夏 platform → its 撤件申请 (KYTB1005) body, and its answer → ours.
// Pure: no I/O, no clock.
import type { CancelAnswer, CancelRequest } from '../../gateway/src/ports/partner.js';
import { NX_STATUS, isoToNxTime, parseNxTime, toCanonicalStatus } from './mapping.js';
import type { NxStatus, NxWithdrawBody } from './types.js';

/** operationId caseWithdraw: the platform's 申报编号 and our 办件编号, the reason and when the applicant asked */
export function toCaseWithdrawRequest(req: CancelRequest): NxWithdrawBody {
  return { bizSerial: req.idempotencyKey, sbbh: req.partnerRef, bjbh: req.caseNo, chyy: req.reason, sqsj: isoToNxTime(req.requestedAt) };
}

/** caseWithdraw's answer: 0000 withdrawn (07), or 2006 already decided, naming the status it is in */
export function fromCaseWithdrawReply(rtnCode: string, body: { ztdm: string; chsj?: string }): CancelAnswer {
  if (rtnCode === '0000' && body.chsj !== undefined) return { outcome: 'withdrawn', partnerStatus: body.ztdm, occurredAt: parseNxTime(body.chsj).toISOString() };
  const known = Object.hasOwn(NX_STATUS, body.ztdm) ? body.ztdm as NxStatus : undefined;
  return {
    outcome: 'refused', partnerStatus: body.ztdm,
    reason: known ? `办理地已作出决定（${NX_STATUS[known].name}），不能撤件` : '办理地已作出决定，不能撤件',
    ...(known ? { decided: toCanonicalStatus(known) } : {}),
  };
}
