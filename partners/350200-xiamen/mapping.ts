// Our case ⇄ the 厦门 open platform's business parameters (contracts/partners/350200-xiamen.yaml), and the
// platform's code tables. Pure: no I/O, no clock. A code without a mapping throws MappingError, because a
// silent default would hand the platform a wrong 证件类型 or tell a clerk a wrong status.
import type { Delivery, IdType } from '../../gateway/src/domain/case.js';
import type {
  Applicant, CancelAnswer, CancelRequest, OutboundCase, OutboundMaterial, PartnerReportedStatus, PartnerResultDocument, PartnerStatusUpdate,
} from '../../gateway/src/ports/partner.js';
import type {
  XmApplicant, XmCancelBiz, XmCancelResponse, XmCaseStatus, XmCertType, XmDelivery, XmMaterial, XmNotification, XmSubmitBiz,
} from './types.js';

export class MappingError extends Error {
  override readonly name = 'MappingError';
}

export function lookup<V>(table: Readonly<Record<string, V>>, code: string, what: string): V {
  if (!Object.hasOwn(table, code)) throw new MappingError(`no 厦门 code for ${what} '${code}'`);
  return table[code] as V;
}

/** 证件类型: GA/T 2000.156 → 厦门平台代码 */
export const ID_TYPE_TO_XM: Readonly<Record<IdType, XmCertType>> = {
  '111': 'IDENTITY_CARD', // 居民身份证
  '112': 'TEMP_IDENTITY_CARD', // 临时居民身份证
  '113': 'HOUSEHOLD_REGISTER', // 户口簿
  '414': 'PASSPORT', // 普通护照
  '516': 'HK_MACAO_PASS', // 港澳居民来往内地通行证
  '511': 'TAIWAN_PASS', // 台湾居民来往大陆通行证
  '553': 'FOREIGNER_PERMANENT_RESIDENCE', // 外国人永久居留身份证
  '990': 'OTHER', // 其他 (organizations: 统一社会信用代码)
};

/** 办件状态: the platform's codes → canonical statuses (no 补正 on this platform) */
export const XM_STATUS: Readonly<Record<XmCaseStatus, { name: string; status: PartnerReportedStatus }>> = {
  RECEIVED: { name: '已接收', status: 'forwarded' },
  ACCEPTED: { name: '已受理', status: 'accepted' },
  FINISHED: { name: '已办结', status: 'completed' },
  REJECTED: { name: '不予受理', status: 'rejected' },
  CANCELLED: { name: '已撤回', status: 'withdrawn' },
};

/** 文件类型: media type → file_type (materials we send) */
export const MEDIA_TYPE_TO_XM: Readonly<Record<string, XmMaterial['file_type']>> = {
  'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG',
};

/** 文件类型: result_file_type → media type (result documents we fetch; OFD is China's e-document format) */
export const XM_TO_MEDIA_TYPE: Readonly<Record<string, string>> = { PDF: 'application/pdf', OFD: 'application/ofd' };

export const toXmCertType = (t: string): XmCertType => lookup(ID_TYPE_TO_XM, t, '证件类型');
export const toCanonicalStatus = (s: string): PartnerReportedStatus => lookup(XM_STATUS, s, '办件状态').status;
export const toXmFileType = (mediaType: string): XmMaterial['file_type'] => lookup(MEDIA_TYPE_TO_XM, mediaType, '文件类型');
export const toMediaType = (fileType: string): string => lookup(XM_TO_MEDIA_TYPE, fileType, '文件类型');

// The platform keeps Beijing time whatever the machine's TZ, so shift by +8 h and read the UTC fields.
const UTC8_MS = 8 * 3_600_000;

