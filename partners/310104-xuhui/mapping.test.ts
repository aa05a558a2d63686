import { describe, expect, test } from 'vitest';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type { ApplicantKind, Delivery } from '../../gateway/src/domain/case.js';
import type { OutboundCase } from '../../gateway/src/ports/partner.js';
import { sampleOutboundCase, TINY_PDF, sha256, VALID_ID_NUMBER } from '../../tests/support/fixtures.js';
import {
  CASE_KIND_TO_XH, fromGetApplicationResponse, fromStatusEvent, fromXhDateTime, fromXhDelivery, HANDLING_FORM_TO_XH,
  toCanonicalStatus, toHandoffAck, toSubmitApplicationRequest, toSubmitSupplementRequest, toUploadMaterialRequest,
  toXhDateTime, toXhIdType, toXhResultDelivery, toWithdrawApplicationRequest, fromWithdrawApplicationResponse,
} from './mapping.js';
import type { XhDeliveryMethod, XhStatusEvent } from './types.js';

const contract = loadContract('partners/310104-xuhui.yaml');
const IDS = new Map([['m1', 'mat_5f1c2a9b0d3e4f6a7b8c9d0e'], ['m2', 'mat_0a1b2c3d4e5f60718293a4b5']]);
const USCC = '91330681MA2BXXXX3E';

