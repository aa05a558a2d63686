// Our decision on a case 徐汇区 handed us (we are 办理地) → its reportHandlingResult body, with its code
// tables, and the uploadMaterial fields of each document the report carries (uploaded first, referenced
// by materialId with its SHA-256, as 徐汇区 carries materials). Pure: no I/O, no clock. A code without a
// mapping throws UnmappedCodeError.
import type { components } from '../../contracts/generated/310104-xuhui.js';
import type { DecisionReport, InboundDecision, ReportDocument } from '../../gateway/src/ports/partner.js';
import { toXhDateTime, UnmappedCodeError } from './mapping.js';
import type { XhMaterialUploadFields } from './types.js';

export type XhHandlingReport = components['schemas']['HandlingReport'];
export type XhHandlingReportReceipt = components['schemas']['HandlingReportReceipt'];
type XhReportDocument = components['schemas']['ReportDocument'];

/** 办理状态: our decision → 徐汇区 HandlingReport.status */
export const DECISION_TO_XH: Readonly<Record<InboundDecision, XhHandlingReport['status']>> = {
  accepted: 'ACCEPTED',
  needs_supplement: 'SUPPLEMENT_REQUIRED',
  rejected: 'REJECTED',
  completed: 'COMPLETED',
  delivered: 'DELIVERED',
};

/** 文书类型: the report's document types → 徐汇区 documentType and the material code it is uploaded under */
export const DOCUMENT_TO_XH: Readonly<Record<string, { documentType: XhReportDocument['documentType']; materialCode: string }>> = {
  acceptance_notice: { documentType: 'ACCEPTANCE_NOTICE', materialCode: 'KYTB-SLTZS' },
  supplement_notice: { documentType: 'SUPPLEMENT_NOTICE', materialCode: 'KYTB-BZTZS' },
  rejection_notice: { documentType: 'REJECTION_NOTICE', materialCode: 'KYTB-BYSLTZS' },
  completion_notice: { documentType: 'COMPLETION_NOTICE', materialCode: 'KYTB-BJTZ' },
  result: { documentType: 'RESULT', materialCode: 'KYTB-JGWJ' },
  delivery_receipt: { documentType: 'DELIVERY_RECEIPT', materialCode: 'KYTB-SDHZ' },
};

/** 送达方式 */
const DELIVERY_TO_XH = { post: 'EXPRESS', electronic: 'ELECTRONIC', window: 'WINDOW_PICKUP' } as const;

function lookup<V>(table: string, entries: Readonly<Record<string, V>>, code: string): V {
  if (!Object.hasOwn(entries, code)) throw new UnmappedCodeError(table, code);
  return entries[code] as V;
}

/** operationId uploadMaterial, for one document of a report */
export function toUploadReportDocument(d: ReportDocument): XhMaterialUploadFields {
  return { sha256: d.sha256, materialCode: lookup('文书类型', DOCUMENT_TO_XH, d.type).materialCode, materialName: d.title };
}

/** operationId reportHandlingResult: one decision; `materialIds` maps each document's fileName to what uploadMaterial returned */
export function toReportHandlingResultRequest(r: DecisionReport, materialIds: ReadonlyMap<string, string>): XhHandlingReport {
  const x = r.delivered;
  return {
    handlingCaseNo: r.caseNo,
    handlingRegionCode: r.handlingRegion,
    status: lookup('办理状态', DECISION_TO_XH, r.decision),
    occurredAt: toXhDateTime(r.occurredAt),
    decidedBy: { department: r.decidedBy.department, handlerName: r.decidedBy.clerk },
    ...(r.promisedAt ? { promisedAt: toXhDateTime(r.promisedAt) } : {}),
    ...(r.missing ? {
      supplement: { items: r.missing.map((m) => ({ ...(m.code ? { materialCode: m.code } : {}), materialName: m.name })), ...(r.note ? { note: r.note } : {}) },
    } : {}),
    ...(r.reason || r.legalBasis ? { rejection: { reason: r.reason ?? '', legalBasis: r.legalBasis ?? '' } } : {}),
    ...(r.result ? {
      result: {
        documentName: r.result.documentName, ...(r.result.certificateNo ? { certificateNo: r.result.certificateNo } : {}),
        delivery: { method: DELIVERY_TO_XH[r.result.delivery.method], ...(r.result.delivery.trackingNo ? { trackingNo: r.result.delivery.trackingNo } : {}) },
      },
    } : {}),
    ...(x ? { delivery: { method: DELIVERY_TO_XH[x.method], ...(x.trackingNo ? { trackingNo: x.trackingNo } : {}), deliveredAt: toXhDateTime(x.at) } } : {}),
    documents: r.documents.map((d) => {
      const materialId = materialIds.get(d.fileName);
      if (!materialId) throw new UnmappedCodeError('文书', d.fileName);
      return { documentType: lookup('文书类型', DOCUMENT_TO_XH, d.type).documentType, title: d.title, materialId, sha256: d.sha256 };
    }),
  };
}
