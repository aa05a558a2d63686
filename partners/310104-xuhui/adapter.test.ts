import axios from 'axios';
import { afterEach, describe, expect, test } from 'vitest';
import type { FaultPlan } from '../_kit/faults.js';
import type { OutboundCase } from '../../gateway/src/ports/partner.js';
import { sha256, VALID_ID_NUMBER } from '../../tests/support/fixtures.js';
import { context, failureOf, handoff, SETTINGS, startPartner, type Partner } from './test-kit.js';

let partner: Partner | undefined;
afterEach(async () => {
  await partner?.sim.close();
  partner = undefined;
});
const start = async (options?: Parameters<typeof startPartner>[0]): Promise<Partner> => (partner = await startPartner(options));

describe('delivering a case to 徐汇区', () => {
  test('when the same key comes back with a different case, 徐汇区 refuses it as DUPLICATE_CONFLICT', async () => {
    const p = await start();
    await p.adapter.deliver(handoff(), context());
    const changed = handoff({ itemName: '个体工商户变更登记' });
    const failure = await failureOf(p.adapter.deliver(changed, context()));
    expect(failure).toMatchObject({ code: 'PARTNER_REJECTED', retryable: false });
    expect(failure.message).toContain('DUPLICATE_CONFLICT');
    expect((await p.state()).cases).toHaveLength(1);
  });
});

describe('when 徐汇区 is down, slow or unreachable', () => {
  test.each<[string, { given: Partial<FaultPlan> & { timeoutMs?: number }; want: { code: string; retryable: boolean; message: RegExp } }]>([
    ['it fails after the materials are uploaded', { given: { mode: 'error', status: 500, pathPrefix: '/api/v1/applications' }, want: { code: 'PARTNER_UNAVAILABLE', retryable: true, message: /submitApplication answered HTTP 500 INTERNAL_ERROR/ } }],
    ['it asks us to slow down', { given: { mode: 'error', status: 429, pathPrefix: '/api/v1/materials' }, want: { code: 'PARTNER_UNAVAILABLE', retryable: true, message: /uploadMaterial answered HTTP 429 RATE_LIMITED/ } }],
  ])('when %s, the delivery fails as retryable, and a retry once it is back files the case exactly once', async (_name, { given, want }) => {
    const p = await start();
    const { timeoutMs, ...plan } = given;
    await p.faults(plan);
    const req = handoff();
    const failure = await failureOf(p.adapter.deliver(req, context(timeoutMs ? { timeoutMs } : {})));
    expect(failure).toMatchObject({ code: want.code, retryable: want.retryable });
    expect(failure.message).toMatch(want.message);
    expect((await p.state()).faultsInjected).toBeGreaterThan(0);

    await p.clearFaults();
    const ack = await p.adapter.deliver(req, context());
    const { cases } = await p.state();
    expect(cases.map((c) => [c.ref, c.caseNo, c.materials.length])).toEqual([[ack.partnerRef, req.case.caseNo, 2]]);
  });

  test.each<[string, { given: Partial<FaultPlan>; want: RegExp }]>([
    ['a status its contract does not define', { given: { mode: 'error', status: 200, pathPrefix: '/api/v1/applications' }, want: /submitApplication answered HTTP 200, the contract says 201/ }],
    ['a body its contract does not allow', { given: { mode: 'error', status: 201, pathPrefix: '/api/v1/applications' }, want: /submitApplication answer breaks the 徐汇区 contract: \/applicationId must have required property/ }],
  ])('when 徐汇区 answers with %s, the delivery fails with PARTNER_CONTRACT_VIOLATION', async (_name, { given, want }) => {
    const p = await start();
    await p.faults(given);
    const failure = await failureOf(p.adapter.deliver(handoff(), context()));
    expect(failure).toMatchObject({ code: 'PARTNER_CONTRACT_VIOLATION', retryable: false });
    expect(failure.message).toMatch(want);
  });
});

describe('the request a mapping bug would produce', () => {
  const c = handoff().case;
  test.each<[string, { given: Partial<OutboundCase>; want: RegExp }]>([
    ['a required field is left out', { given: { itemName: undefined as unknown as string }, want: /submitApplication request .* \/itemName must have required property 'itemName'/ }],
    ['the 办件编号 is longer than GB/T 39046 allows', { given: { caseNo: 'X'.repeat(51) }, want: /\/externalCaseNo must NOT have more than 50 characters/ }],
    ['the 证件类型 has no 徐汇区 code', { given: { applicant: { ...c.applicant, idType: '999' as OutboundCase['applicant']['idType'] } }, want: /no mapping for code "999"/ }],
    ['a posted result has no address', { given: { delivery: { byPost: true } }, want: /\/resultDelivery\/address must have required property/ }],
    ['a material name is empty', { given: { materials: [{ ...c.materials[0]!, name: '' }] }, want: /\/materialName must NOT have fewer than 1 characters/ }],
  ])('when %s, the delivery fails with PARTNER_CONTRACT_VIOLATION before anything is sent', async (_name, { given, want }) => {
    const p = await start();
    const ctx = context();
    const failure = await failureOf(p.adapter.deliver(handoff(given), ctx));
    expect(failure).toMatchObject({ code: 'PARTNER_CONTRACT_VIOLATION', retryable: false });
    expect(failure.message).toMatch(want);
    expect(ctx.exchanges).toEqual([]);
    expect((await p.state()).idempotencyHits).toEqual({});
  });
});

