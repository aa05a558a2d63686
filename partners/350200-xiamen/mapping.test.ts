import { describe, expect, test } from 'vitest';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type { CancelAnswer, OutboundCase, PartnerStatusUpdate } from '../../gateway/src/ports/partner.js';
import { TINY_PDF, TINY_PNG, VALID_ID_NUMBER, sampleOutboundCase, sha256 } from '../../tests/support/fixtures.js';
import {
  formatXmTime, fromCaseCancelResponse, fromCaseStatusNotify, parseXmTime, toCanonicalStatus, toCaseCancelBiz, toCaseSubmitBiz,
  toMediaType, toXmCertType, toXmDelivery, toXmFileType,
} from './mapping.js';
import { CONTRACT_FILE, type XmCancelResponse, type XmNotification } from './types.js';

const contract = loadContract(CONTRACT_FILE);
const { case: base, files } = sampleOutboundCase({ handlingRegion: '350203', itemCode: '000121008000', implementationCode: '11350200MB1M35029R000121008000', itemName: '个体工商户变更登记' });
const KEY = `${base.caseNo}:350200:submit`;

describe('code tables', () => {
  test.each<[string, { given: string; want: string }]>([
    ['居民身份证', { given: '111', want: 'IDENTITY_CARD' }],
    ['临时居民身份证', { given: '112', want: 'TEMP_IDENTITY_CARD' }],
    ['户口簿', { given: '113', want: 'HOUSEHOLD_REGISTER' }],
    ['普通护照', { given: '414', want: 'PASSPORT' }],
    ['港澳居民来往内地通行证', { given: '516', want: 'HK_MACAO_PASS' }],
    ['台湾居民来往大陆通行证', { given: '511', want: 'TAIWAN_PASS' }],
    ['外国人永久居留身份证', { given: '553', want: 'FOREIGNER_PERMANENT_RESIDENCE' }],
    ['其他', { given: '990', want: 'OTHER' }],
  ])('证件类型 %s: the GA/T 2000.156 code becomes the platform code', (_name, { given, want }) => {
    expect(toXmCertType(given)).toBe(want);
  });

  test.each<[string, { given: string; want: string }]>([
    ['RECEIVED 已接收', { given: 'RECEIVED', want: 'forwarded' }],
    ['ACCEPTED 已受理', { given: 'ACCEPTED', want: 'accepted' }],
    ['FINISHED 已办结', { given: 'FINISHED', want: 'completed' }],
    ['REJECTED 不予受理', { given: 'REJECTED', want: 'rejected' }],
    ['CANCELLED 已撤回', { given: 'CANCELLED', want: 'withdrawn' }],
  ])('办件状态 %s becomes a canonical status', (_name, { given, want }) => {
    expect(toCanonicalStatus(given)).toBe(want);
  });

  test.each<[string, { given: string; want: string }]>([
    ['a PDF material', { given: 'application/pdf', want: 'PDF' }],
    ['a JPEG material', { given: 'image/jpeg', want: 'JPG' }],
    ['a PNG material', { given: 'image/png', want: 'PNG' }],
  ])('%s travels with its platform file type', (_name, { given, want }) => {
    expect(toXmFileType(given)).toBe(want);
  });

  test.each<[string, { given: () => unknown; want: RegExp }]>([
    ['an unknown 证件类型', { given: () => toXmCertType('415'), want: /证件类型 '415'/ }],
    ['a 补正 status, which the platform does not have', { given: () => toCanonicalStatus('SUPPLEMENT'), want: /办件状态 'SUPPLEMENT'/ }],
    ['a material type the platform does not take', { given: () => toXmFileType('image/gif'), want: /文件类型 'image\/gif'/ }],
    ['a result file type we do not know', { given: () => toMediaType('DOCX'), want: /文件类型 'DOCX'/ }],
  ])('when %s has no mapping, the mapping says so instead of guessing', (_name, { given, want }) => {
    expect(given).toThrow(want);
  });

  test.each<[string, { given: OutboundCase['delivery']; want: unknown }]>([
    ['by post, with the address', { given: { byPost: true, address: '浙江省诸暨市暨阳街道艮塔西路1号' }, want: { delivery_type: 'EXPRESS', address: '浙江省诸暨市暨阳街道艮塔西路1号' } }],
    ['electronically, with no address sent', { given: { byPost: false, electronic: true, address: '不应发送' } as OutboundCase['delivery'], want: { delivery_type: 'ONLINE' } }],
    ['at the window', { given: { byPost: false }, want: { delivery_type: 'WINDOW' } }],
  ])('a result delivered %s', (_name, { given, want }) => {
    expect(toXmDelivery(given)).toEqual(want);
  });
});

