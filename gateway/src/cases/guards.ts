// Throwing guards of the case use cases: each names the rule it holds.
import { GatewayError } from '../errors.js';
import type { Applicant, Material } from '../domain/case.js';
import type { ServiceItem } from '../domain/catalog.js';
import { validateIdNumber } from '../domain/idNumber.js';
import { validateCreditCode } from '../domain/creditCode.js';
import { isRegionCode } from '../domain/region.js';

export function assertRegionCode(code: string, field: string): void {
  if (!isRegionCode(code)) throw new GatewayError('REGION_CODE_INVALID', `${code} 不是有效的行政区划代码`, [{ field, message: 'GB/T 2260' }]);
}

export function assertApplicantValid(applicant: Applicant, item: ServiceItem): void {
  if (!item.applicantKinds.includes(applicant.kind)) {
    throw new GatewayError('VALIDATION_FAILED', `事项「${item.name}」不受理此类申请人`, [{ field: '/applicant/kind', message: `须为 ${item.applicantKinds.join(' / ')}` }]);
  }
  assertIdentityValid(applicant);
}

/** 公民身份号码 (GB 11643) for resident ID cards, 统一社会信用代码 (GB 32100) for organisations. */
export function assertIdentityValid(applicant: Applicant): void {
  const field = '/applicant/idNumber';
  if (applicant.kind === 'organization') {
    const r = validateCreditCode(applicant.idNumber);
    if (!r.ok) throw new GatewayError('CREDIT_CODE_INVALID', r.reason, [{ field, message: r.reason }]);
  } else if (applicant.idType === '111' || applicant.idType === '112') {
    const r = validateIdNumber(applicant.idNumber);
    if (!r.ok) throw new GatewayError('ID_NUMBER_INVALID', r.reason, [{ field, message: r.reason }]);
  }
}

const SIGNATURES: Array<{ mediaType: Material['mediaType']; magic: number[] }> = [
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The file's real type from its first bytes: a declared type or extension is not trusted. */
export function sniffMediaType(bytes: Buffer): Material['mediaType'] {
  const hit = SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b));
  if (!hit) throw new GatewayError('MATERIAL_TYPE_UNSUPPORTED', '文件内容不是 PDF、JPEG 或 PNG');
  return hit.mediaType;
}

/** Pages of a PDF by its page objects; images are one page. (Receipts use pdf-lib for exact counts.) */
export function pageCount(bytes: Buffer, mediaType: Material['mediaType']): number {
  if (mediaType !== 'application/pdf') return 1;
  const matches = bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g);
  return Math.max(1, matches?.length ?? 0);
}