/** Date → 'yyyy-MM-dd HH:mm:ss' (UTC+8) */
export function formatXmTime(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new MappingError('not a valid date');
  const s = new Date(d.getTime() + UTC8_MS).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 19)}`;
}

/** 'yyyy-MM-dd HH:mm:ss' (UTC+8) → Date; refuses impossible times such as 02-30 */
export function parseXmTime(s: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s);
  if (!m) throw new MappingError(`'${s}' is not yyyy-MM-dd HH:mm:ss`);
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, se) - UTC8_MS);
  if (formatXmTime(date) !== s) throw new MappingError(`'${s}' is not a real time`);
  return date;
}

export const isoToXmTime = (iso: string): string => formatXmTime(new Date(iso));

// PIPL: the applicant's own address is not sent; only the postal address when the result goes by post.
function toApplicant(a: Applicant): XmApplicant {
  return {
    applicant_type: a.kind === 'person' ? 'PERSON' : 'ORGANIZATION',
    name: a.name,
    cert_type: toXmCertType(a.idType),
    cert_no: a.idNumber,
    mobile: a.phone,
    ...(a.kind === 'organization' && a.agentName ? { agent_name: a.agentName } : {}),
  };
}

export function toXmDelivery(d: Delivery): XmDelivery {
  if (d.byPost) return { delivery_type: 'EXPRESS', ...(d.address ? { address: d.address } : {}) };
  return { delivery_type: d.electronic ? 'ONLINE' : 'WINDOW' };
}

function toMaterials(materials: OutboundMaterial[], contents: ReadonlyMap<string, Buffer>): XmMaterial[] {
  return materials.map((m) => {
    const bytes = contents.get(m.id);
    if (!bytes) throw new MappingError(`material ${m.id} has no content`);
    // the declared hash travels as is: the platform recomputes it and refuses a mismatch
    return {
      material_code: m.code, material_name: m.name, file_name: m.fileName, file_type: toXmFileType(m.mediaType),
      file_content: bytes.toString('base64'), file_sha256: m.sha256,
    };
  });
}

/** method gov.kstb.case.submit (operationId gateway): the whole case, materials inline. `outRequestNo` is the idempotency key. */
export function toCaseSubmitBiz(c: OutboundCase, outRequestNo: string, contents: ReadonlyMap<string, Buffer>): XmSubmitBiz {
  return {
    out_request_no: outRequestNo,
    case_no: c.caseNo,
    item_code: c.itemCode,
    impl_code: c.implementationCode,
    item_name: c.itemName,
    case_type: c.kind,
    accept_region: c.acceptRegion,
    handle_region: c.handlingRegion,
    applicant: toApplicant(c.applicant),
    materials: toMaterials(c.materials, contents),
    promise_days: c.promisedDays,
    promise_time: isoToXmTime(c.promisedAt),
    apply_time: isoToXmTime(c.submittedAt),
    receive_window: c.receivedBy.window,
    receiver: c.receivedBy.clerk,
    delivery: toXmDelivery(c.delivery),
  };
}

/** method gov.kstb.case.cancel (撤件): the platform's case number and ours, the reason and when the applicant asked */
export function toCaseCancelBiz(req: CancelRequest): XmCancelBiz {
  return {
    out_request_no: req.idempotencyKey, platform_case_no: req.partnerRef, case_no: req.caseNo,
    cancel_reason: req.reason, apply_time: isoToXmTime(req.requestedAt),
  };
}

/** gov.kstb.case.cancel's answer: 10000 withdrawn (CANCELLED), or KSTB.CASE_ALREADY_DECIDED with the status it is in */
export function fromCaseCancelResponse(r: XmCancelResponse): CancelAnswer {
  if (r.code === '10000' && r.status === 'CANCELLED' && r.cancel_time) {
    return { outcome: 'withdrawn', partnerStatus: r.status, occurredAt: parseXmTime(r.cancel_time).toISOString() };
  }
  if (r.sub_code !== 'KSTB.CASE_ALREADY_DECIDED') throw new MappingError(`cancel answered ${r.code} ${r.sub_code ?? ''} without a decision`);
  const known = r.status && Object.hasOwn(XM_STATUS, r.status) ? r.status : undefined;
  return {
    outcome: 'refused', partnerStatus: r.status ?? r.sub_code,
    reason: known ? `办理地已作出决定（${XM_STATUS[known].name}），不能撤件` : '办理地已作出决定，不能撤件',
    ...(known ? { decided: toCanonicalStatus(known) } : {}),
  };
}

const DELIVERY_FROM_XM: Readonly<Record<string, (expressNo?: string) => Delivery>> = {
  EXPRESS: (no) => ({ byPost: true, ...(no ? { trackingNo: no } : {}) }),
  ONLINE: () => ({ byPost: false, electronic: true }),
  WINDOW: () => ({ byPost: false }),
};

/** webhook caseStatusNotify: one status change → one canonical update; `document` is the result fetched from result_url */
export function fromCaseStatusNotify(n: XmNotification, document?: PartnerResultDocument): PartnerStatusUpdate {
  if (n.status === 'FINISHED' && !n.result_name) throw new MappingError('a FINISHED notification names no result_name');
  return {
    partnerRef: n.platform_case_no,
    caseNo: n.case_no,
    status: toCanonicalStatus(n.status),
    partnerStatus: n.status,
    occurredAt: parseXmTime(n.status_time).toISOString(),
    eventId: n.event_id,
    ...(n.reject_reason ? { reason: n.reject_reason } : {}),
    ...(n.status === 'FINISHED' ? {
      result: {
        documentName: n.result_name as string,
        ...(n.cert_no ? { certificateNo: n.cert_no } : {}),
        ...(document ? { document } : {}),
        ...(n.delivery_type ? { delivery: lookup(DELIVERY_FROM_XM, n.delivery_type, '送达方式')(n.express_no) } : {}),
      },
    } : {}),
  };
}
