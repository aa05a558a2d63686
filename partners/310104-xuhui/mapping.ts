// Our case ⇄ 徐汇区's API bodies: pure functions, one per contract operation that carries case data, and
// the code tables between our vocabulary (GB/T 39046, GA/T 2000.156) and 徐汇区's own codes.
// A code with no entry is an error, never a default: a wrong 证件类型 or status must not travel silently.
import type { ApplicantKind, CaseKind, Delivery, HandlingForm, IdType } from '../../gateway/src/domain/case.js';
import type {
  CancelAnswer, CancelRequest, HandoffAck, OutboundCase, OutboundMaterial, PartnerReportedStatus, PartnerStatusUpdate,
} from '../../gateway/src/ports/partner.js';
import type {
  XhApplication, XhApplicationReceipt, XhApplicationRequest, XhCaseType, XhChannel,
  XhDeliveryMethod, XhIdType, XhMaterialRef, XhMaterialUploadFields, XhStatus, XhStatusEvent,
  XhSupplementReceipt, XhSupplementRequest, XhError, XhWithdrawalReceipt, XhWithdrawalRequest,
} from './types.js';

export class UnmappedCodeError extends Error {
  constructor(readonly table: string, readonly code: string) {
    super(`${table}: no mapping for code "${code}"`);
    this.name = 'UnmappedCodeError';
  }
}

function lookup<K extends string, V>(table: string, entries: Readonly<Record<K, V>>, code: string): V {
  if (!Object.hasOwn(entries, code)) throw new UnmappedCodeError(table, code);
  return entries[code as K];
}

/** 证件类型 GA/T 2000.156 → 徐汇区 idType. 990 其他 of an organization is its 统一社会信用代码. */
export const ID_TYPE_TO_XH: Readonly<Record<IdType, XhIdType>> = {
  '111': 'ID_CARD',
  '112': 'TEMP_ID_CARD',
  '113': 'HOUSEHOLD_REGISTER',
  '414': 'PASSPORT',
  '511': 'TW_PERMIT',
  '516': 'HKMO_PERMIT',
  '553': 'FOREIGN_PR_CARD',
  '990': 'OTHER',
};

export function toXhIdType(idType: string, kind: ApplicantKind): XhIdType {
  if (kind === 'organization' && idType === '990') return 'USCC';
  return lookup('证件类型 GA/T 2000.156 → 徐汇区', ID_TYPE_TO_XH, idType);
}

/** 徐汇区 status → canonical. SUPPLEMENTED (已补正，待复审) is back in the partner's hands, like RECEIVED. */
export const XH_STATUS_TO_CANONICAL: Readonly<Record<XhStatus, PartnerReportedStatus>> = {
  RECEIVED: 'forwarded',
  ACCEPTED: 'accepted',
  SUPPLEMENT_REQUIRED: 'needs_supplement',
  SUPPLEMENTED: 'forwarded',
  COMPLETED: 'completed',
  REJECTED: 'rejected',
  WITHDRAWN: 'withdrawn',
};

export const toCanonicalStatus = (code: string): PartnerReportedStatus => lookup('徐汇区办件状态', XH_STATUS_TO_CANONICAL, code);

