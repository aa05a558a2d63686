// Our decision on a case the 厦门 platform handed us (we are 办理地) → its 办理结果反馈
// (gov.kstb.case.feedback) business parameters, with its code tables. Pure: no I/O, no clock.
import type { DecisionReport, InboundDecision } from '../../gateway/src/ports/partner.js';
import { isoToXmTime, lookup, MappingError } from './mapping.js';
import type { XmFeedbackBiz, XmFeedbackDocument } from './types.js';

/** 办理状态: our decision → the platform's feedback status */
export const DECISION_TO_XM: Readonly<Record<InboundDecision, XmFeedbackBiz['status']>> = {
  accepted: 'ACCEPTED',
  needs_supplement: 'SUPPLEMENT',
  rejected: 'REJECTED',
  completed: 'FINISHED',
  delivered: 'DELIVERED',
};

/** 文书类型: the report's document types → doc_type */
export const DOCUMENT_TO_XM: Readonly<Record<string, XmFeedbackDocument['doc_type']>> = {
  acceptance_notice: 'ACCEPT_NOTICE',
  supplement_notice: 'SUPPLEMENT_NOTICE',
  rejection_notice: 'REJECT_NOTICE',
  completion_notice: 'FINISH_NOTICE',
  delivery_receipt: 'DELIVERY_RECEIPT',
  result: 'RESULT',
};

/** 送达方式 */
export const DELIVERY_TO_XM = { post: 'EXPRESS', electronic: 'ONLINE', window: 'WINDOW' } as const;

const FILE_TYPES: Readonly<Record<string, XmFeedbackDocument['file_type']>> = { 'application/pdf': 'PDF', 'application/ofd': 'OFD' };

function documents(r: DecisionReport, contents: ReadonlyMap<string, Buffer>): XmFeedbackDocument[] {
  return r.documents.map((d) => {
    const bytes = contents.get(d.fileName);
    if (!bytes) throw new MappingError(`document ${d.fileName} has no content`);
    // the declared hash travels as is: the platform recomputes it and refuses a mismatch
    return {
      doc_type: lookup(DOCUMENT_TO_XM, d.type, '文书类型'), doc_name: d.title, file_name: d.fileName,
      file_type: lookup(FILE_TYPES, d.mediaType, '文件类型'), file_content: bytes.toString('base64'), file_sha256: d.sha256,
    };
  });
}

/** method gov.kstb.case.feedback: one decision, its documents inline. `out_request_no` is the idempotency key. */
export function toCaseFeedbackBiz(r: DecisionReport, contents: ReadonlyMap<string, Buffer>): XmFeedbackBiz {
  const x = r.delivered;
  return {
    out_request_no: r.idempotencyKey, case_no: r.partnerCaseNo, handle_case_no: r.caseNo,
    status: lookup(DECISION_TO_XM, r.decision, '办理状态'), status_time: isoToXmTime(r.occurredAt),
    handle_dept: r.decidedBy.department, handler: r.decidedBy.clerk,
    ...(r.promisedAt ? { promise_time: isoToXmTime(r.promisedAt) } : {}),
    ...(r.missing ? { supplement_materials: r.missing.map((m) => ({ ...(m.code ? { material_code: m.code } : {}), material_name: m.name })) } : {}),
    ...(r.note ? { supplement_note: r.note } : {}),
    ...(r.reason ? { reject_reason: r.reason } : {}),
    ...(r.legalBasis ? { legal_basis: r.legalBasis } : {}),
    ...(r.result ? {
      result: {
        result_name: r.result.documentName, ...(r.result.certificateNo ? { cert_no: r.result.certificateNo } : {}),
        delivery_type: DELIVERY_TO_XM[r.result.delivery.method], ...(r.result.delivery.trackingNo ? { express_no: r.result.delivery.trackingNo } : {}),
      },
    } : {}),
    ...(x ? { delivered: { delivery_type: DELIVERY_TO_XM[x.method], ...(x.trackingNo ? { express_no: x.trackingNo } : {}), delivered_time: isoToXmTime(x.at) } } : {}),
    documents: documents(r, contents),
  };
}