/** the value, or the error message: so a table row can want either */
function outcome<T>(f: () => T): T | { error: string } {
  try {
    return f();
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('证件类型 GA/T 2000.156 → 徐汇区 idType', () => {
  test.each<[string, { given: { idType: string; kind: ApplicantKind }; want: unknown }]>([
    ['居民身份证', { given: { idType: '111', kind: 'person' }, want: 'ID_CARD' }],
    ['临时居民身份证', { given: { idType: '112', kind: 'person' }, want: 'TEMP_ID_CARD' }],
    ['户口簿', { given: { idType: '113', kind: 'person' }, want: 'HOUSEHOLD_REGISTER' }],
    ['普通护照', { given: { idType: '414', kind: 'person' }, want: 'PASSPORT' }],
    ['台湾居民来往大陆通行证', { given: { idType: '511', kind: 'person' }, want: 'TW_PERMIT' }],
    ['港澳居民来往内地通行证', { given: { idType: '516', kind: 'person' }, want: 'HKMO_PERMIT' }],
    ['外国人永久居留身份证', { given: { idType: '553', kind: 'person' }, want: 'FOREIGN_PR_CARD' }],
    ['其他 (a person)', { given: { idType: '990', kind: 'person' }, want: 'OTHER' }],
    ['其他 of an organization is its 统一社会信用代码', { given: { idType: '990', kind: 'organization' }, want: 'USCC' }],
    ['a code 徐汇区 has no entry for', { given: { idType: '999', kind: 'person' }, want: { error: '证件类型 GA/T 2000.156 → 徐汇区: no mapping for code "999"' } }],
    ['a prototype key is not a code', { given: { idType: 'toString', kind: 'person' }, want: { error: '证件类型 GA/T 2000.156 → 徐汇区: no mapping for code "toString"' } }],
  ])('%s', (_name, { given, want }) => {
    expect(outcome(() => toXhIdType(given.idType, given.kind))).toEqual(want);
  });
});

describe('徐汇区 status → canonical status', () => {
  test.each<[string, { given: string; want: unknown }]>([
    ['已接收，待预审', { given: 'RECEIVED', want: 'forwarded' }],
    ['已受理', { given: 'ACCEPTED', want: 'accepted' }],
    ['需补齐补正', { given: 'SUPPLEMENT_REQUIRED', want: 'needs_supplement' }],
    ['已补正，待复审', { given: 'SUPPLEMENTED', want: 'forwarded' }],
    ['已办结', { given: 'COMPLETED', want: 'completed' }],
    ['不予受理', { given: 'REJECTED', want: 'rejected' }],
    ['a status 徐汇区 added later', { given: 'ARCHIVED', want: { error: '徐汇区办件状态: no mapping for code "ARCHIVED"' } }],
  ])('%s', (_name, { given, want }) => {
    expect(outcome(() => toCanonicalStatus(given))).toEqual(want);
  });
});

describe('办件类型 and 办理形式 → 徐汇区', () => {
  test.each<[string, { given: Record<string, string>; want: Record<string, string> }]>([
    ['办件类型 (GB/T 39046)', { given: CASE_KIND_TO_XH, want: { '1': 'IMMEDIATE', '2': 'PROMISED', '9': 'OTHER' } }],
    ['办理形式 (GB/T 39046)', { given: HANDLING_FORM_TO_XH, want: { '1': 'WINDOW', '2': 'PC', '3': 'MOBILE', '4': 'EXPRESS', '9': 'OTHER' } }],
  ])('%s', (_name, { given, want }) => {
    expect(given).toEqual(want);
  });
});

describe('date-times', () => {
  test.each<[string, { given: string; want: unknown }]>([
    ['UTC becomes Beijing time', { given: '2026-11-22T02:00:00.000Z', want: '2026-11-22T10:00:00+08:00' }],
    ['a UTC evening is the next Beijing day', { given: '2026-11-27T16:00:00.000Z', want: '2026-11-28T00:00:00+08:00' }],
    ['milliseconds are dropped (徐汇区 keeps seconds)', { given: '2026-11-22T02:00:00.999Z', want: '2026-11-22T10:00:00+08:00' }],
    ['a time with another offset keeps its instant', { given: '2026-11-22T03:00:00+01:00', want: '2026-11-22T10:00:00+08:00' }],
    ['not a date', { given: 'yesterday', want: { error: 'not an ISO 8601 date-time: "yesterday"' } }],
  ])('to 徐汇区: %s', (_name, { given, want }) => {
    expect(outcome(() => toXhDateTime(given))).toEqual(want);
  });

  test.each<[string, { given: string; want: unknown }]>([
    ['Beijing time becomes UTC', { given: '2026-11-22T10:00:00+08:00', want: '2026-11-22T02:00:00.000Z' }],
    ['Z stays UTC', { given: '2026-11-22T02:00:00Z', want: '2026-11-22T02:00:00.000Z' }],
    ['a time without an offset is ambiguous', { given: '2026-11-22T10:00:00', want: { error: 'not a 徐汇区 date-time with offset: "2026-11-22T10:00:00"' } }],
  ])('from 徐汇区: %s', (_name, { given, want }) => {
    expect(outcome(() => fromXhDateTime(given))).toEqual(want);
  });
});

describe('result delivery', () => {
  test.each<[string, { given: Delivery; want: unknown }]>([
    ['posted: the posting address travels', { given: { byPost: true, address: '诸暨市艮塔西路1号' }, want: { method: 'EXPRESS', address: '诸暨市艮塔西路1号' } }],
    ['electronic: no address is sent', { given: { byPost: false, electronic: true, address: '诸暨市艮塔西路1号' }, want: { method: 'ELECTRONIC' } }],
    ['neither: picked up at our window', { given: { byPost: false }, want: { method: 'WINDOW_PICKUP' } }],
  ])('to 徐汇区: %s', (_name, { given, want }) => {
    expect(toXhResultDelivery(given)).toEqual(want);
  });

  test.each<[string, { given: { method: XhDeliveryMethod; trackingNo?: string }; want: unknown }]>([
    ['express with its 物流单号', { given: { method: 'EXPRESS', trackingNo: 'EMS1234567890' }, want: { byPost: true, trackingNo: 'EMS1234567890' } }],
    ['网络送达', { given: { method: 'ELECTRONIC' }, want: { byPost: false, electronic: true } }],
    ['窗口领取', { given: { method: 'WINDOW_PICKUP' }, want: { byPost: false } }],
    ['a method 徐汇区 added later', { given: { method: 'DRONE' as XhDeliveryMethod }, want: { error: '徐汇区送达方式: no mapping for code "DRONE"' } }],
  ])('from 徐汇区: %s', (_name, { given, want }) => {
    expect(outcome(() => fromXhDelivery(given))).toEqual(want);
  });
});

const person = sampleOutboundCase().case;
const organization: OutboundCase = {
  ...person,
  applicant: { kind: 'organization', name: '诸暨市某某贸易有限公司', idType: '990', idNumber: USCC, phone: '0575-87001234', agentName: '李四', address: '诸暨市某路2号' },
  delivery: { byPost: false, electronic: true },
};

describe('toSubmitApplicationRequest (operationId submitApplication)', () => {
  test.each<[string, { given: OutboundCase; want: unknown }]>([
    ['a person applying at our window, result posted', {
      given: person,
      want: {
        externalCaseNo: '330681-20261122-K7Q2M9XA', itemCode: '000121009000', implementationCode: '11310104MB2F12345X000121009000',
        itemName: '个体工商户注销登记', caseType: 'PROMISED', channel: 'WINDOW', acceptRegionCode: '330681', handlingRegionCode: '310104',
        applicant: { type: 'NATURAL_PERSON', name: '张三', idType: 'ID_CARD', idNumber: VALID_ID_NUMBER, mobile: '13812345678' },
        materials: [
          { materialId: 'mat_5f1c2a9b0d3e4f6a7b8c9d0e', materialCode: 'M01', materialName: '注销登记申请书', sha256: person.materials[0]!.sha256, pages: 1 },
          { materialId: 'mat_0a1b2c3d4e5f60718293a4b5', materialCode: 'M02', materialName: '营业执照正副本', sha256: person.materials[1]!.sha256, pages: 1 },
        ],
        promisedDays: 5, promisedAt: '2026-11-28T00:00:00+08:00', submittedAt: '2026-11-22T10:00:00+08:00',
        resultDelivery: { method: 'EXPRESS', address: '浙江省诸暨市暨阳街道艮塔西路1号' },
        acceptingWindow: { name: '诸暨市行政服务中心跨域通办窗口', handlerName: '王芳' },
      },
    }],
    ['an organization with its 统一社会信用代码 and agent, result electronic', {
      given: organization,
      want: expect.objectContaining({
        applicant: { type: 'LEGAL_PERSON', name: '诸暨市某某贸易有限公司', idType: 'USCC', idNumber: USCC, mobile: '0575-87001234', agentName: '李四' },
        resultDelivery: { method: 'ELECTRONIC' },
      }),
    }],
    ['a 办件类型 with no 徐汇区 code', { given: { ...person, kind: '5' as OutboundCase['kind'] }, want: { error: '办件类型 → 徐汇区: no mapping for code "5"' } }],
    ['a 办理形式 with no 徐汇区 code', { given: { ...person, handlingForm: '7' as OutboundCase['handlingForm'] }, want: { error: '办理形式 → 徐汇区: no mapping for code "7"' } }],
    ['a material that was never uploaded', { given: { ...person, materials: [...person.materials, { ...person.materials[0]!, id: 'm9' }] }, want: { error: 'material m9 of 330681-20261122-K7Q2M9XA was not uploaded' } }],
  ])('%s', (_name, { given, want }) => {
    expect(outcome(() => toSubmitApplicationRequest(given, IDS))).toEqual(want);
  });

  test.each([['a person', person], ['an organization', organization]])('the request built for %s validates against the contract', (_name, c) => {
    expect(contract.validateRequest('submitApplication', toSubmitApplicationRequest(c, IDS))).toEqual([]);
  });

  test('when the result is not posted, no address of the applicant is sent at all', () => {
    const c: OutboundCase = { ...person, delivery: { byPost: false, electronic: true } };
    expect(JSON.stringify(toSubmitApplicationRequest(c, IDS))).not.toContain('艮塔西路');
  });

  test('when a posted result has no address, the request breaks the contract (so it is never sent)', () => {
    const c: OutboundCase = { ...person, delivery: { byPost: true } };
    expect(contract.validateRequest('submitApplication', toSubmitApplicationRequest(c, IDS))).toContainEqual({ field: '/resultDelivery/address', message: "must have required property 'address'" });
  });
});

describe('toUploadMaterialRequest (operationId uploadMaterial) and toSubmitSupplementRequest (operationId submitSupplement)', () => {
  test('a material becomes its upload fields, which validate against the contract', () => {
    const fields = toUploadMaterialRequest(person.materials[0]!);
    expect(fields).toEqual({ sha256: sha256(TINY_PDF), materialCode: 'M01', materialName: '注销登记申请书' });
    expect(contract.validateRequest('uploadMaterial', { ...fields, file: 'sqs.pdf' }, 'multipart/form-data')).toEqual([]);
  });

  test('a supplement carries the whole material list after 补正, and validates against the contract', () => {
    const body = toSubmitSupplementRequest(person, IDS);
    expect(body).toEqual({ externalCaseNo: person.caseNo, materials: toSubmitApplicationRequest(person, IDS).materials });
    expect(contract.validateRequest('submitSupplement', body)).toEqual([]);
  });
});

describe('toHandoffAck (the receipts of submitApplication and submitSupplement)', () => {
  test.each<[string, { given: Parameters<typeof toHandoffAck>[0]; want: unknown }]>([
    ['an application received', {
      given: { applicationId: 'XH20261122100004000001', externalCaseNo: person.caseNo, status: 'RECEIVED', receivedAt: '2026-11-22T10:00:04+08:00' },
      want: { partnerRef: 'XH20261122100004000001', partnerStatus: 'RECEIVED', status: 'forwarded' },
    }],
    ['a supplement received', {
      given: { applicationId: 'XH20261122100004000001', supplementId: 'sup_0a1b2c3d4e5f60718293a4b5', status: 'SUPPLEMENTED', receivedAt: '2026-11-24T09:00:00+08:00' },
      want: { partnerRef: 'XH20261122100004000001', partnerStatus: 'SUPPLEMENTED', status: 'forwarded' },
    }],
  ])('%s', (_name, { given, want }) => {
    expect(toHandoffAck(given)).toEqual(want);
  });
});

const base = {
  applicationId: 'XH20261122100004000001', externalCaseNo: person.caseNo, occurredAt: '2026-11-23T09:30:00+08:00',
} as const;
const resultPdf = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

describe('fromStatusEvent (webhook applicationStatusChanged)', () => {
  test.each<[string, { given: XhStatusEvent; want: unknown }]>([
    ['受理', {
      given: { ...base, eventId: 'evt_XH20261122100004000001_02', eventType: 'application.accepted', status: 'ACCEPTED' },
      want: { partnerRef: base.applicationId, caseNo: person.caseNo, status: 'accepted', partnerStatus: 'ACCEPTED', occurredAt: '2026-11-23T01:30:00.000Z', eventId: 'evt_XH20261122100004000001_02' },
    }],
    ['补齐补正 with the missing materials', {
      given: {
        ...base, eventId: 'evt_XH20261122100004000001_02', eventType: 'application.supplement_required', status: 'SUPPLEMENT_REQUIRED',
        supplement: { items: [{ materialName: '清税证明' }, { materialName: '营业执照正副本', reason: '副本缺页' }], note: '请于10个工作日内补正' },
      },
      want: expect.objectContaining({ status: 'needs_supplement', partnerStatus: 'SUPPLEMENT_REQUIRED', missing: ['清税证明', '营业执照正副本（副本缺页）'], note: '请于10个工作日内补正' }),
    }],
    ['不予受理 with its reason', {
      given: { ...base, eventId: 'evt_XH20261122100004000001_02', eventType: 'application.rejected', status: 'REJECTED', rejection: { reasonCode: 'R01', reason: '不属于本区管辖' } },
      want: expect.objectContaining({ status: 'rejected', partnerStatus: 'REJECTED', reason: '不属于本区管辖' }),
    }],
    ['办结 with the result document, posted', {
      given: {
        ...base, eventId: 'evt_XH20261122100004000001_03', eventType: 'application.completed', status: 'COMPLETED',
        result: {
          documentName: '准予注销登记通知书', certificateNo: 'ZX2026001',
          document: { fileName: 'result.pdf', mediaType: 'application/pdf', contentBase64: resultPdf.toString('base64'), sha256: sha256(resultPdf) },
          delivery: { method: 'EXPRESS', expressCompany: 'EMS', trackingNo: 'EMS1234567890' },
        },
      },
      want: expect.objectContaining({
        status: 'completed', partnerStatus: 'COMPLETED',
        result: {
          documentName: '准予注销登记通知书', certificateNo: 'ZX2026001',
          document: { fileName: 'result.pdf', mediaType: 'application/pdf', contentBase64: resultPdf.toString('base64'), sha256: sha256(resultPdf) },
          delivery: { byPost: true, trackingNo: 'EMS1234567890' },
        },
      }),
    }],
    ['a status 徐汇区 added later', {
      given: { ...base, eventId: 'evt_XH20261122100004000001_04', eventType: 'application.accepted', status: 'ARCHIVED' as XhStatusEvent['status'] },
      want: { error: '徐汇区办件状态: no mapping for code "ARCHIVED"' },
    }],
  ])('%s', (_name, { given, want }) => {
    expect(outcome(() => fromStatusEvent(given))).toEqual(want);
  });

  test('the events these tests use are ones the webhook schema allows', () => {
    const accepted: XhStatusEvent = { ...base, eventId: 'evt_XH20261122100004000001_02', eventType: 'application.accepted', status: 'ACCEPTED' };
    expect(contract.validateRequest('applicationStatusChanged', accepted)).toEqual([]);
    expect(contract.validateRequest('applicationStatusChanged', { ...accepted, status: 'COMPLETED' })).toContainEqual({ field: '/result', message: "must have required property 'result'" });
  });
});

describe('fromGetApplicationResponse (operationId getApplication)', () => {
  test('the whole history comes back oldest first, one update per event', () => {
    const updates = fromGetApplicationResponse({
      ...base, status: 'ACCEPTED', receivedAt: '2026-11-22T10:00:04+08:00', updatedAt: base.occurredAt,
      events: [
        { ...base, occurredAt: '2026-11-22T10:00:04+08:00', eventId: 'evt_XH20261122100004000001_01', eventType: 'application.received', status: 'RECEIVED' },
        { ...base, eventId: 'evt_XH20261122100004000001_02', eventType: 'application.accepted', status: 'ACCEPTED' },
      ],
    });
    expect(updates.map((u) => [u.eventId, u.status, u.occurredAt])).toEqual([
      ['evt_XH20261122100004000001_01', 'forwarded', '2026-11-22T02:00:04.000Z'],
      ['evt_XH20261122100004000001_02', 'accepted', '2026-11-23T01:30:00.000Z'],
    ]);
  });
});

describe('toWithdrawApplicationRequest and its answer (operationId withdrawApplication)', () => {
  const req = { caseNo: '330681-20261122-K7Q2M9XA', partnerRef: 'XH20261122100004000001', acceptRegion: '330681', idempotencyKey: '330681-20261122-K7Q2M9XA:310104:cancel', reason: '申请人不再办理', requestedAt: '2026-11-23T01:00:00.000Z' };

  test('the request carries our 办件编号, the reason and the time in 徐汇区 form, and holds to the contract', () => {
    const body = toWithdrawApplicationRequest(req);
    expect(body).toEqual({ externalCaseNo: req.caseNo, reason: '申请人不再办理', requestedAt: '2026-11-23T09:00:00+08:00' });
    expect(contract.validateRequest('withdrawApplication', body)).toEqual([]);
  });

  test.each<[string, { given: [number, unknown]; want: unknown }]>([
    ['200 is withdrawn', { given: [200, { applicationId: req.partnerRef, externalCaseNo: req.caseNo, status: 'WITHDRAWN', withdrawnAt: '2026-11-23T09:00:05+08:00' }], want: { outcome: 'withdrawn', partnerStatus: 'WITHDRAWN', occurredAt: '2026-11-23T01:00:05.000Z' } }],
    ['409 ALREADY_DECIDED names the decision', { given: [409, { code: 'ALREADY_DECIDED', message: '办件已办结，不能撤回', details: [{ field: 'status', message: 'COMPLETED' }] }], want: { outcome: 'refused', partnerStatus: 'COMPLETED', reason: '办件已办结，不能撤回', decided: 'completed' } }],
    ['409 without a known status keeps the code', { given: [409, { code: 'ALREADY_DECIDED', message: '不能撤回' }], want: { outcome: 'refused', partnerStatus: 'ALREADY_DECIDED', reason: '不能撤回' } }],
  ])('%s', (_name, { given, want }) => {
    expect(fromWithdrawApplicationResponse(given[0], given[1] as never)).toEqual(want);
  });
});
