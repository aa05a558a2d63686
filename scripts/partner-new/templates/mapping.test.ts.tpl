import { describe, expect, test } from 'vitest';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import type { ApplicantKind } from '../../gateway/src/domain/case.js';
import { sampleOutboundCase, TINY_PDF, TINY_PNG } from '../../tests/support/fixtures.js';
import { fromStatusEvent, toCanonicalStatus, toHandoffAck, toPartnerIdType, toSubmitCaseRequest } from './mapping.js';
import { CONTRACT_FILE, REGION, type StatusEvent } from './types.js';

const contract = loadContract(CONTRACT_FILE);
const CONTENTS = new Map([['m1', TINY_PDF], ['m2', TINY_PNG]]);

/** the value, or the error message: so a table row can want either */
function outcome<T>(f: () => T): T | { error: string } {
  try {
    return f();
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('证件类型 GA/T 2000.156 → {{NAME}}', () => {
  test.each<[string, { given: { idType: string; kind: ApplicantKind }; want: unknown }]>([
    ['居民身份证', { given: { idType: '111', kind: 'person' }, want: '111' }],
    ['普通护照', { given: { idType: '414', kind: 'person' }, want: '414' }],
    ['其他 of an organization is its 统一社会信用代码', { given: { idType: '990', kind: 'organization' }, want: 'USCC' }],
    ['a code with no entry', { given: { idType: '999', kind: 'person' }, want: { error: '证件类型 GA/T 2000.156 → {{NAME}}: no mapping for code "999"' } }],
  ])('%s', (_name, { given, want }) => {
    expect(outcome(() => toPartnerIdType(given.idType, given.kind))).toEqual(want);
  });
});

describe('{{NAME}} status → canonical status', () => {
  test.each<[string, { given: string; want: unknown }]>([
    ['已接收', { given: 'RECEIVED', want: 'forwarded' }],
    ['已受理', { given: 'ACCEPTED', want: 'accepted' }],
    ['不予受理', { given: 'REJECTED', want: 'rejected' }],
    ['已办结', { given: 'COMPLETED', want: 'completed' }],
    ['a status added later', { given: 'ARCHIVED', want: { error: '{{NAME}}办件状态: no mapping for code "ARCHIVED"' } }],
  ])('%s', (_name, { given, want }) => {
    expect(outcome(() => toCanonicalStatus(given))).toEqual(want);
  });
});

describe('toSubmitCaseRequest (operationId submitCase)', () => {
  test.each<[string, { given: Parameters<typeof sampleOutboundCase>[0]; want: Record<string, unknown> }]>([
    ['a posted result sends the posting address', { given: {}, want: { resultByPost: true, postAddress: '浙江省诸暨市暨阳街道艮塔西路1号' } }],
    ['an electronic result sends no address', { given: { delivery: { byPost: false, electronic: true, address: '浙江省诸暨市暨阳街道艮塔西路1号' } }, want: { resultByPost: false } }],
  ])('%s', (_name, { given, want }) => {
    const body = toSubmitCaseRequest(sampleOutboundCase({ handlingRegion: REGION, ...given }).case, CONTENTS);
    expect(contract.validateRequest('submitCase', body)).toEqual([]);
    expect(body).toMatchObject(want);
    expect('postAddress' in body).toBe('postAddress' in want);
    expect(body.materials.map((m) => Buffer.from(m.contentBase64, 'base64').length)).toEqual([TINY_PDF.length, TINY_PNG.length]);
  });
});

describe('the receipt and the webhook → canonical', () => {
  const event: StatusEvent = { eventId: 'evt_{{PREFIX}}20261122100000000001_02', ref: '{{PREFIX}}20261122100000000001', caseNo: '330681-20261122-K7Q2M9XA', status: 'ACCEPTED', occurredAt: '2026-11-23T09:30:00+08:00' };
  test.each<[string, { given: () => unknown; want: unknown }]>([
    ['the receipt acknowledges the case', { given: () => toHandoffAck({ ref: event.ref, caseNo: event.caseNo, status: 'RECEIVED', receivedAt: '2026-11-22T10:00:00+08:00' }), want: { partnerRef: event.ref, partnerStatus: 'RECEIVED', status: 'forwarded' } }],
    ['an acceptance, its time in UTC', { given: () => fromStatusEvent(event), want: { partnerRef: event.ref, caseNo: event.caseNo, status: 'accepted', partnerStatus: 'ACCEPTED', occurredAt: '2026-11-23T01:30:00.000Z', eventId: event.eventId } }],
    ['a rejection keeps its reason', { given: () => fromStatusEvent({ ...event, status: 'REJECTED', reason: '不属于本机关管辖范围' }), want: expect.objectContaining({ status: 'rejected', reason: '不属于本机关管辖范围' }) }],
    ['a time without an offset is refused', { given: () => outcome(() => fromStatusEvent({ ...event, occurredAt: '2026-11-23T09:30:00' })), want: { error: 'not a date-time with offset: "2026-11-23T09:30:00"' } }],
  ])('%s', (_name, { given, want }) => {
    expect(given()).toEqual(want);
  });
});
