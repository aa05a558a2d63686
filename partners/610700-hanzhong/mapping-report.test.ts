import { describe, expect, test } from 'vitest';
import type { DecisionReport } from '../../gateway/src/ports/partner.js';
import { TINY_PDF, sha256 } from '../../tests/support/fixtures.js';
import { findDocument, jlidOf, toFkcxRecord, toFkcxReply, toFkxzReply, type BldLsjl } from './mapping-report.js';
import { contract } from './types.js';

const doc = (type: string, fileName: string, title = '受理通知书') => ({ type, title, fileName, mediaType: 'application/pdf', size: TINY_PDF.length, sha256: sha256(TINY_PDF) });

function report(over: Partial<DecisionReport>): DecisionReport {
  return {
    partnerCaseNo: 'HZ2026112200001', caseNo: '330681-20261201-ABCDEFGH', handlingRegion: '330681', decision: 'accepted', step: 'report-accepted',
    idempotencyKey: '330681-20261201-ABCDEFGH:610700:report-accepted', occurredAt: '2026-12-01T02:00:00.000Z',
    decidedBy: { department: '诸暨市公安局', clerk: '孙伟' }, promisedAt: '2026-12-08T15:59:59.999Z', documents: [doc('acceptance_notice', 'a.pdf')],
    readDocument: async () => TINY_PDF, ...over,
  };
}

describe('toFkcxRecord (a 流水记录 of operationId fkcx)', () => {
  test.each<[string, { given: DecisionReport; want: Partial<BldLsjl> }]>([
    ['受理: 2 with the 承诺办结时间 in Beijing time', { given: report({}), want: { blzt: '2', blztmc: '受理', cnbjsj: '20261208235959', clsj: '20261201100000' } }],
    ['补正: 11 with the list of what is missing', {
      given: report({ decision: 'needs_supplement', step: 'report-supplement-1', promisedAt: undefined as never, missing: [{ code: 'M03', name: '住所证明' }], note: '未提交', documents: [doc('supplement_notice', 'b.pdf', '补齐补正通知书')] }),
      want: { blzt: '11', bqclqd: ['住所证明'], bqclmx: [{ clbm: 'M03', clmc: '住所证明' }], blyj: '未提交' },
    }],
    ['不予受理: 5 with the reason and its legal basis', {
      given: report({ decision: 'rejected', reason: '不符合条件', legalBasis: '《行政许可法》第三十二条', documents: [doc('rejection_notice', 'c.pdf', '不予受理通知书')] }),
      want: { blzt: '5', byslyy: '不符合条件', flyj: '《行政许可法》第三十二条' },
    }],
    ['办结 by post: 4 with the result, 邮寄 and its 邮寄单号', {
      given: report({ decision: 'completed', result: { documentName: '准迁证', certificateNo: 'ZJ-1', delivery: { method: 'post', trackingNo: 'SF1' } }, documents: [doc('completion_notice', 'd.pdf', '办结通知'), doc('result', 'zqz.pdf', '准迁证')] }),
      want: { blzt: '4', bjjg: { jgmc: '准迁证', zzbh: 'ZJ-1', sfyj: '1', yjdh: 'SF1' } },
    }],
    ['送达 electronically: 6 with when', {
      given: report({ decision: 'delivered', delivered: { method: 'electronic', at: '2026-12-09T01:00:00.000Z' }, documents: [doc('delivery_receipt', 'e.pdf', '送达回执')] }),
      want: { blzt: '6', sdxx: { sdfs: '2', sdsj: '20261209090000' } },
    }],
  ])('%s', (_name, { given, want }) => {
    const record = toFkcxRecord(given);
    expect(record).toMatchObject({ jlid: jlidOf(given), sldw: '诸暨市公安局', blr: '孙伟', ...want });
    expect(record.wslb.map((w) => [w.wjmc, w.wjhash, w.wjdx])).toEqual(given.documents.map((d) => [d.fileName, d.sha256, d.size]));
    expect(contract.validateSchema('BldLsjl', record)).toEqual([]);
  });

  test('the same report is the same record, with the same ids, however often it is polled', () => {
    expect(toFkcxRecord(report({}))).toEqual(toFkcxRecord(report({})));
    expect(toFkcxRecord(report({ idempotencyKey: 'other-key-of-another-step' })).jlid).not.toBe(jlidOf(report({})));
  });

  test('a document type 汉中 has no code for is a MappingError, not a default', () => {
    expect(() => toFkcxRecord(report({ documents: [doc('transfer_sheet', 'x.pdf')] }))).toThrow(expect.objectContaining({ name: 'MappingError' }));
  });
});

describe('toFkcxReply and toFkxzReply (operationIds fkcx, fkxz)', () => {
  const published = { partnerCaseNo: 'HZ2026112200001', caseNo: '330681-20261201-ABCDEFGH', handlingRegion: '330681', reports: [report({})] };

  test('the answer lists the published decisions and holds to the contract; with none the case is 1 收件', () => {
    const answer = toFkcxReply(published);
    expect(answer.data).toMatchObject({ bjbh: 'HZ2026112200001', bldbh: '330681-20261201-ABCDEFGH', bldqhdm: '330681', blzt: '2' });
    expect(contract.validateResponse('fkcx', 200, answer)).toEqual([]);
    expect(toFkcxReply({ ...published, reports: [] }).data).toMatchObject({ blzt: '1', lsjl: [] });
  });

  test('a listed document downloads by its wjbh with the hash of its bytes', () => {
    const wjbh = toFkcxReply(published).data.lsjl[0]!.wslb[0]!.wjbh;
    const hit = findDocument(published, wjbh)!;
    const file = toFkxzReply(wjbh, hit.document, TINY_PDF);
    expect(file.data).toMatchObject({ wjbh, wjhash: sha256(TINY_PDF), wjlx: 'pdf' });
    expect(contract.validateResponse('fkxz', 200, file)).toEqual([]);
    expect(findDocument(published, `WS${'0'.repeat(32)}`)).toBeUndefined();
  });
});
