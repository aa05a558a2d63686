import { describe, expect, test } from 'vitest';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type { OutboundCase, PartnerStatusUpdate } from '../../gateway/src/ports/partner.js';
import { TINY_PDF, TINY_PNG, VALID_ID_NUMBER, sampleOutboundCase, sha256 } from '../../tests/support/fixtures.js';
import { seal } from './envelope.js';
import {
  formatNxTime, fromCaseStatusNotify, parseNxTime, toCanonicalStatus, toCaseQueryRequest, toCaseSubmitRequest,
  toCaseSupplementRequest, toMediaType, toNxFileType, toNxIdType, toReceiptRtnCode,
} from './mapping.js';
import { BIZ_CODES, CONTRACT_FILE, type NxNotifyBody, type NxOperation } from './types.js';

const contract = loadContract(CONTRACT_FILE);
const { case: base, files } = sampleOutboundCase({ handlingRegion: '640000' });
const KEY = `${base.caseNo}:640000:submit`;
const sealed = (op: NxOperation | 'caseStatusNotify', body: unknown) => seal({
  version: '1.0', appId: 'kytb330681', sender: '330681', receiver: '640000', bizCode: BIZ_CODES[op],
  serial: 'a'.repeat(32), time: '2026-11-22 10:00:00',
}, body, 'secret');

describe('code tables', () => {
  test.each<[string, { given: string; want: string }]>([
    ['居民身份证', { given: '111', want: '10' }],
    ['临时居民身份证', { given: '112', want: '11' }],
    ['户口簿', { given: '113', want: '12' }],
    ['普通护照', { given: '414', want: '20' }],
    ['港澳居民来往内地通行证', { given: '516', want: '31' }],
    ['台湾居民来往大陆通行证', { given: '511', want: '32' }],
    ['外国人永久居留身份证', { given: '553', want: '40' }],
    ['其他', { given: '990', want: '99' }],
  ])('证件类型 %s: GA/T 2000.156 code becomes the 宁夏 code', (_name, { given, want }) => {
    expect(toNxIdType(given)).toBe(want);
  });

  test.each<[string, { given: string; want: string }]>([
    ['01 已接收', { given: '01', want: 'forwarded' }],
    ['02 已受理', { given: '02', want: 'accepted' }],
    ['03 需补正', { given: '03', want: 'needs_supplement' }],
    ['04 已办结', { given: '04', want: 'completed' }],
    ['05 不予受理', { given: '05', want: 'rejected' }],
  ])('办件状态 %s becomes a canonical status', (_name, { given, want }) => {
    expect(toCanonicalStatus(given)).toBe(want);
  });

  test.each<[string, { given: string; want: string }]>([
    ['PDF', { given: 'application/pdf', want: 'pdf' }],
    ['JPEG', { given: 'image/jpeg', want: 'jpg' }],
    ['PNG', { given: 'image/png', want: 'png' }],
  ])('a %s material travels with its 宁夏 file type', (_name, { given, want }) => {
    expect(toNxFileType(given)).toBe(want);
  });

  test.each<[string, { given: string; want: string }]>([
    ['PDF', { given: 'pdf', want: 'application/pdf' }],
    ['OFD', { given: 'ofd', want: 'application/ofd' }],
    ['JPEG', { given: 'jpg', want: 'image/jpeg' }],
    ['PNG', { given: 'png', want: 'image/png' }],
  ])('a %s result document is read with its media type', (_name, { given, want }) => {
    expect(toMediaType(given)).toBe(want);
  });

  test.each<[string, { given: () => unknown; want: RegExp }]>([
    ['an unknown 证件类型', { given: () => toNxIdType('415'), want: /证件类型 '415'/ }],
    ['an unknown 办件状态', { given: () => toCanonicalStatus('06'), want: /办件状态 '06'/ }],
    ['a material type the platform does not take', { given: () => toNxFileType('image/gif'), want: /文件类型 'image\/gif'/ }],
    ['a result file type we do not know', { given: () => toMediaType('docx'), want: /文件类型 'docx'/ }],
  ])('when %s has no mapping, the mapping says so instead of guessing', (_name, { given, want }) => {
    expect(given).toThrow(want);
  });

  test.each<[string, { given: string; want: string }]>([
    ['a bad signature', { given: 'SIGNATURE_INVALID', want: '1002' }],
    ['a stale time', { given: 'TIMESTAMP_STALE', want: '1003' }],
    ['a replayed serial', { given: 'NONCE_REPLAYED', want: '1004' }],
    ['a broken envelope', { given: 'VALIDATION_FAILED', want: '1001' }],
    ['an unknown case', { given: 'CASE_NOT_FOUND', want: '2003' }],
    ['anything else, which the platform should push again', { given: 'INTERNAL', want: '9999' }],
  ])('a callback refused for %s is answered with the platform\'s own code', (_name, { given, want }) => {
    expect(toReceiptRtnCode(given)).toBe(want);
  });
});

