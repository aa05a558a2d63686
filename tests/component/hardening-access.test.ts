// Issue 10, defects 1 and 6: the login lockout holds against parallel guesses (per account and per
// client address, Retry-After on 429), X-Forwarded-For is not believed unless a proxy is configured, and
// every write checks the actor's role and region: a partner region's clerk sees what 三方连线 needs and
// changes nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login, materialForm } from '../support/client.js';
import { decide, draftCase, getCase, submittedCase, waitFor } from '../support/flows.js';
import { TINY_PDF } from '../support/fixtures.js';

const attempt = (w: World, username: string, password: string, headers: Record<string, string> = {}) =>
  call(w.url, 'POST', '/api/auth/login', { json: { username, password }, headers });

describe('POST /api/auth/login under parallel guessing', () => {
  let world: World;
  beforeAll(async () => { world = await startWorld({ background: false, env: { AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' } }); });
  afterAll(async () => { await world?.close(); });

  test('50 wrong passwords at once: at most 5 are checked, the rest and then the right one get 429 with Retry-After', async () => {
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(world, 'zhuji02', `wrong-${i}`)));
    const checked = replies.filter((r) => r.status === 401);
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(checked.every((r) => r.body.code === 'INVALID_CREDENTIALS')).toBe(true);
    const limited = replies.filter((r) => r.status === 429);
    expect(limited.length).toBe(50 - checked.length);
    for (const r of limited) {
      expect(r.body.code).toBe('RATE_LIMITED');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    const right = await attempt(world, 'zhuji02', 'Zhuji@2026');
    expect(right.status).toBe(429);
    expect(right.body.token).toBeUndefined();
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(60);
    // another account is not locked by it
    expect((await attempt(world, 'zhuji01', 'Zhuji@2026')).status).toBe(200);
  });
});

describe('the per-address budget and X-Forwarded-For', () => {
  let world: World;
  beforeAll(async () => { world = await startWorld({ background: false, env: { AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS: '8' } }); });
  afterAll(async () => { await world?.close(); });

  test('wrong passwords spread over many accounts from one address lock that address, whatever X-Forwarded-For it claims', async () => {
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(world, `nobody${i}`, 'x', { 'X-Forwarded-For': `10.9.${i}.1` })));
    expect(replies.filter((r) => r.status === 401).length).toBeLessThanOrEqual(8);
    const right = await attempt(world, 'zhuji01', 'Zhuji@2026', { 'X-Forwarded-For': '10.200.0.1' });
    expect(right.status).toBe(429);
    expect(right.body.detail).toContain('本终端');
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('who may change a case', () => {
  let world: World;
  let ours: string;
  let partnerClerk: string;
  let otherWindow: string;
  beforeAll(async () => {
    world = await startWorld({});
    ours = await login(world.url);
    partnerClerk = await login(world.url, 'xuhui01', 'Partner@2026');
    otherWindow = await login(world.url, 'shangyu01', 'Shangyu@2026');
  });
  afterAll(async () => { await world?.close(); });

  const refused = (r: { status: number; body: any; contentType: string }, code: string) => {
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 403, code });
    expect(r.contentType).toContain('application/problem+json');
  };

  test('a clerk of 徐汇 may read a case handed to 徐汇 but not add, withdraw, submit, reprint, deliver or open a session', async () => {
    const draft = await draftCase(world.url, ours, '310104', { skipMaterials: true });
    const code = draft.item.materials[0].code;
    expect((await call(world.url, 'GET', `/api/cases/${draft.caseId}`, { token: partnerClerk })).status).toBe(200);
    refused(await call(world.url, 'POST', `/api/cases/${draft.caseId}/materials`, { token: partnerClerk, form: materialForm(code, TINY_PDF, 'a.pdf') }), 'FORBIDDEN');
    refused(await call(world.url, 'POST', `/api/cases/${draft.caseId}/withdraw`, { token: partnerClerk, json: { reason: '申请人撤回' } }), 'FORBIDDEN');
    refused(await call(world.url, 'POST', `/api/cases/${draft.caseId}/submit`, { token: partnerClerk }), 'FORBIDDEN');
    refused(await call(world.url, 'POST', '/api/cases', { token: partnerClerk, json: { itemCode: draft.item.itemCode, applicant: {}, delivery: { byPost: false } } }), 'FORBIDDEN');
    const after = await getCase(world.url, ours, draft.caseId);
    expect({ status: after.status, materials: after.materials.length }).toEqual({ status: 'draft', materials: 0 });

    const { caseId } = await submittedCase(world.url, ours, '310104');
    const forwarded = await waitFor('已转递', () => getCase(world.url, ours, caseId), (c) => c.status === 'forwarded');
    await decide(world.sims.byRegion['310104']!.url, forwarded.partnerRef, { to: 'completed', result: { documentName: '准予注销登记通知书' } });
    await waitFor('办结', () => getCase(world.url, ours, caseId), (c) => c.status === 'completed');
    refused(await call(world.url, 'POST', `/api/cases/${caseId}/deliver`, { token: partnerClerk, json: { method: 'window' } }), 'FORBIDDEN');
    refused(await call(world.url, 'POST', `/api/cases/${caseId}/documents/acceptance_receipt/reprint`, { token: partnerClerk }), 'FORBIDDEN');
    refused(await call(world.url, 'POST', '/api/sessions', { token: partnerClerk, json: { caseId } }), 'FORBIDDEN');
    expect((await getCase(world.url, ours, caseId)).status).toBe('completed');
    // our own window clerk may
    expect((await call(world.url, 'POST', `/api/cases/${caseId}/deliver`, { token: ours, json: { method: 'window' } })).status).toBe(200);
  });

  test('a clerk of another of our windows gets CASE_OUT_OF_REGION, and the message does not name the case', async () => {
    const draft = await draftCase(world.url, ours, '640000', { skipMaterials: true });
    for (const r of [
      await call(world.url, 'GET', `/api/cases/${draft.caseId}`, { token: otherWindow }),
      await call(world.url, 'POST', `/api/cases/${draft.caseId}/withdraw`, { token: otherWindow, json: { reason: '撤回' } }),
    ]) {
      refused(r, 'CASE_OUT_OF_REGION');
      expect(JSON.stringify(r.body)).not.toContain(draft.caseNo);
    }
  });

  test('an operator of our region may retry a handoff; a partner clerk may not', async () => {
    const r = await call(world.url, 'POST', '/api/cases/00000000-0000-4000-8000-000000000000/handoffs/x/retry', { token: partnerClerk });
    refused(r, 'FORBIDDEN');
  });
});
