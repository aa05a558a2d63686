// Our case ⇄ the 宁夏 exchange platform's message bodies (contracts/partners/640000-ningxia.yaml), and the
// platform's code tables. Pure: no I/O, no clock. A code without a mapping throws MappingError, because a
// silent default would hand a partner a wrong 证件类型 or tell a clerk a wrong status.
import type { Delivery, IdType } from '../../gateway/src/domain/case.js';
import type {
  Applicant, OutboundCase, OutboundMaterial, PartnerReportedStatus, PartnerStatusUpdate,
} from '../../gateway/src/ports/partner.js';
import type {
  NxApplicant, NxCaseResult, NxDeliveryMode, NxFileType, NxIdType, NxMaterial, NxNotifyBody, NxQueryBody,
  NxResultDelivery, NxStatus, NxSubmitBody, NxSupplementBody,
} from './types.js';

export class MappingError extends Error {
  override readonly name = 'MappingError';
}

function lookup<V>(table: Readonly<Record<string, V>>, code: string, what: string): V {
  if (!Object.hasOwn(table, code)) throw new MappingError(`no 宁夏 code for ${what} '${code}'`);
  return table[code] as V;
}

/** 证件类型: GA/T 2000.156 → 宁夏平台代码表 */
export const ID_TYPE_TO_NX: Readonly<Record<IdType, NxIdType>> = {
  '111': '10', // 居民身份证
  '112': '11', // 临时居民身份证
  '113': '12', // 户口簿
  '414': '20', // 普通护照 → 护照
  '516': '31', // 港澳居民来往内地通行证
  '511': '32', // 台湾居民来往大陆通行证
  '553': '40', // 外国人永久居留身份证
  '990': '99', // 其他 (organizations: 统一社会信用代码)
};

/** 办件状态: the platform's codes → canonical statuses */
export const NX_STATUS: Readonly<Record<NxStatus, { name: string; status: PartnerReportedStatus }>> = {
  '01': { name: '已接收', status: 'forwarded' },
  '02': { name: '已受理', status: 'accepted' },
  '03': { name: '需补正', status: 'needs_supplement' },
  '04': { name: '已办结', status: 'completed' },
  '05': { name: '不予受理', status: 'rejected' },
  '07': { name: '已撤回', status: 'withdrawn' },
};

/** 文件类型: media type → 宁夏 wjlx (materials we send) */
export const MEDIA_TYPE_TO_NX: Readonly<Record<string, NxMaterial['wjlx']>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/** 文件类型: 宁夏 wjlx → media type (result documents we receive; OFD is China's e-document format) */
export const NX_TO_MEDIA_TYPE: Readonly<Record<NxFileType, string>> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  jpg: 'image/jpeg',
  png: 'image/png',
};

export const toNxIdType = (t: string): NxIdType => lookup(ID_TYPE_TO_NX, t, '证件类型');
export const toCanonicalStatus = (ztdm: string): PartnerReportedStatus => lookup(NX_STATUS, ztdm, '办件状态').status;
export const toNxFileType = (mediaType: string): NxMaterial['wjlx'] => lookup(MEDIA_TYPE_TO_NX, mediaType, '文件类型');
export const toMediaType = (wjlx: string): string => lookup(NX_TO_MEDIA_TYPE, wjlx, '文件类型');

// The platform keeps Beijing time whatever the machine's TZ, so shift by +8 h and read the UTC fields.
const UTC8_MS = 8 * 3_600_000;

