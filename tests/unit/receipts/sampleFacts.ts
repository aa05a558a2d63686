// Facts of each kind of document, as the gateway would state them for one case (fixed clock, fixed ids).
import type { DocumentType } from '../../../gateway/src/domain/case.js';
import type { AnyFacts, DocumentFacts, MaterialLine } from '../../../gateway/src/receipts/facts.js';

const BASE = 'http://127.0.0.1:8080';
const hex = (c: string) => c.repeat(64);

const MATERIALS: MaterialLine[] = [
  { code: 'M01', name: '个体工商户注销登记申请书', fileName: '注销登记申请书.pdf', mediaType: 'application/pdf', pages: 2, size: 214_532, sha256: '6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b' },
  { code: 'M02', name: '营业执照正副本', fileName: 'yyzz-scan.png', mediaType: 'image/png', pages: 1, size: 1_048_576, sha256: 'd4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35' },
  { code: 'M03', name: '清税证明（税务机关出具）', fileName: 'qingshui.pdf', mediaType: 'application/pdf', pages: 1, size: 96_112, sha256: hex('a') },
];

function common<T extends DocumentType>(documentType: T, documentId: string): Omit<DocumentFacts<T>, 'body'> {
  return {
    v: 1,
    documentId,
    documentType,
    caseId: '0b6f4c1e-2a8d-4d7b-9a52-6c1f3e8d2b10',
    caseNo: '330681-20261122-K7Q2M9XA',
    itemCode: '000121009000',
    itemName: '个体工商户注销登记',
    acceptRegion: { code: '330681', name: '浙江省诸暨市' },
    handlingRegion: { code: '310104', name: '上海市徐汇区' },
    issuer: { region: '330681', window: '诸暨市行政服务中心跨域通办窗口' },
    issuedAt: '2026-11-22T02:05:00.000Z',
    copy: false,
    reprintNo: 0,
    links: {
      status: `${BASE}/status.html?no=330681-20261122-K7Q2M9XA&code=7KQ2M9XAB3DF`,
      verify: `${BASE}/verify.html`,
      keys: `${BASE}/api/receipts/signing-keys`,
    },
  };
}

const INBOUND = { partnerCaseNo: 'NX2026112200001', department: '诸暨市行政审批局', clerkName: '孙伟' };
const AS_HANDLING = {
  itemCode: '000109004000', itemName: '户口迁移（迁入）',
  acceptRegion: { code: '640104', name: '宁夏回族自治区银川市兴庆区' }, handlingRegion: { code: '330681', name: '浙江省诸暨市' },
  issuer: { region: '330681', window: '诸暨市行政审批局' },
};

export const SAMPLE_FACTS: Record<DocumentType, AnyFacts> = {
  acceptance_receipt: {
    ...common('acceptance_receipt', '5a0e8c1d-5b1f-4c55-8a0e-1f2b3c4d5e01'),
    body: {
      applicant: { kind: 'person', name: '张三', idTypeLabel: '居民身份证', idNumberMasked: '3306**********1233', phoneMasked: '138****5678' },
      receivedAt: '2026-11-22T02:05:00.000Z',
      clerkName: '王芳',
      materials: MATERIALS,
      promisedDays: 5,
      promisedAt: '2026-11-27T16:00:00.000Z',
      delivery: '邮政寄递',
      publicCode: '7KQ2M9XAB3DF',
    },
  },
  transfer_sheet: {
    ...common('transfer_sheet', '5a0e8c1d-5b1f-4c55-8a0e-1f2b3c4d5e02'),
    body: {
      step: 'submit',
      idempotencyKey: '330681-20261122-K7Q2M9XA:310104:submit',
      clerkName: '王芳',
      items: [...MATERIALS, { code: 'KYTB-SLHZ', name: '受理回执（收件凭证）', fileName: '受理回执-330681-20261122-K7Q2M9XA.pdf', mediaType: 'application/pdf', pages: 1, size: 31_204, sha256: hex('b') }],
      totalBytes: 1_390_424,
    },
  },
  supplement_notice: {
    ...common('supplement_notice', '5a0e8c1d-5b1f-4c55-8a0e-1f2b3c4d5e03'),
    body: { round: 1, requestedAt: '2026-11-24T06:30:00.000Z', missing: ['清税证明（需加盖税务机关印章）', '营业执照正本原件扫描件（彩色，清晰可辨）'], note: '请按清单补齐补正材料后重新提交', applicantName: '张三' },
  },
  completion_notice: {
    ...common('completion_notice', '5a0e8c1d-5b1f-4c55-8a0e-1f2b3c4d5e04'),
    body: {
      completedAt: '2026-11-26T08:00:00.000Z', documentName: '准予注销登记通知书', certificateNo: 'ZX-2026-0001',
      resultDocument: { fileName: 'XH20261126160000000001-result.pdf', size: 612, sha256: hex('c') },
      delivery: '邮政寄递（物流单号 SF1234567890）', trackingNo: 'SF1234567890', applicantName: '张三',
    },
  },
  delivery_receipt: {
    ...common('delivery_receipt', '5a0e8c1d-5b1f-4c55-8a0e-1f2b3c4d5e05'),
    body: { deliveredAt: '2026-11-27T03:00:00.000Z', method: 'post', trackingNo: 'EMS1122334455', documentName: '准予注销登记通知书', certificateNo: 'ZX-2026-0001', clerkName: '王芳', applicantName: '张三' },
  },  // as 办理地: a case 宁夏 handed us, decided by our approver
  acceptance_notice: {
    ...common('acceptance_notice', '5a0e8c1d-5b1f-4c55-8a0e-1f2b3c4d5e06'),
    ...AS_HANDLING,
    body: {
      inbound: INBOUND, acceptedAt: '2026-11-23T01:30:00.000Z', materials: MATERIALS.slice(0, 1), promisedDays: 5, promisedAt: '2026-11-30T15:59:59.999Z', delivery: '网络送达（电子文书）',
      applicant: { kind: 'person', name: '马小花', idTypeLabel: '居民身份证', idNumberMasked: '6401**********123X' },
    },
  },
  rejection_notice: {
    ...common('rejection_notice', '5a0e8c1d-5b1f-4c55-8a0e-1f2b3c4d5e07'),
    ...AS_HANDLING,
    body: { inbound: INBOUND, applicantName: '马小花', rejectedAt: '2026-11-23T01:30:00.000Z', reason: '申请事项依法不属于本机关职权范围', legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项' },
  },
};
