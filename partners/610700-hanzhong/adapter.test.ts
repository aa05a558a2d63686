import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { FaultPlan } from '../_kit/faults.js';
import { sha256, TINY_PNG, VALID_ID_NUMBER } from '../../tests/support/fixtures.js';
import { createAdapter } from './adapter.js';
import { signHeaders } from './sign.js';
import { contract } from './types.js';
import { context, DEV_SETTINGS, failureOf, handoff, startHarness, type Harness } from './testing.js';

let h: Harness;
beforeEach(async () => { h = await startHarness(); });
afterEach(async () => { await h.sim.close(); });

describe('deliver: a case reaches 汉中 exactly once', () => {
  test('when the same key comes back with different content, 汉中 refuses it as a conflict', async () => {
    const { ctx } = context();
    await h.adapter.deliver(handoff(), ctx);
    const failure = await failureOf(h.adapter.deliver(handoff({ case: { caseNo: '330681-20261122-OTHER001' } }), ctx));
    expect({ code: failure.code, retryable: failure.retryable }).toEqual({ code: 'PARTNER_REJECTED', retryable: false });
    expect(failure.message).toContain('[1003]');
    expect((await h.state()).cases).toHaveLength(1);
  });
});

describe('deliver: when 汉中 cannot answer, the failure is retryable', () => {
  test.each<[string, { given: Partial<FaultPlan>; want: { status?: number; error: boolean } }]>([
    ['answers 500', { given: { mode: 'error', status: 500, count: 1 }, want: { status: 500, error: false } }],
    ['rate-limits with 429', { given: { mode: 'error', status: 429, count: 1 }, want: { status: 429, error: false } }],
  ])('when 汉中 %s, the delivery fails as PARTNER_UNAVAILABLE and the next attempt goes through', async (_name, { given, want }) => {
    const { ctx, exchanges } = context();
    await h.faults(given);
    const failure = await failureOf(h.adapter.deliver(handoff(), ctx));
    expect({ code: failure.code, retryable: failure.retryable }).toEqual({ code: 'PARTNER_UNAVAILABLE', retryable: true });
    expect([exchanges[0]?.operationId, exchanges[0]?.status, exchanges[0]?.error !== undefined]).toEqual(['clsc', want.status, want.error]);
    expect((await h.state()).faultsInjected).toBe(1);
    await h.adapter.deliver(handoff(), ctx);
    expect((await h.state()).cases).toHaveLength(1);
  });

});

describe('deliver: 汉中 refuses what it must refuse', () => {
  test.each([
    ['a wrong appSecret (bad sign)', { given: { APP_SECRET: 'not-the-shared-secret' }, want: '[2002]' }],
    ['an appKey 汉中 never issued', { given: { APP_KEY: 'someone-else-01' }, want: '[2001]' }],
  ])('when we sign with %s, 汉中 refuses at the door and nothing is created', async (_name, { given, want }) => {
    const failure = await failureOf(h.adapterWith(given).deliver(handoff(), context().ctx));
    expect({ code: failure.code, retryable: failure.retryable }).toEqual({ code: 'PARTNER_REJECTED', retryable: false });
    expect(failure.message).toContain(want);
    expect(await h.state()).toMatchObject({ cases: [], idempotencyHits: {} });
  });

  test('when our clock is ten minutes off, 汉中 refuses the stale timestamp', async () => {
    const skewed = context({ now: () => new Date(Date.now() - 600_000) }).ctx;
    const failure = await failureOf(h.adapter.deliver(handoff(), skewed));
    expect(failure.code).toBe('PARTNER_REJECTED');
    expect(failure.message).toContain('[2003]');
  });

  test('when a signed request is replayed with the same nonce, 汉中 refuses the replay', async () => {
    const ack = await h.adapter.deliver(handoff(), context().ctx);
    const uri = contract.operation('cxzt').path;
    const body = JSON.stringify({ sblsh: ack.partnerRef });
    const headers = { 'Content-Type': 'application/json', ...signHeaders({ appKey: DEV_SETTINGS.APP_KEY!, appSecret: DEV_SETTINGS.APP_SECRET!, uri, body, now: new Date(), nonce: 'replayednonce000000000001' }) };
    const send = () => axios.post(`${h.sim.url}${uri}`, body, { headers, proxy: false, validateStatus: () => true });
    expect((await send()).data).toMatchObject({ code: '0' });
    const replay = await send();
    expect({ status: replay.status, code: (replay.data as { code: string }).code }).toEqual({ status: 401, code: '2004' });
    expect(contract.validateResponse('cxzt', 401, replay.data)).toEqual([]);
  });

  test('when a request breaks the contract, the simulator answers 1001 naming the failing fields', async () => {
    const uri = contract.operation('cxzt').path;
    const body = JSON.stringify({ sblsh: 'not-a-sblsh', extra: 1 });
    const headers = { 'Content-Type': 'application/json', ...signHeaders({ appKey: DEV_SETTINGS.APP_KEY!, appSecret: DEV_SETTINGS.APP_SECRET!, uri, body, now: new Date() }) };
    const res = await axios.post(`${h.sim.url}${uri}`, body, { headers, proxy: false, validateStatus: () => true });
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ code: '1001', data: { errors: expect.arrayContaining([expect.objectContaining({ field: '/sblsh' }), expect.objectContaining({ field: '/extra' })]) } });
  });
});

