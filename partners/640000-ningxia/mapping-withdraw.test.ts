import { describe, expect, test } from 'vitest';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import { fromCaseWithdrawReply, toCaseWithdrawRequest } from './mapping-withdraw.js';
import { CONTRACT_FILE } from './types.js';

const contract = loadContract(CONTRACT_FILE);
const req = { caseNo: '330681-20261122-K7Q2M9XA', partnerRef: '640000202611220000001', acceptRegion: '330681', idempotencyKey: '330681-20261122-K7Q2M9XA:640000:cancel', reason: '申请人不再办理', requestedAt: '2026-11-23T01:00:00.000Z' };

describe('toCaseWithdrawRequest (operationId caseWithdraw, KYTB1005)', () => {
  test('the body names the 申报编号 and our 办件编号, its bizSerial is the key, and an envelope with it holds to the contract', () => {
    const body = toCaseWithdrawRequest(req);
    expect(body).toEqual({ bizSerial: req.idempotencyKey, sbbh: req.partnerRef, bjbh: req.caseNo, chyy: '申请人不再办理', sqsj: '2026-11-23 09:00:00' });
    const head = { version: '1.0', appId: 'kytb330681', sender: '330681', receiver: '640000', bizCode: 'KYTB1005', serial: 'a'.repeat(32), time: '2026-11-23 09:00:00', sign: 'b'.repeat(64) };
    expect(contract.validateRequest('caseWithdraw', { head, body })).toEqual([]);
  });
});

describe('fromCaseWithdrawReply', () => {
  test.each([
    ['0000 is withdrawn (07)', { given: ['0000', { ztdm: '07', chsj: '2026-11-23 09:00:05' }] as const, want: { outcome: 'withdrawn', partnerStatus: '07', occurredAt: '2026-11-23T01:00:05.000Z' } }],
    ['2006 in 04 is refused as 办结', { given: ['2006', { ztdm: '04' }] as const, want: { outcome: 'refused', partnerStatus: '04', reason: '办理地已作出决定（已办结），不能撤件', decided: 'completed' } }],
    ['2006 in 05 is refused as 不予受理', { given: ['2006', { ztdm: '05' }] as const, want: { outcome: 'refused', partnerStatus: '05', reason: '办理地已作出决定（不予受理），不能撤件', decided: 'rejected' } }],
  ])('%s', (_name, { given, want }) => {
    expect(fromCaseWithdrawReply(given[0], given[1])).toEqual(want);
  });
});