describe('时间 yyyy-MM-dd HH:mm:ss, Beijing time', () => {
  test.each<[string, { given: string; want: string }]>([
    ['UTC midnight is 08:00 in Beijing', { given: '2026-11-22T00:00:00.000Z', want: '2026-11-22 08:00:00' }],
    ['a late UTC evening is the next day in Beijing', { given: '2026-11-22T16:30:05.000Z', want: '2026-11-23 00:30:05' }],
    ['the last UTC hours of the year are the new year in Beijing', { given: '2026-12-31T16:00:00.000Z', want: '2027-01-01 00:00:00' }],
  ])('%s, and reads back to the same instant', (_name, { given, want }) => {
    expect(formatNxTime(new Date(given))).toBe(want);
    expect(parseNxTime(want).toISOString()).toBe(given);
  });

  test.each<[string, { given: string }]>([
    ['an impossible date', { given: '2026-02-30 10:00:00' }],
    ['an ISO 8601 time', { given: '2026-11-22T10:00:00' }],
    ['an empty string', { given: '' }],
  ])('when the platform sends %s, it is refused', (_name, { given }) => {
    expect(() => parseNxTime(given)).toThrow();
  });
});

describe('toCaseSubmitRequest (caseSubmit)', () => {
  const org: Partial<OutboundCase> = {
    applicant: { kind: 'organization', name: '诸暨市某某商贸有限公司', idType: '990', idNumber: '91330681MA2BXXXX1X', phone: '0575-87000000', agentName: '李四', address: '诸暨市某路1号' },
    delivery: { byPost: false, electronic: true },
  };
  test.each<[string, { given: Partial<OutboundCase>; want: Record<string, unknown> }]>([
    ['a person whose result goes by post', {
      given: {},
      want: {
        bizSerial: KEY, bjbh: base.caseNo, sxbm: '000121009000', ssbm: base.implementationCode, sxmc: '个体工商户注销登记',
        bjlx: '2', blxs: '1', sldq: '330681', bldq: '640000',
        sqr: { sqrlx: '1', sqrmc: '张三', zjlx: '10', zjhm: VALID_ID_NUMBER, lxdh: '13812345678' },
        clxx: [
          { clbm: 'M01', clmc: '注销登记申请书', wjm: 'sqs.pdf', wjlx: 'pdf', wjnr: TINY_PDF.toString('base64'), sha256: sha256(TINY_PDF) },
          { clbm: 'M02', clmc: '营业执照正副本', wjm: 'yyzz.png', wjlx: 'png', wjnr: TINY_PNG.toString('base64'), sha256: sha256(TINY_PNG) },
        ],
        cnsx: 5, cnbjsj: '2026-11-28 00:00:00', sqsj: '2026-11-22 10:00:00',
        sjxx: { sjck: '诸暨市行政服务中心跨域通办窗口', sjr: '王芳' },
        jgsd: { sdfs: '1', yjdz: '浙江省诸暨市暨阳街道艮塔西路1号' },
      },
    }],
    ['a company with an agent, result delivered electronically', {
      given: org,
      want: {
        sqr: { sqrlx: '2', sqrmc: '诸暨市某某商贸有限公司', zjlx: '99', zjhm: '91330681MA2BXXXX1X', lxdh: '0575-87000000', jbrxm: '李四' },
        jgsd: { sdfs: '2' },
      },
    }],
    ['a person who collects the result at the window', { given: { delivery: { byPost: false } }, want: { jgsd: { sdfs: '3' } } }],
  ])('%s', (_name, { given, want }) => {
    const body = toCaseSubmitRequest({ ...base, ...given }, KEY, files);
    expect(body).toMatchObject(want);
    expect(contract.validateRequest('caseSubmit', sealed('caseSubmit', body))).toEqual([]);
  });

  test('when the result does not go by post, no address of the applicant leaves us', () => {
    const body = toCaseSubmitRequest({ ...base, delivery: { byPost: false } }, KEY, files);
    expect(JSON.stringify(body)).not.toContain('艮塔西路');
  });

  test('when a material has no content, the mapping refuses to build the request', () => {
    expect(() => toCaseSubmitRequest(base, KEY, new Map())).toThrow(/material m1 has no content/);
  });
});

