// Shared test data: a valid outbound case and tiny but real material files.
import { createHash } from 'node:crypto';
import type { OutboundCase } from '../../gateway/src/ports/partner.js';

/** A one-page PDF (valid structure, readable by pdf tools). */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** 公民身份号码 with a correct GB 11643 check digit (330681 诸暨市, born 1990-03-07). */
export const VALID_ID_NUMBER = '330681199003071233';

export function sampleOutboundCase(overrides: Partial<OutboundCase> = {}): { case: OutboundCase; files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>([['m1', TINY_PDF], ['m2', TINY_PNG]]);
  const c: OutboundCase = {
    caseNo: '330681-20261122-K7Q2M9XA',
    itemCode: '000121009000',
    implementationCode: '11310104MB2F12345X000121009000',
    itemName: '个体工商户注销登记',
    kind: '2',
    handlingForm: '1',
    acceptRegion: '330681',
    handlingRegion: '310104',
    applicant: {
      kind: 'person', name: '张三', idType: '111', idNumber: VALID_ID_NUMBER, phone: '13812345678',
      address: '浙江省诸暨市暨阳街道艮塔西路1号',
    },
    materials: [
      { id: 'm1', code: 'M01', name: '注销登记申请书', fileName: 'sqs.pdf', mediaType: 'application/pdf', size: TINY_PDF.length, sha256: sha256(TINY_PDF), pages: 1 },
      { id: 'm2', code: 'M02', name: '营业执照正副本', fileName: 'yyzz.png', mediaType: 'image/png', size: TINY_PNG.length, sha256: sha256(TINY_PNG), pages: 1 },
    ],
    promisedDays: 5,
    promisedAt: '2026-11-27T16:00:00.000Z',
    submittedAt: '2026-11-22T02:00:00.000Z',
    delivery: { byPost: true, address: '浙江省诸暨市暨阳街道艮塔西路1号' },
    receivedBy: { window: '诸暨市行政服务中心跨域通办窗口', clerk: '王芳' },
    ...overrides,
  };
  return { case: c, files };
}

/** a case as 宁夏 hands it to us (receiveCase), for an item we decide; fields replaced by `overrides` */
export function inboundCase(overrides: Record<string, unknown> = {}) {
  return {
    partnerCaseNo: `NX${Date.now()}${Math.floor(Math.random() * 1e6)}`,
    itemCode: '000109004000', itemName: '户口迁移（迁入）', kind: '2', handlingForm: '1', acceptRegion: '640104',
    applicant: { kind: 'person', name: '马小花', idType: '111', idNumber: '64010419900101123X', phone: '13912345678' },
    materials: [{ code: 'M01', name: '居民户口簿', fileName: 'hkb.pdf', contentBase64: TINY_PDF.toString('base64'), sha256: sha256(TINY_PDF) }],
    promisedDays: 10, delivery: { byPost: false, electronic: true }, receivedAt: new Date().toISOString(),
    ...overrides,
  };
}
