import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { devSettings, startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { decide, getCase, submittedCase, waitFor } from '../support/flows.js';
import { PARTNERS as REGISTERED } from '../support/registry.js';

// every registered partner region, each in its own integration style (see its README). Delivery,
// retries, accept → 办结 and the 补正 round trip are the conformance kit's (tests/conformance).
// A region without 补正 (capabilities.supplement false) is only asked for 不予受理.
const PARTNERS = REGISTERED.map((m) => [m.name, m.region, m.createAdapter(devSettings(m)).capabilities.supplement] as const);

let world: World;
let token: string;

beforeAll(async () => {
  world = await startWorld();
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

describe('handoff of a case received at the window (代收代办)', () => {
  test.each(PARTNERS)('%s: when the partner says 补正 (where it has it) or 不予受理, the case shows what is missing or why', async (_name, region, supplement) => {
    const sim = world.sims.byRegion[region]!;
    if (supplement) {
      const a = await submittedCase(world.url, token, region);
      const fa = await waitFor('已转递', () => getCase(world.url, token, a.caseId), (c) => c.status === 'forwarded');
      await decide(sim.url, fa.partnerRef, { to: 'needs_supplement', missing: ['营业执照副本（清晰扫描件）'] });
      const sa = await waitFor('需补正', () => getCase(world.url, token, a.caseId), (c) => c.status === 'needs_supplement');
      expect(sa.supplement.missing).toEqual(['营业执照副本（清晰扫描件）']);
    }
    const b = await submittedCase(world.url, token, region);
    const fb = await waitFor('已转递', () => getCase(world.url, token, b.caseId), (c) => c.status === 'forwarded');
    await decide(sim.url, fb.partnerRef, { to: 'rejected', reason: '不属于本机关管辖范围' });
    const sb = await waitFor('不予受理', () => getCase(world.url, token, b.caseId), (c) => c.status === 'rejected');
    expect(sb.rejection.reason).toBe('不属于本机关管辖范围');
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