/** Date → 'yyyy-MM-dd HH:mm:ss' (UTC+8) */
export function formatNxTime(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new MappingError('not a valid date');
  const s = new Date(d.getTime() + UTC8_MS).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 19)}`;
}

/** 'yyyy-MM-dd HH:mm:ss' (UTC+8) → Date; rejects impossible dates such as 02-30 */
export function parseNxTime(s: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s);
  if (!m) throw new MappingError(`'${s}' is not yyyy-MM-dd HH:mm:ss`);
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, se) - UTC8_MS);
  if (formatNxTime(date) !== s) throw new MappingError(`'${s}' is not a real time`);
  return date;
}

export const isoToNxTime = (iso: string): string => formatNxTime(new Date(iso));

// PIPL: the applicant's own address is not sent; only the postal address when the result goes by post.
function toApplicant(a: Applicant): NxApplicant {
  return {
    sqrlx: a.kind === 'person' ? '1' : '2',
    sqrmc: a.name,
    zjlx: toNxIdType(a.idType),
    zjhm: a.idNumber,
    lxdh: a.phone,
    ...(a.kind === 'organization' && a.agentName ? { jbrxm: a.agentName } : {}),
  };
}

function toResultDelivery(d: Delivery): NxResultDelivery {
  if (d.byPost) return { sdfs: '1', ...(d.address ? { yjdz: d.address } : {}) };
  return { sdfs: d.electronic ? '2' : '3' };
}

function toMaterials(materials: OutboundMaterial[], contents: ReadonlyMap<string, Buffer>): NxMaterial[] {
  return materials.map((m) => {
    const bytes = contents.get(m.id);
    if (!bytes) throw new MappingError(`material ${m.id} has no content`);
    // the declared hash travels as is: the platform recomputes it and refuses a mismatch (2001)
    return { clbm: m.code, clmc: m.name, wjm: m.fileName, wjlx: toNxFileType(m.mediaType), wjnr: bytes.toString('base64'), sha256: m.sha256 };
  });
}

/** operationId caseSubmit (KYTB1001): the whole case, materials inline. `bizSerial` is the idempotency key. */
export function toCaseSubmitRequest(c: OutboundCase, bizSerial: string, contents: ReadonlyMap<string, Buffer>): NxSubmitBody {
  return {
    bizSerial,
    bjbh: c.caseNo,
    sxbm: c.itemCode,
    ssbm: c.implementationCode,
    sxmc: c.itemName,
    bjlx: c.kind,
    blxs: c.handlingForm,
    sldq: c.acceptRegion,
    bldq: c.handlingRegion,
    sqr: toApplicant(c.applicant),
    clxx: toMaterials(c.materials, contents),
    cnsx: c.promisedDays,
    cnbjsj: isoToNxTime(c.promisedAt),
    sqsj: isoToNxTime(c.submittedAt),
    sjxx: { sjck: c.receivedBy.window, sjr: c.receivedBy.clerk },
    jgsd: toResultDelivery(c.delivery),
  };
}

/** operationId caseSupplement (KYTB1002): the full material list after 补正, for the N-th round */
export function toCaseSupplementRequest(
  c: OutboundCase, bizSerial: string, round: number, contents: ReadonlyMap<string, Buffer>,
): NxSupplementBody {
  return { bizSerial, bjbh: c.caseNo, bzcs: round, clxx: toMaterials(c.materials, contents) };
}

/** operationId caseQuery (KYTB1003) */
export function toCaseQueryRequest(partnerRef: string, caseNo: string): NxQueryBody {
  return { sbbh: partnerRef, bjbh: caseNo };
}

const DELIVERY_FROM_NX: Readonly<Record<NxDeliveryMode, (kddh?: string) => Delivery>> = {
  '1': (kddh) => ({ byPost: true, ...(kddh ? { trackingNo: kddh } : {}) }),
  '2': () => ({ byPost: false, electronic: true }),
  '3': () => ({ byPost: false }),
};

function fromResult(r: NxCaseResult): NonNullable<PartnerStatusUpdate['result']> {
  return {
    documentName: r.jgmc,
    ...(r.zzbh ? { certificateNo: r.zzbh } : {}),
    ...(r.jgwj ? {
      document: { fileName: r.jgwj.wjm, mediaType: toMediaType(r.jgwj.wjlx), contentBase64: r.jgwj.wjnr, sha256: r.jgwj.sha256 },
    } : {}),
    delivery: lookup(DELIVERY_FROM_NX, r.sdfs, '送达方式')(r.kddh),
  };
}

/** webhook caseStatusNotify (KYTB2001): one status change → one canonical update */
export function fromCaseStatusNotify(b: NxNotifyBody): PartnerStatusUpdate {
  return {
    partnerRef: b.sbbh,
    caseNo: b.bjbh,
    status: toCanonicalStatus(b.ztdm),
    partnerStatus: b.ztdm,
    occurredAt: parseNxTime(b.bgsj).toISOString(),
    eventId: b.sjbh,
    ...(b.bzcl ? { missing: b.bzcl } : {}),
    ...(b.bzsm ? { note: b.bzsm } : {}),
    ...(b.byslyy ? { reason: b.byslyy } : {}),
    ...(b.bjjg ? { result: fromResult(b.bjjg) } : {}),
  };
}

/** 应答代码 head.rtnCode (ReturnCode in the contract) */
export const RTN_CODES = {
  '0000': '成功',
  '1001': '报文不符合接口规范',
  '1002': '签名校验失败',
  '1003': '报文时间超出允许范围',
  '1004': '报文流水号重复',
  '1005': '接入应用未登记',
  '2001': '材料摘要不符',
  '2002': '业务流水号重复但报文内容不一致',
  '2003': '办件不存在',
  '2004': '办件当前状态不允许此操作',
  '2005': '办件编号已提交',
  '2006': '办件已作出决定，不能撤件',
  '9999': '系统繁忙，请稍后重试',
} as const;
export type NxRtnCode = keyof typeof RTN_CODES;

/** our error codes → rtnCode, for the receipt we give the platform's callbacks. Unlike the tables above
 *  this one has a fallback: a receipt must always be rendered, and 9999 tells the platform to push again. */
const GATEWAY_CODE_TO_RTN: Readonly<Record<string, NxRtnCode>> = {
  VALIDATION_FAILED: '1001',
  MALFORMED_JSON: '1001',
  SIGNATURE_INVALID: '1002',
  TIMESTAMP_STALE: '1003',
  NONCE_REPLAYED: '1004',
  PARTNER_UNKNOWN: '1005',
  CASE_NOT_FOUND: '2003',
  ILLEGAL_TRANSITION: '2004',
};
export const toReceiptRtnCode = (gatewayCode: string): NxRtnCode =>
  Object.hasOwn(GATEWAY_CODE_TO_RTN, gatewayCode) ? GATEWAY_CODE_TO_RTN[gatewayCode] as NxRtnCode : '9999';