describe('exchanges reported for the audit trail', () => {
  test('every exchange of a delivery is reported, with hashes and never bodies or personal data', async () => {
    const p = await start();
    const ctx = context();
    const req = handoff();
    await p.adapter.deliver(req, ctx);
    expect(ctx.exchanges.map((e) => [e.operationId, e.method, e.url, e.status])).toEqual([
      ['issueToken', 'POST', `${p.sim.url}/oauth2/token`, 200],
      ['uploadMaterial', 'POST', `${p.sim.url}/api/v1/materials`, 201],
      ['uploadMaterial', 'POST', `${p.sim.url}/api/v1/materials`, 201],
      ['submitApplication', 'POST', `${p.sim.url}/api/v1/applications`, 201],
    ]);
    for (const e of ctx.exchanges) {
      expect(e).toMatchObject({ requestSha256: expect.stringMatching(/^[0-9a-f]{64}$/), responseSha256: expect.stringMatching(/^[0-9a-f]{64}$/), durationMs: expect.any(Number) });
      expect(e.error).toBeUndefined();
    }
    expect(ctx.exchanges[0]!.requestSha256).toBe(sha256(Buffer.from('grant_type=client_credentials')));
    const text = JSON.stringify(ctx.exchanges);
    for (const secret of [VALID_ID_NUMBER, req.case.applicant.phone, '张三', SETTINGS.CLIENT_SECRET]) expect(text).not.toContain(secret);
  });

  test('a failed exchange is reported too, with what went wrong', async () => {
    const p = await start();
    await p.faults({ mode: 'drop', pathPrefix: '/api/v1/applications' });
    const ctx = context();
    await failureOf(p.adapter.deliver(handoff(), ctx));
    const last = ctx.exchanges.at(-1)!;
    expect(last).toMatchObject({ operationId: 'submitApplication', requestSha256: expect.stringMatching(/^[0-9a-f]{64}$/), error: expect.stringMatching(/ECONNRESET|socket hang up/) });
    expect(last.status).toBeUndefined();
  });
});

describe('OAuth2 client credentials', () => {
  test('when our client credentials are wrong, 徐汇区 refuses them as INVALID_CLIENT and the delivery is not retried', async () => {
    const p = await start({ adapterSettings: { CLIENT_SECRET: 'not-the-secret' } });
    const failure = await failureOf(p.adapter.deliver(handoff(), context()));
    expect(failure).toMatchObject({ code: 'PARTNER_REJECTED', retryable: false });
    expect(failure.message).toContain('INVALID_CLIENT');
    expect((await p.state()).cases).toEqual([]);
  });

  test('when a call carries an unknown token, or one past its expiry, 徐汇区 refuses it', async () => {
    let simClock = Date.parse('2026-11-22T02:00:00Z');
    const p = await start({ now: () => new Date(simClock) });
    const http = axios.create({ proxy: false, validateStatus: () => true });
    const token = (await http.post(`${p.sim.url}/oauth2/token`, 'grant_type=client_credentials', {
      auth: { username: SETTINGS.CLIENT_ID, password: SETTINGS.CLIENT_SECRET }, headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })).data as { access_token: string; expires_in: number };
    const list = (bearer: string) => http.get(`${p.sim.url}/api/v1/applications?externalCaseNo=X1`, { headers: { Authorization: `Bearer ${bearer}` } });
    expect((await list(token.access_token)).status).toBe(200);
    expect((await list('0123456789abcdef0123456789abcdef')).data).toEqual({ code: 'UNAUTHORIZED', message: expect.any(String) });
    simClock += token.expires_in * 1000;
    const expired = await list(token.access_token);
    expect([expired.status, expired.data.code]).toEqual([401, 'UNAUTHORIZED']);
  });

  test('the adapter keeps its token until shortly before it expires, then fetches a new one', async () => {
    let clock = Date.parse('2026-11-22T02:00:00Z');
    const now = () => new Date(clock);
    const p = await start({ now });
    const ctx = context({ now });
    await p.adapter.deliver(handoff({ caseNo: 'C-0001' }), ctx);
    await p.adapter.deliver(handoff({ caseNo: 'C-0002' }), ctx);
    clock += 250_000; // past 300 s − 60 s, still inside the token's life at 徐汇区
    await p.adapter.deliver(handoff({ caseNo: 'C-0003' }), ctx);
    expect(ctx.exchanges.filter((e) => e.operationId === 'issueToken')).toHaveLength(2);
    expect(ctx.exchanges.filter((e) => e.status === 401)).toEqual([]);
  });

  test('when 徐汇区 has dropped our token early, the adapter fetches a new one and retries once', async () => {
    let simClock = Date.now();
    const p = await start({ now: () => new Date(simClock) });
    const ctx = context();
    await p.adapter.deliver(handoff({ caseNo: 'C-0001' }), ctx);
    simClock += 3600_000;
    ctx.exchanges.length = 0;
    await p.adapter.deliver(handoff({ caseNo: 'C-0002' }), ctx);
    expect(ctx.exchanges.map((e) => [e.operationId, e.status])).toEqual([
      ['uploadMaterial', 401], ['issueToken', 200], ['uploadMaterial', 201], ['uploadMaterial', 201], ['submitApplication', 201],
    ]);
    expect((await p.state()).cases).toHaveLength(2);
  });
});
