import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login, materialForm } from '../support/client.js';
import { TINY_PNG, sha256 } from '../support/fixtures.js';
import { clearFaults, decide, getCase, setFaults, simState, submittedCase, waitFor } from '../support/flows.js';
import { PARTNERS as REGISTERED } from '../support/registry.js';

// every registered partner region, each in its own integration style (see its README)
const PARTNERS = REGISTERED.map((m) => [m.name, m.region] as const);

let world: World;
let token: string;

beforeAll(async () => {
  world = await startWorld();
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

describe('handoff of a case received at the window (代收代办)', () => {
  test.each(PARTNERS)('%s: the partner receives the case, accepts and completes it, and the result is attached to our case', async (_name, region) => {
    const sim = world.sims.byRegion[region]!;
    const { caseId, caseNo } = await submittedCase(world.url, token, region);

    const forwarded = await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
    expect(forwarded.partnerRef).toBeTruthy();
    expect(forwarded.handoffs[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    const atPartner = (await simState(sim.url)).cases.filter((c) => c.caseNo === caseNo);
    expect(atPartner).toHaveLength(1);
    const ours = await getCase(world.url, token, caseId);
    expect(atPartner[0]!.materials.map((m) => m.sha256).sort()).toEqual(ours.materials.map((m: { sha256: string }) => m.sha256).sort());

    await decide(sim.url, forwarded.partnerRef, { to: 'accepted' });
    await waitFor('已受理', () => getCase(world.url, token, caseId), (c) => c.status === 'accepted');

    await decide(sim.url, forwarded.partnerRef, { to: 'completed', result: { documentName: '准予注销登记通知书', certificateNo: 'ZX-2026-0001', byPost: true, trackingNo: 'SF1234567890' } });
    const done = await waitFor('办结', () => getCase(world.url, token, caseId), (c) => c.status === 'completed');
    expect(done.result.documentName).toBe('准予注销登记通知书');
    expect(done.result.document.sha256).toMatch(/^[0-9a-f]{64}$/);

    const pdf = await fetch(`${world.url}/api/cases/${caseId}/result/document`, { headers: { authorization: `Bearer ${token}` } });
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(done.result.document.sha256);

    const noTracking = await call(world.url, 'POST', `/api/cases/${caseId}/deliver`, { token, json: { method: 'post' } });
    expect([noTracking.status, noTracking.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const handedOver = await call(world.url, 'POST', `/api/cases/${caseId}/deliver`, { token, json: { method: 'post', trackingNo: 'EMS1122334455' } });
    expect(handedOver.body).toMatchObject({ status: 'delivered', delivery: { byPost: true, trackingNo: 'EMS1122334455' } });

    const timeline = (await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token })).body.events.map((e: { type: string }) => e.type);
    expect(timeline).toEqual(expect.arrayContaining(['case.created', 'case.submitted', 'handoff.attempt', 'handoff.delivered', 'partner.status_received', 'partner.result_received', 'case.result_delivered']));
    const audit = (await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token })).body;
    expect(audit).toMatchObject({ ok: true });
    expect(audit.entries).toBe(timeline.length);
  });

  test.each(PARTNERS)('%s: when the partner says 补正 or 不予受理, the case shows what is missing or why', async (_name, region) => {
    const sim = world.sims.byRegion[region]!;
    const a = await submittedCase(world.url, token, region);
    const b = await submittedCase(world.url, token, region);
    const fa = await waitFor('已转递', () => getCase(world.url, token, a.caseId), (c) => c.status === 'forwarded');
    const fb = await waitFor('已转递', () => getCase(world.url, token, b.caseId), (c) => c.status === 'forwarded');
    await decide(sim.url, fa.partnerRef, { to: 'needs_supplement', missing: ['营业执照副本（清晰扫描件）'] });
    await decide(sim.url, fb.partnerRef, { to: 'rejected', reason: '不属于本机关管辖范围' });
    const sa = await waitFor('需补正', () => getCase(world.url, token, a.caseId), (c) => c.status === 'needs_supplement');
    expect(sa.supplement.missing).toEqual(['营业执照副本（清晰扫描件）']);
    const sb = await waitFor('不予受理', () => getCase(world.url, token, b.caseId), (c) => c.status === 'rejected');
    expect(sb.rejection.reason).toBe('不属于本机关管辖范围');
  });
});

describe('补齐补正 round trip', () => {
  test.each(PARTNERS)('%s: the clerk adds the missing material and resubmits; the partner gets the supplement once and goes on', async (_name, region) => {
    const sim = world.sims.byRegion[region]!;
    const { caseId, caseNo, item } = await submittedCase(world.url, token, region);
    const f = await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
    await decide(sim.url, f.partnerRef, { to: 'needs_supplement', missing: ['身份证明（复印件）'] });
    await waitFor('需补正', () => getCase(world.url, token, caseId), (c) => c.status === 'needs_supplement');

    const code = item.materials[0].code;
    const up = await call(world.url, 'POST', `/api/cases/${caseId}/materials`, { token, form: materialForm(code, TINY_PNG, 'buzheng.png', 'image/png') });
    expect(up.status).toBe(201);
    const resubmitted = await call(world.url, 'POST', `/api/cases/${caseId}/submit`, { token });
    expect(resubmitted.status).toBe(202);
    expect(resubmitted.body.handoffs.map((j: { step: string }) => j.step)).toEqual(['submit', 'supplement-1']);

    const back = await waitFor('补正已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded' && c.handoffs[1].status === 'delivered');
    expect(back.partnerRef).toBe(f.partnerRef);
    const atPartner = (await simState(sim.url)).cases.filter((c) => c.caseNo === caseNo);
    expect(atPartner).toHaveLength(1);
    expect(atPartner[0]!.materials.map((m) => m.sha256)).toContain(sha256(TINY_PNG));

    await decide(sim.url, f.partnerRef, { to: 'accepted' });
    await waitFor('已受理', () => getCase(world.url, token, caseId), (c) => c.status === 'accepted');
  });
});

describe('when a partner is down', () => {
  test.each([
    ['answers 503', { mode: 'error', status: 503 }],
    ['drops the connection', { mode: 'drop' }],
  ])('and %s during submission, the case is kept and delivered once it is back', async (_name, fault) => {
    const sim = world.sims.byRegion['640000']!;
    await setFaults(sim.url, fault);
    try {
      const { caseId, caseNo } = await submittedCase(world.url, token, '640000');
      const failing = await waitFor('a failed attempt', () => getCase(world.url, token, caseId), (c) => c.handoffs[0].attempts >= 2);
      expect(failing.status).toBe('received');
      expect(failing.handoffs[0].lastError.code).toBe('PARTNER_UNAVAILABLE');
      await clearFaults(sim.url);
      const ok = await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
      expect(ok.handoffs[0].status).toBe('delivered');
      expect((await simState(sim.url)).cases.filter((c) => c.caseNo === caseNo)).toHaveLength(1);
    } finally {
      await clearFaults(sim.url);
    }
  });
});

describe('GET /api/cases', () => {
  test('lists only the clerk’s own region, filtered by status and partner', async () => {
    const mine = await call(world.url, 'GET', '/api/cases?partner=310104', { token });
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.items.every((c: { partner: string; acceptRegion: string }) => c.partner === '310104' && c.acceptRegion === '330681')).toBe(true);
    const other = await login(world.url, 'shangyu01', 'Shangyu@2026');
    expect((await call(world.url, 'GET', '/api/cases', { token: other })).body.total).toBe(0);
    const completed = await call(world.url, 'GET', '/api/cases?status=completed', { token });
    expect(completed.body.items.every((c: { status: string }) => c.status === 'completed')).toBe(true);
  });
});
