import { describe, expect, test } from 'vitest';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type { DecisionReport } from '../../gateway/src/ports/partner.js';
import { TINY_PDF, sha256 } from '../../tests/support/fixtures.js';
import { toReportHandlingResultRequest, toUploadReportDocument, type XhHandlingReport } from './mapping-report.js';
import { CONTRACT_FILE } from './types.js';

const contract = loadContract(CONTRACT_FILE);
const MAT = 'mat_0123456789abcdef01234567';
const doc = (type: string, fileName: string, title = '受理通知书') => ({ type, title, fileName, mediaType: 'application/pdf', size: TINY_PDF.length, sha256: sha256(TINY_PDF) });

function report(over: Partial<DecisionReport>): DecisionReport {
  return {
    partnerCaseNo: 'XH-HO-20261122-0001', caseNo: '330681-20261201-ABCDEFGH', handlingRegion: '330681', decision: 'accepted', step: 'report-accepted',
    idempotencyKey: '330681-20261201-ABCDEFGH:310104:report-accepted', occurredAt: '2026-12-01T02:00:00.000Z',
    decidedBy: { department: '诸暨市公安局', clerk: '孙伟' }, documents: [doc('acceptance_notice', 'a.pdf')],
    readDocument: async () => TINY_PDF, ...over,
  };
}
const ids = (r: DecisionReport) => new Map(r.documents.map((d) => [d.fileName, MAT]));

describe('toReportHandlingResultRequest (operationId reportHandlingResult)', () => {
  test.each<[string, { given: DecisionReport; want: Partial<XhHandlingReport> }]>([
    ['受理: ACCEPTED with the 承诺办结时间 in Beijing time', { given: report({ promisedAt: '2026-12-08T15:59:59.999Z' }), want: { status: 'ACCEPTED', promisedAt: '2026-12-08T23:59:59+08:00' } }],
    ['补正: SUPPLEMENT_REQUIRED with what is missing and why', {
      given: report({ decision: 'needs_supplement', step: 'report-supplement-1', missing: [{ code: 'M03', name: '住所证明' }, { name: '户口簿原件' }], note: '未提交', documents: [doc('supplement_notice', 'b.pdf', '补齐补正通知书')] }),
      want: { status: 'SUPPLEMENT_REQUIRED', supplement: { items: [{ materialCode: 'M03', materialName: '住所证明' }, { materialName: '户口簿原件' }], note: '未提交' } },
    }],
    ['不予受理: REJECTED with the reason and its legal basis', {
      given: report({ decision: 'rejected', reason: '不符合条件', legalBasis: '《行政许可法》第三十二条', documents: [doc('rejection_notice', 'c.pdf', '不予受理通知书')] }),
      want: { status: 'REJECTED', rejection: { reason: '不符合条件', legalBasis: '《行政许可法》第三十二条' } },
    }],
    ['办结 by post: COMPLETED with the result, EXPRESS and its 物流单号', {
      given: report({ decision: 'completed', result: { documentName: '准迁证', certificateNo: 'ZJ-1', delivery: { method: 'post', trackingNo: 'SF1' } }, documents: [doc('completion_notice', 'd.pdf', '办结通知'), doc('result', 'zqz.pdf', '准迁证')] }),
      want: { status: 'COMPLETED', result: { documentName: '准迁证', certificateNo: 'ZJ-1', delivery: { method: 'EXPRESS', trackingNo: 'SF1' } } },
    }],
    ['送达 at the window: DELIVERED with when', {
      given: report({ decision: 'delivered', delivered: { method: 'window', at: '2026-12-09T01:00:00.000Z' }, documents: [doc('delivery_receipt', 'e.pdf', '送达回执')] }),
      want: { status: 'DELIVERED', delivery: { method: 'WINDOW_PICKUP', deliveredAt: '2026-12-09T09:00:00+08:00' } },
    }],
  ])('%s', (_name, { given, want }) => {
    const body = toReportHandlingResultRequest(given, ids(given));
    expect(body).toMatchObject({ handlingCaseNo: given.caseNo, handlingRegionCode: '330681', decidedBy: { department: '诸暨市公安局', handlerName: '孙伟' }, ...want });
    expect(body.documents.map((d) => [d.materialId, d.sha256, d.title])).toEqual(given.documents.map((d) => [MAT, d.sha256, d.title]));
    expect(contract.validateRequest('reportHandlingResult', body)).toEqual([]);
    for (const d of given.documents) expect(contract.validateRequest('uploadMaterial', { ...toUploadReportDocument(d), file: d.fileName }, 'multipart/form-data')).toEqual([]);
  });

  test('a document type 徐汇区 has no code for is an UnmappedCodeError, not a default', () => {
    const r = report({ documents: [doc('transfer_sheet', 'x.pdf')] });
    expect(() => toReportHandlingResultRequest(r, ids(r))).toThrow(expect.objectContaining({ name: 'UnmappedCodeError' }));
  });

  test('a mapping bug is caught by the contract before anything is sent: a 受理 without its 承诺办结时间', () => {
    const r = report({});
    expect(contract.validateRequest('reportHandlingResult', toReportHandlingResultRequest(r, ids(r))).map((f) => f.field)).toContain('/promisedAt');
  });
});