describe('时间 yyyy-MM-dd HH:mm:ss, Beijing time', () => {
  test.each<[string, { given: string; want: string }]>([
    ['UTC midnight is 08:00 in Beijing', { given: '2026-11-22T00:00:00.000Z', want: '2026-11-22 08:00:00' }],
    ['a late UTC evening is the next day in Beijing', { given: '2026-11-22T16:30:05.000Z', want: '2026-11-23 00:30:05' }],
  ])('%s, and reads back to the same instant', (_name, { given, want }) => {
    expect(formatXmTime(new Date(given))).toBe(want);
    expect(parseXmTime(want).toISOString()).toBe(given);
  });

  test.each<[string, { given: string }]>([
    ['an impossible date', { given: '2026-02-30 10:00:00' }],
    ['an ISO 8601 time', { given: '2026-11-22T10:00:00' }],
  ])('when the platform sends %s, it is refused', (_name, { given }) => {
    expect(() => parseXmTime(given)).toThrow();
  });
});

describe('toCaseSubmitBiz (gov.kstb.case.submit)', () => {
  test.each<[string, { given: Partial<OutboundCase>; want: Record<string, unknown> }]>([
    ['a person, result by post', {
      given: {},
      want: {
        out_request_no: KEY, case_no: base.caseNo, item_code: '000121008000', handle_region: '350203', case_type: '2', promise_days: 5,
        applicant: { applicant_type: 'PERSON', name: '张三', cert_type: 'IDENTITY_CARD', cert_no: VALID_ID_NUMBER, mobile: '13812345678' },
        promise_time: '2026-11-28 00:00:00', apply_time: '2026-11-22 10:00:00', receive_window: '诸暨市行政服务中心跨域通办窗口', receiver: '王芳',
        delivery: { delivery_type: 'EXPRESS', address: '浙江省诸暨市暨阳街道艮塔西路1号' },
      },
    }],
    ['an organization with its 经办人', {
      given: { applicant: { kind: 'organization', name: '诸暨市某某商贸有限公司', idType: '990', idNumber: '91330681MA2BCDEF1X', phone: '0575-87000000', agentName: '李四' } },
      want: { applicant: { applicant_type: 'ORGANIZATION', name: '诸暨市某某商贸有限公司', cert_type: 'OTHER', cert_no: '91330681MA2BCDEF1X', mobile: '0575-87000000', agent_name: '李四' } },
    }],
  ])('%s', (_name, { given, want }) => {
    const biz = toCaseSubmitBiz({ ...base, ...given }, KEY, files);
    expect(biz).toMatchObject(want);
    expect(contract.validateSchema('CaseSubmitBiz', biz)).toEqual([]);
  });

  test('the materials travel inline with the hashes we declared, and the applicant’s home address does not travel', () => {
    const biz = toCaseSubmitBiz(base, KEY, files);
    expect(biz.materials).toEqual([
      { material_code: 'M01', material_name: '注销登记申请书', file_name: 'sqs.pdf', file_type: 'PDF', file_content: TINY_PDF.toString('base64'), file_sha256: sha256(TINY_PDF) },
      { material_code: 'M02', material_name: '营业执照正副本', file_name: 'yyzz.png', file_type: 'PNG', file_content: TINY_PNG.toString('base64'), file_sha256: sha256(TINY_PNG) },
    ]);
    expect(JSON.stringify(biz.applicant)).not.toContain('艮塔西路');
  });
});