describe('toCaseSupplementRequest (caseSupplement) and toCaseQueryRequest (caseQuery)', () => {
  test('the second 补正 carries the round and the full material list, and fits the contract', () => {
    const body = toCaseSupplementRequest(base, `${base.caseNo}:640000:supplement-2`, 2, files);
    expect(body).toMatchObject({ bjbh: base.caseNo, bzcs: 2, clxx: [{ clbm: 'M01' }, { clbm: 'M02' }] });
    expect(contract.validateRequest('caseSupplement', sealed('caseSupplement', body))).toEqual([]);
  });

  test('a query names the 申报编号 and our 办件编号, and fits the contract', () => {
    const body = toCaseQueryRequest('640000202611220000001', base.caseNo);
    expect(body).toEqual({ sbbh: '640000202611220000001', bjbh: base.caseNo });
    expect(contract.validateRequest('caseQuery', sealed('caseQuery', body))).toEqual([]);
  });
});

describe('fromCaseStatusNotify (webhook caseStatusNotify)', () => {
  const common = { sbbh: '640000202611220000001', bjbh: base.caseNo, bgsj: '2026-11-23 09:15:00' };
  const resultPdf = TINY_PDF.toString('base64');
  test.each<[string, { given: Omit<NxNotifyBody, keyof typeof common>; want: Partial<PartnerStatusUpdate> }]>([
    ['已受理', { given: { sjbh: 'E2', ztdm: '02', ztmc: '已受理' }, want: { status: 'accepted', partnerStatus: '02', eventId: 'E2' } }],
    ['需补正, with the missing materials', {
      given: { sjbh: 'E3', ztdm: '03', ztmc: '需补正', bzcl: ['清税证明'], bzsm: '请补充' },
      want: { status: 'needs_supplement', partnerStatus: '03', missing: ['清税证明'], note: '请补充' },
    }],
    ['已办结, result posted with its document', {
      given: {
        sjbh: 'E4', ztdm: '04', ztmc: '已办结',
        bjjg: { jgmc: '准予注销登记通知书', zzbh: 'NX-1', sdfs: '1', kddh: 'SF1', jgwj: { wjm: 'tz.pdf', wjlx: 'pdf', wjnr: resultPdf, sha256: sha256(TINY_PDF) } },
      },
      want: {
        status: 'completed', partnerStatus: '04',
        result: {
          documentName: '准予注销登记通知书', certificateNo: 'NX-1', delivery: { byPost: true, trackingNo: 'SF1' },
          document: { fileName: 'tz.pdf', mediaType: 'application/pdf', contentBase64: resultPdf, sha256: sha256(TINY_PDF) },
        },
      },
    }],
    ['已办结, delivered electronically without a file', {
      given: { sjbh: 'E5', ztdm: '04', ztmc: '已办结', bjjg: { jgmc: '办结通知书', sdfs: '2' } },
      want: { status: 'completed', result: { documentName: '办结通知书', delivery: { byPost: false, electronic: true } } },
    }],
    ['不予受理, with the reason', {
      given: { sjbh: 'E6', ztdm: '05', ztmc: '不予受理', byslyy: '不属于本机关职权范围' },
      want: { status: 'rejected', partnerStatus: '05', reason: '不属于本机关职权范围' },
    }],
  ])('%s', (_name, { given, want }) => {
    const body = { ...common, ...given } as NxNotifyBody;
    expect(fromCaseStatusNotify(body)).toEqual(expect.objectContaining({
      partnerRef: common.sbbh, caseNo: base.caseNo, occurredAt: '2026-11-23T01:15:00.000Z', ...want,
    }));
    expect(contract.validateRequest('caseStatusNotify', { ...sealed('caseStatusNotify', body), head: {
      version: '1.0', sender: '640000', receiver: '330681', bizCode: 'KYTB2001', serial: 'b'.repeat(32), time: common.bgsj, sign: 'c'.repeat(64),
    } })).toEqual([]);
  });
});

describe('the contract file', () => {
  const doc = contract.document as { components: { examples: Record<string, { value: unknown }> } };
  test.each<[string, { given: string; want: NxOperation | 'caseStatusNotify' }]>([
    ['the submission example', { given: 'CaseSubmitRequest', want: 'caseSubmit' }],
    ['the callback example', { given: 'CaseStatusNotification', want: 'caseStatusNotify' }],
  ])('%s holds to its own schema', (_name, { given, want }) => {
    expect(contract.validateRequest(want, doc.components.examples[given]?.value)).toEqual([]);
  });
});
