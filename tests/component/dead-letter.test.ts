import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { clearFaults, getCase, setFaults, simState, submittedCase, waitFor } from '../support/flows.js';

let world: World;
let token: string;

beforeAll(async () => {
  world = await startWorld({ env: { HANDOFF_MAX_ATTEMPTS: '3', HANDOFF_BACKOFF_MS: '20,40' } });
  token = await login(world.url, 'ops01', 'Ops@2026');
});
afterAll(async () => { await world?.close(); });

describe('POST /api/cases/{caseId}/handoffs/{jobId}/retry', () => {
  test('when every attempt fails, the handoff ends dead-lettered and visible; a retry delivers it once', async () => {
    const sim = world.sims.byRegion['310104']!;
    await setFaults(sim.url, { mode: 'error', status: 502 });
    const { caseId, caseNo } = await submittedCase(world.url, token, '310104');
    const dead = await waitFor('死信', () => getCase(world.url, token, caseId), (c) => c.handoffs[0].status === 'dead');
    expect(dead.handoffs[0]).toMatchObject({ attempts: 3, lastError: { code: 'PARTNER_UNAVAILABLE' } });
    expect(dead.status).toBe('received');

    const letters = await call(world.url, 'GET', '/api/cases?handoffStatus=dead', { token });
    expect(letters.body.items.map((c: { id: string }) => c.id)).toContain(caseId);

    // Retrying something that is not dead is refused and changes nothing.
    await clearFaults(sim.url);
    const jobId = dead.handoffs[0].id;
    const retried = await call(world.url, 'POST', `/api/cases/${caseId}/handoffs/${jobId}/retry`, { token });
    expect(retried.status).toBe(202);
    const ok = await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
    expect(ok.handoffs[0].status).toBe('delivered');
    expect((await simState(sim.url)).cases.filter((c) => c.caseNo === caseNo)).toHaveLength(1);

    const again = await call(world.url, 'POST', `/api/cases/${caseId}/handoffs/${jobId}/retry`, { token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('HANDOFF_NOT_DEAD');
    const timeline = (await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token })).body.events.map((e: { type: string }) => e.type);
    expect(timeline.filter((t: string) => t === 'handoff.dead_lettered')).toHaveLength(1);
    expect(timeline).toContain('handoff.retried');
  });

  test('a handoff survives a restart of the gateway while it waits for its next attempt', async () => {
    const sim = world.sims.byRegion['610700']!;
    await setFaults(sim.url, { mode: 'error', status: 503, count: 1 });
    const { caseId, caseNo } = await submittedCase(world.url, token, '610700');
    await world.restart();
    token = await login(world.url, 'ops01', 'Ops@2026');
    await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
    expect((await simState(sim.url)).cases.filter((c) => c.caseNo === caseNo)).toHaveLength(1);
  });
});