describe('撤件 gov.kstb.case.cancel', () => {
  test('the request names the platform’s case and ours, the reason and when the applicant asked', () => {
    const biz = toCaseCancelBiz({ caseNo: base.caseNo, partnerRef: 'XM202611220000000001', acceptRegion: '330681', idempotencyKey: `${base.caseNo}:cancel`, reason: '申请人已在本地办结', requestedAt: '2026-11-22T02:00:00.000Z' });
    expect(biz).toEqual({ out_request_no: `${base.caseNo}:cancel`, platform_case_no: 'XM202611220000000001', case_no: base.caseNo, cancel_reason: '申请人已在本地办结', apply_time: '2026-11-22 10:00:00' });
    expect(contract.validateSchema('CaseCancelBiz', biz)).toEqual([]);
  });

  test.each<[string, { given: XmCancelResponse; want: CancelAnswer }]>([
    ['withdrawn', { given: { code: '10000', msg: 'Success', status: 'CANCELLED', cancel_time: '2026-11-22 10:05:00' }, want: { outcome: 'withdrawn', partnerStatus: 'CANCELLED', occurredAt: '2026-11-22T02:05:00.000Z' } }],
    ['refused, already 办结', { given: { code: '40004', msg: 'Business Failed', sub_code: 'KSTB.CASE_ALREADY_DECIDED', status: 'FINISHED' }, want: { outcome: 'refused', partnerStatus: 'FINISHED', reason: '办理地已作出决定（已办结），不能撤件', decided: 'completed' } }],
    ['refused, already 不予受理', { given: { code: '40004', msg: 'Business Failed', sub_code: 'KSTB.CASE_ALREADY_DECIDED', status: 'REJECTED' }, want: { outcome: 'refused', partnerStatus: 'REJECTED', reason: '办理地已作出决定（不予受理），不能撤件', decided: 'rejected' } }],
  ])('the answer %s', (_name, { given, want }) => {
    expect(fromCaseCancelResponse(given)).toEqual(want);
  });
});

describe('fromCaseStatusNotify (webhook caseStatusNotify)', () => {
  const common = {
    notify_id: 'a'.repeat(32), notify_time: '2026-11-22 11:00:00', notify_type: 'gov_kstb_case_status', app_id: '2026330681000001', charset: 'utf-8', version: '1.0',
    sign_type: 'RSA2', sign: 'x', event_id: 'XM202611220000000001-02', platform_case_no: 'XM202611220000000001', case_no: base.caseNo, status_time: '2026-11-22 10:59:00',
  } as const;
  const document = { fileName: '营业执照.pdf', mediaType: 'application/pdf', contentBase64: TINY_PDF.toString('base64'), sha256: sha256(TINY_PDF) };
  test.each<[string, { given: XmNotification; want: Partial<PartnerStatusUpdate> }]>([
    ['受理', { given: { ...common, status: 'ACCEPTED' }, want: { status: 'accepted', partnerStatus: 'ACCEPTED', eventId: 'XM202611220000000001-02', occurredAt: '2026-11-22T02:59:00.000Z' } }],
    ['不予受理 with its reason', { given: { ...common, status: 'REJECTED', reject_reason: '材料不全' }, want: { status: 'rejected', reason: '材料不全' } }],
    ['办结, the result fetched from its URL, posted', {
      given: { ...common, status: 'FINISHED', result_name: '营业执照', cert_no: 'ZZ-1', delivery_type: 'EXPRESS', express_no: 'SF1', result_url: 'http://127.0.0.1/files/t', result_sha256: sha256(TINY_PDF) },
      want: { status: 'completed', result: { documentName: '营业执照', certificateNo: 'ZZ-1', document, delivery: { byPost: true, trackingNo: 'SF1' } } },
    }],
  ])('%s', (_name, { given, want }) => {
    expect(fromCaseStatusNotify(given, document)).toMatchObject({ partnerRef: 'XM202611220000000001', caseNo: base.caseNo, ...want });
  });
});
