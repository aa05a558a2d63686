import { describe, expect, test } from 'vitest';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type { DecisionReport } from '../../gateway/src/ports/partner.js';
import { TINY_PDF, sha256 } from '../../tests/support/fixtures.js';
import { toCaseFeedbackBiz } from './mapping-report.js';
import { CONTRACT_FILE } from './types.js';

const contract = loadContract(CONTRACT_FILE);
const doc = (type: string, title: string) => ({ type, title, fileName: `${type}.pdf`, mediaType: 'application/pdf', size: TINY_PDF.length, sha256: sha256(TINY_PDF) });
const report = (over: Partial<DecisionReport>): DecisionReport => ({
  partnerCaseNo: 'XMSJ20261122000001', caseNo: '330681-20261122-IN000001', handlingRegion: '330681', decision: 'accepted', step: 'report-accepted',
  idempotencyKey: 'IN000001:report-accepted', occurredAt: '2026-11-22T02:00:00.000Z', decidedBy: { department: '诸暨市公安局', clerk: '赵审批' },
  documents: [doc('acceptance_notice', '受理通知书')], readDocument: async () => TINY_PDF, ...over,
});
const contents = (r: DecisionReport) => new Map(r.documents.map((d) => [d.fileName, TINY_PDF] as const));

describe('toCaseFeedbackBiz (gov.kstb.case.feedback)', () => {
  test.each<[string, { given: Partial<DecisionReport>; want: Record<string, unknown> }]>([
    ['受理, with the promised time', { given: { promisedAt: '2026-12-06T16:00:00.000Z' }, want: { status: 'ACCEPTED', promise_time: '2026-12-07 00:00:00', status_time: '2026-11-22 10:00:00' } }],
    ['补正, naming the materials', {
      given: { decision: 'needs_supplement', missing: [{ code: 'M03', name: '迁入地合法稳定住所证明' }], note: '未提交住所证明', documents: [doc('supplement_notice', '补齐补正通知书')] },
      want: { status: 'SUPPLEMENT', supplement_materials: [{ material_code: 'M03', material_name: '迁入地合法稳定住所证明' }], supplement_note: '未提交住所证明' },
    }],
    ['不予受理, with its legal basis', {
      given: { decision: 'rejected', reason: '不符合迁入条件', legalBasis: '《浙江省户口登记管理规定》第十条', documents: [doc('rejection_notice', '不予受理通知书')] },
      want: { status: 'REJECTED', reject_reason: '不符合迁入条件', legal_basis: '《浙江省户口登记管理规定》第十条' },
    }],
    ['办结 by post', {
      given: { decision: 'completed', result: { documentName: '准迁证', certificateNo: 'ZJ-1', delivery: { method: 'post', trackingNo: 'SF1' } }, documents: [doc('completion_notice', '办结通知'), doc('result', '准迁证')] },
      want: { status: 'FINISHED', result: { result_name: '准迁证', cert_no: 'ZJ-1', delivery_type: 'EXPRESS', express_no: 'SF1' } },
    }],
    ['送达 electronically', {
      given: { decision: 'delivered', delivered: { method: 'electronic', at: '2026-11-23T01:00:00.000Z' }, documents: [doc('delivery_receipt', '送达回执')] },
      want: { status: 'DELIVERED', delivered: { delivery_type: 'ONLINE', delivered_time: '2026-11-23 09:00:00' } },
    }],
  ])('%s', (_name, { given, want }) => {
    const r = report(given);
    const biz = toCaseFeedbackBiz(r, contents(r));
    expect(biz).toMatchObject({ out_request_no: r.idempotencyKey, case_no: r.partnerCaseNo, handle_case_no: r.caseNo, handle_dept: '诸暨市公安局', ...want });
    expect(biz.documents.map((d) => [d.doc_type, d.file_sha256])).toEqual(r.documents.map((d) => [expect.any(String), d.sha256]));
    expect(contract.validateSchema('CaseFeedbackBiz', biz)).toEqual([]);
  });

  test('a document type the platform has no code for is refused instead of guessed', () => {
    const r = report({ documents: [doc('receipt_of_something', '某文书')] });
    expect(() => toCaseFeedbackBiz(r, contents(r))).toThrow(/文书类型 'receipt_of_something'/);
  });
});
