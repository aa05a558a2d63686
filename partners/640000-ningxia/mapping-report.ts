// Our decision on a case the 宁夏 platform handed us (we are 办理地) → its 办理结果反馈 (KYTB1004) body,
// with its code tables. Pure: no I/O, no clock. A code without a mapping throws MappingError.
import type { DecisionReport, InboundDecision } from '../../gateway/src/ports/partner.js';
import { MappingError, isoToNxTime } from './mapping.js';
import type { NxFeedbackBody, NxFeedbackDocument, NxFeedbackStatus } from './types.js';

/** 办理状态: our decision → 宁夏 FeedbackStatusCode */
export const DECISION_TO_NX: Readonly<Record<InboundDecision, { ztdm: NxFeedbackStatus; ztmc: string }>> = {
  accepted: { ztdm: '02', ztmc: '已受理' },
  needs_supplement: { ztdm: '03', ztmc: '需补正' },
  completed: { ztdm: '04', ztmc: '已办结' },
  rejected: { ztdm: '05', ztmc: '不予受理' },
  delivered: { ztdm: '06', ztmc: '已送达' },
};

/** 文书类型: the report's document types → 宁夏 wslx */
export const DOCUMENT_TO_NX: Readonly<Record<string, NxFeedbackDocument['wslx']>> = {
  acceptance_notice: 'SLTZS',
  supplement_notice: 'BZTZS',
  rejection_notice: 'BYSLTZS',
  completion_notice: 'BJTZ',
  delivery_receipt: 'SDHZ',
  result: 'JGWJ',
};

/** 送达方式: 1 邮寄, 2 电子送达, 3 窗口领取 */
export const DELIVERY_TO_NX = { post: '1', electronic: '2', window: '3' } as const;

const FILE_TYPES: Readonly<Record<string, NxFeedbackDocument['wjlx']>> = { 'application/pdf': 'pdf', 'application/ofd': 'ofd' };

function lookup<V>(table: Readonly<Record<string, V>>, code: string, what: string): V {
  if (!Object.hasOwn(table, code)) throw new MappingError(`no 宁夏 code for ${what} '${code}'`);
  return table[code] as V;
}

function documents(r: DecisionReport, contents: ReadonlyMap<string, Buffer>): NxFeedbackDocument[] {
  return r.documents.map((d) => {
    const bytes = contents.get(d.fileName);
    if (!bytes) throw new MappingError(`document ${d.fileName} has no content`);
    // the declared hash travels as is: the platform recomputes it and refuses a mismatch (2001)
    return { wslx: lookup(DOCUMENT_TO_NX, d.type, '文书类型'), wsmc: d.title, wjm: d.fileName, wjlx: lookup(FILE_TYPES, d.mediaType, '文件类型'), wjnr: bytes.toString('base64'), sha256: d.sha256 };
  });
}

/** operationId caseResultFeedback (KYTB1004): one decision, its documents inline. `bizSerial` is the idempotency key. */
export function toCaseResultFeedbackRequest(r: DecisionReport, contents: ReadonlyMap<string, Buffer>): NxFeedbackBody {
  const { ztdm, ztmc } = lookup(DECISION_TO_NX, r.decision, '办理状态');
  const x = r.delivered;
  return {
    bizSerial: r.idempotencyKey, bjbh: r.partnerCaseNo, bldbh: r.caseNo, ztdm, ztmc, bgsj: isoToNxTime(r.occurredAt),
    blbm: r.decidedBy.department, blr: r.decidedBy.clerk,
    ...(r.promisedAt ? { cnbjsj: isoToNxTime(r.promisedAt) } : {}),
    ...(r.missing ? { bzcl: r.missing.map((m) => ({ ...(m.code ? { clbm: m.code } : {}), clmc: m.name })) } : {}),
    ...(r.note ? { bzsm: r.note } : {}),
    ...(r.reason ? { byslyy: r.reason } : {}),
    ...(r.legalBasis ? { flyj: r.legalBasis } : {}),
    ...(r.result ? {
      bjjg: {
        jgmc: r.result.documentName, ...(r.result.certificateNo ? { zzbh: r.result.certificateNo } : {}),
        sdfs: DELIVERY_TO_NX[r.result.delivery.method], ...(r.result.delivery.trackingNo ? { kddh: r.result.delivery.trackingNo } : {}),
      },
    } : {}),
    ...(x ? { sdxx: { sdfs: DELIVERY_TO_NX[x.method], ...(x.trackingNo ? { kddh: x.trackingNo } : {}), sdsj: isoToNxTime(x.at) } } : {}),
    wsxx: documents(r, contents),
  };
}
