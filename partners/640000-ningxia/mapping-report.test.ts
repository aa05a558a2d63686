import { describe, expect, test } from 'vitest';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type { DecisionReport } from '../../gateway/src/ports/partner.js';
import { TINY_PDF, sha256 } from '../../tests/support/fixtures.js';
import { seal } from './envelope.js';
import { toCaseResultFeedbackRequest } from './mapping-report.js';
import { BIZ_CODES, CONTRACT_FILE, type NxFeedbackBody } from './types.js';

const contract = loadContract(CONTRACT_FILE);
const doc = (type: string, fileName: string) => ({ type, title: '受理通知书', fileName, mediaType: 'application/pdf', size: TINY_PDF.length, sha256: sha256(TINY_PDF) });

function report(over: Partial<DecisionReport>): DecisionReport {
  return {
    partnerCaseNo: 'NX2026112200001', caseNo: '330681-20261201-ABCDEFGH', handlingRegion: '330681', decision: 'accepted', step: 'report-accepted',
    idempotencyKey: '330681-20261201-ABCDEFGH:640000:report-accepted', occurredAt: '2026-12-01T02:00:00.000Z',
    decidedBy: { department: '诸暨市行政审批局', clerk: '孙伟' }, documents: [doc('acceptance_notice', 'a.pdf')],
    readDocument: async () => TINY_PDF, ...over,
  };
}

const contents = (r: DecisionReport) => new Map(r.documents.map((d) => [d.fileName, TINY_PDF]));
const sealed = (body: NxFeedbackBody) => seal({
  version: '1.0', appId: 'kytb330681', sender: '330681', receiver: '640000', bizCode: BIZ_CODES.caseResultFeedback, serial: 'a'.repeat(32), time: '2026-12-01 10:00:00',
}, body, 'secret');

describe('toCaseResultFeedbackRequest (operationId caseResultFeedback, KYTB1004)', () => {
  test.each<[string, { given: DecisionReport; want: Partial<NxFeedbackBody> }]>([
    ['受理: 02 with the 承诺办结时间 in Beijing time', { given: report({ promisedAt: '2026-12-08T15:59:59.999Z' }), want: { ztdm: '02', ztmc: '已受理', cnbjsj: '2026-12-08 23:59:59' } }],
    ['补正: 03 with what is missing and why', {
      given: report({ decision: 'needs_supplement', step: 'report-supplement-1', missing: [{ code: 'M03', name: '住所证明' }, { name: '户口簿原件' }], note: '未提交', documents: [doc('supplement_notice', 'b.pdf')] }),
      want: { ztdm: '03', bzcl: [{ clbm: 'M03', clmc: '住所证明' }, { clmc: '户口簿原件' }], bzsm: '未提交' },
    }],
    ['不予受理: 05 with the reason and its legal basis', {
      given: report({ decision: 'rejected', reason: '不符合条件', legalBasis: '《行政许可法》第三十二条', documents: [doc('rejection_notice', 'c.pdf')] }),
      want: { ztdm: '05', byslyy: '不符合条件', flyj: '《行政许可法》第三十二条' },
    }],
    ['办结 by post: 04 with the result, 邮寄 and its 物流单号', {
      given: report({ decision: 'completed', result: { documentName: '准迁证', certificateNo: 'ZJ-1', delivery: { method: 'post', trackingNo: 'SF1' } }, documents: [doc('completion_notice', 'd.pdf'), doc('result', 'zqz.pdf')] }),
      want: { ztdm: '04', bjjg: { jgmc: '准迁证', zzbh: 'ZJ-1', sdfs: '1', kddh: 'SF1' } },
    }],
    ['送达 electronically: 06 with when', {
      given: report({ decision: 'delivered', delivered: { method: 'electronic', at: '2026-12-09T01:00:00.000Z' }, documents: [doc('delivery_receipt', 'e.pdf')] }),
      want: { ztdm: '06', sdxx: { sdfs: '2', sdsj: '2026-12-09 09:00:00' } },
    }],
  ])('%s', (_name, { given, want }) => {
    const body = toCaseResultFeedbackRequest(given, contents(given));
    expect(body).toMatchObject({ bizSerial: given.idempotencyKey, bjbh: 'NX2026112200001', bldbh: given.caseNo, blbm: '诸暨市行政审批局', blr: '孙伟', ...want });
    expect(body.wsxx.map((d) => [d.wjm, d.sha256, Buffer.from(d.wjnr, 'base64').equals(TINY_PDF)])).toEqual(given.documents.map((d) => [d.fileName, d.sha256, true]));
    expect(contract.validateRequest('caseResultFeedback', sealed(body))).toEqual([]);
  });

  test('a document type the platform has no code for is a MappingError, not a default', () => {
    const r = report({ documents: [doc('transfer_sheet', 'x.pdf')] });
    expect(() => toCaseResultFeedbackRequest(r, contents(r))).toThrow(expect.objectContaining({ name: 'MappingError' }));
  });

  test('a mapping bug is caught by the contract before anything is sent: a 受理 without its 承诺办结时间', () => {
    const r = report({});
    expect(contract.validateRequest('caseResultFeedback', sealed(toCaseResultFeedbackRequest(r, contents(r)))).map((f) => f.field)).toContain('/body/cnbjsj');
  });
});