/** 办件类型 (GB/T 39046) → caseType */
export const CASE_KIND_TO_XH: Readonly<Record<CaseKind, XhCaseType>> = { '1': 'IMMEDIATE', '2': 'PROMISED', '9': 'OTHER' };
/** 办理形式 (GB/T 39046) → channel */
export const HANDLING_FORM_TO_XH: Readonly<Record<HandlingForm, XhChannel>> = {
  '1': 'WINDOW', '2': 'PC', '3': 'MOBILE', '4': 'EXPRESS', '9': 'OTHER',
};

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** ISO 8601 instant → 徐汇区's Beijing-time form, second precision: 2026-11-22T10:00:00+08:00 */
export function toXhDateTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new RangeError(`not an ISO 8601 date-time: "${iso}"`);
  return `${new Date(t + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** 徐汇区 date-time (any explicit offset) → ISO 8601 UTC. A time without an offset is ambiguous: refused. */
export function fromXhDateTime(s: string): string {
  const t = /(Z|[+-]\d{2}:\d{2})$/.test(s) ? Date.parse(s) : Number.NaN;
  if (Number.isNaN(t)) throw new RangeError(`not a 徐汇区 date-time with offset: "${s}"`);
  return new Date(t).toISOString();
}

/** 是否快递寄送结果 / 网络送达 → resultDelivery; the address travels only when the result is posted. */
export function toXhResultDelivery(d: Delivery): XhApplicationRequest['resultDelivery'] {
  if (d.byPost) return d.address ? { method: 'EXPRESS', address: d.address } : { method: 'EXPRESS' };
  return { method: d.electronic ? 'ELECTRONIC' : 'WINDOW_PICKUP' };
}

export function fromXhDelivery(d: { method: XhDeliveryMethod; trackingNo?: string }): Delivery {
  const method = lookup('徐汇区送达方式', { EXPRESS: 'EXPRESS', ELECTRONIC: 'ELECTRONIC', WINDOW_PICKUP: 'WINDOW_PICKUP' }, d.method);
  if (method === 'EXPRESS') return d.trackingNo ? { byPost: true, trackingNo: d.trackingNo } : { byPost: true };
  return method === 'ELECTRONIC' ? { byPost: false, electronic: true } : { byPost: false };
}

/** operationId uploadMaterial: the text fields; the file bytes go beside them as the `file` part */
export function toUploadMaterialRequest(m: OutboundMaterial): XhMaterialUploadFields {
  return { sha256: m.sha256, materialCode: m.code, materialName: m.name };
}

function toMaterialRefs(c: OutboundCase, materialIds: ReadonlyMap<string, string>): XhMaterialRef[] {
  return c.materials.map((m) => {
    const materialId = materialIds.get(m.id);
    if (!materialId) throw new Error(`material ${m.id} of ${c.caseNo} was not uploaded`);
    return { materialId, materialCode: m.code, materialName: m.name, sha256: m.sha256, pages: m.pages };
  });
}

/** operationId submitApplication. Of the applicant: name, 证件, phone (PIPL: what 徐汇区 needs to decide and
 *  to reach them); the home address is not sent, only a posting address when the result is posted. */
export function toSubmitApplicationRequest(c: OutboundCase, materialIds: ReadonlyMap<string, string>): XhApplicationRequest {
  const a = c.applicant;
  return {
    externalCaseNo: c.caseNo,
    itemCode: c.itemCode,
    implementationCode: c.implementationCode,
    itemName: c.itemName,
    caseType: lookup('办件类型 → 徐汇区', CASE_KIND_TO_XH, c.kind),
    channel: lookup('办理形式 → 徐汇区', HANDLING_FORM_TO_XH, c.handlingForm),
    acceptRegionCode: c.acceptRegion,
    handlingRegionCode: c.handlingRegion,
    applicant: {
      type: a.kind === 'organization' ? 'LEGAL_PERSON' : 'NATURAL_PERSON',
      name: a.name,
      idType: toXhIdType(a.idType, a.kind),
      idNumber: a.idNumber,
      mobile: a.phone,
      ...(a.kind === 'organization' && a.agentName ? { agentName: a.agentName } : {}),
    },
    materials: toMaterialRefs(c, materialIds),
    promisedDays: c.promisedDays,
    promisedAt: toXhDateTime(c.promisedAt),
    submittedAt: toXhDateTime(c.submittedAt),
    resultDelivery: toXhResultDelivery(c.delivery),
    acceptingWindow: { name: c.receivedBy.window, handlerName: c.receivedBy.clerk },
  };
}

/** operationId submitSupplement: the complete material list after 补正 (徐汇区 replaces its list with it) */
export function toSubmitSupplementRequest(c: OutboundCase, materialIds: ReadonlyMap<string, string>): XhSupplementRequest {
  return { externalCaseNo: c.caseNo, materials: toMaterialRefs(c, materialIds) };
}

/** operationId withdrawApplication: the applicant's 撤件, with our 办件编号 for 徐汇区 to check */
export function toWithdrawApplicationRequest(req: CancelRequest): XhWithdrawalRequest {
  return { externalCaseNo: req.caseNo, reason: req.reason, requestedAt: toXhDateTime(req.requestedAt) };
}

/** withdrawApplication's answer: 200 WITHDRAWN, or 409 ALREADY_DECIDED naming the status it decided */
export function fromWithdrawApplicationResponse(status: number, body: XhWithdrawalReceipt | XhError): CancelAnswer {
  if (status === 200 && 'withdrawnAt' in body) return { outcome: 'withdrawn', partnerStatus: body.status, occurredAt: fromXhDateTime(body.withdrawnAt) };
  const e = body as XhError;
  const decided = e.details?.find((d) => d.field === 'status')?.message;
  const known = decided !== undefined && decided in XH_STATUS_TO_CANONICAL ? decided as XhStatus : undefined;
  return {
    outcome: 'refused', partnerStatus: known ?? e.code, reason: e.message,
    ...(known ? { decided: XH_STATUS_TO_CANONICAL[known] } : {}),
  };
}

/** the receipt of submitApplication / submitSupplement as our acknowledgement */
export function toHandoffAck(r: XhApplicationReceipt | XhSupplementReceipt): HandoffAck {
  return { partnerRef: r.applicationId, partnerStatus: r.status, status: toCanonicalStatus(r.status) };
}

/** webhook applicationStatusChanged, and each entry of getApplication's history */
export function fromStatusEvent(e: XhStatusEvent): PartnerStatusUpdate {
  const u: PartnerStatusUpdate = {
    partnerRef: e.applicationId,
    caseNo: e.externalCaseNo,
    status: toCanonicalStatus(e.status),
    partnerStatus: e.status,
    occurredAt: fromXhDateTime(e.occurredAt),
    eventId: e.eventId,
  };
  if (e.supplement) {
    u.missing = e.supplement.items.map((i) => (i.reason ? `${i.materialName}（${i.reason}）` : i.materialName));
    if (e.supplement.note) u.note = e.supplement.note;
  }
  if (e.rejection) u.reason = e.rejection.reason;
  if (e.result) {
    const { documentName, certificateNo, document, delivery } = e.result;
    u.result = {
      documentName,
      ...(certificateNo ? { certificateNo } : {}),
      document: { fileName: document.fileName, mediaType: document.mediaType, contentBase64: document.contentBase64, sha256: document.sha256 },
      delivery: fromXhDelivery(delivery),
    };
  }
  return u;
}

/** operationId getApplication: the whole history, oldest first */
export const fromGetApplicationResponse = (a: XhApplication): PartnerStatusUpdate[] => a.events.map(fromStatusEvent);