describe('deliver: a mapping bug is caught before anything is sent', () => {
  test.each([
    ['a 办件编号 longer than 50 characters', { given: { caseNo: 'X'.repeat(51) }, want: '/bjbh' }],
    ['a handling region outside 汉中', { given: { handlingRegion: '310104' }, want: '/bldqhdm' }],
    ['a posted result without any address', { given: { delivery: { byPost: true }, applicant: { kind: 'person' as const, name: '张三', idType: '111' as const, idNumber: VALID_ID_NUMBER, phone: '13812345678' } }, want: '/yjdz' }],
  ])('when the case has %s, delivery fails with PARTNER_CONTRACT_VIOLATION and 汉中 sees nothing', async (_name, { given, want }) => {
    const { ctx, exchanges } = context();
    const failure = await failureOf(h.adapter.deliver(handoff({ case: given }), ctx));
    expect({ code: failure.code, retryable: failure.retryable }).toEqual({ code: 'PARTNER_CONTRACT_VIOLATION', retryable: false });
    expect(failure.message).toContain(want);
    expect(exchanges).toEqual([]);
    expect(await h.state()).toMatchObject({ cases: [], idempotencyHits: {} });
  });

  test('when the core asks for a step 汉中 has no operation for, nothing is sent', async () => {
    const { ctx, exchanges } = context();
    expect((await failureOf(h.adapter.deliver(handoff({ step: 'withdraw' }), ctx))).code).toBe('PARTNER_CONTRACT_VIOLATION');
    expect(exchanges).toEqual([]);
  });
});

describe('deliver: an answer outside 汉中\'s contract', () => {
  let stub: Server;
  afterEach(async () => { await new Promise((resolve) => stub.close(resolve)); });
  test.each([
    ['success without a clbh', { given: { type: 'application/json', body: '{"code":"0","msg":"成功","data":{}}' }, want: '/data' }],
    ['an HTML page', { given: { type: 'text/html', body: '<html>维护中</html>' }, want: '不是 JSON' }],
  ])('when the partner answers %s, the delivery fails with PARTNER_CONTRACT_VIOLATION', async (_name, { given, want }) => {
    stub = createServer((_req, res) => { res.writeHead(200, { 'Content-Type': given.type }).end(given.body); });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const adapter = createAdapter({ ...DEV_SETTINGS, URL: `http://127.0.0.1:${(stub.address() as AddressInfo).port}` });
    const failure = await failureOf(adapter.deliver(handoff(), context().ctx));
    expect(failure.code).toBe('PARTNER_CONTRACT_VIOLATION');
    expect(failure.message).toContain(want);
  });
});

describe('the audit trail of exchanges', () => {
  test('when a case is delivered and polled, every exchange is reported with body hashes and no personal data', async () => {
    const { ctx, exchanges } = context();
    const ack = await h.adapter.deliver(handoff(), ctx);
    await h.decide(ack.partnerRef, { to: 'completed', result: { documentName: '准予注销登记通知书' } });
    await h.adapter.pollStatus!(ack.partnerRef, '330681-20261122-K7Q2M9XA', ctx);
    expect(exchanges.map((e) => [e.operationId, e.method, e.status])).toEqual([
      ['clsc', 'POST', 200], ['clsc', 'POST', 200], ['sb', 'POST', 200], ['cxzt', 'POST', 200], ['jgxz', 'POST', 200],
    ]);
    for (const e of exchanges) {
      expect(e).toMatchObject({ url: expect.stringMatching(new RegExp(`^${h.sim.url}/zwfw/kstb/v1/`)), requestSha256: expect.stringMatching(/^[0-9a-f]{64}$/), responseSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(e.durationMs).toBeGreaterThanOrEqual(0);
      expect(e.error).toBeUndefined();
    }
    expect(exchanges[3]?.requestSha256).toBe(sha256(Buffer.from(JSON.stringify({ sblsh: ack.partnerRef }))));
    const recorded = JSON.stringify(exchanges);
    for (const secret of [VALID_ID_NUMBER, '13812345678', TINY_PNG.toString('base64')]) expect(recorded).not.toContain(secret);
  });
});
