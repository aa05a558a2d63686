// The render step failing for real: its render thread runs out of the heap it may use
// (RECEIPT_RENDER_THREAD_HEAP_MB) and dies. The gateway stays up (a thread's death used to be an
// unhandled 'error' event that ended the process); every attempt is recorded as document.render_failed
// and retried with the backoff; out of attempts, the render job is dead and so is the delivery it holds
// up, so nothing reaches the partner without its documents. With the limit lifted (a restart), a
// clerk's retry renders the documents and delivers the case, once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { getCase, simState, submittedCase, waitFor } from '../support/flows.js';

let world: World;
let token: string;

beforeAll(async () => {
  world = await startWorld({ env: { RECEIPT_RENDER_THREADS: '1', RECEIPT_RENDER_THREAD_HEAP_MB: '8', HANDOFF_MAX_ATTEMPTS: '2', HANDOFF_BACKOFF_MS: '20,40' } });
  token = await login(world.url, 'ops01', 'Ops@2026');
});
afterAll(async () => { await world?.close(); });

const types = async (caseId: string): Promise<string[]> =>
  (await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token })).body.events.map((e: { type: string }) => e.type);

describe('a render step whose thread dies', () => {
  test('is retried, then dead-lettered with its delivery; the gateway stays up; after the fault a retry delivers the case with its documents', async () => {
    const sim = world.sims.byRegion['310104']!;
    const { caseId, caseNo } = await submittedCase(world.url, token, '310104');
    const dead = await waitFor('死信', () => getCase(world.url, token, caseId), (c) => c.handoffs[0].status === 'dead', 30_000);
    expect(dead.status).toBe('received');
    expect(dead.handoffs[0].lastError).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('随件文书生成失败') });
    expect(dead.handoffs[0].attempts).toBe(0);
    const trail = await types(caseId);
    expect(trail.filter((t) => t === 'document.render_failed')).toHaveLength(2);
    expect(trail).toContain('handoff.dead_lettered');
    expect(trail).not.toContain('document.issued');
    expect((await call(world.url, 'GET', `/api/cases/${caseId}/documents`, { token })).body.items).toEqual([]);
    // nothing went to the partner without its documents, and the gateway answers as before
    expect((await simState(sim.url)).cases.filter((c) => c.caseNo === caseNo)).toHaveLength(0);
    expect((await call(world.url, 'GET', '/healthz')).status).toBe(200);
    expect((await call(world.url, 'GET', '/metrics')).body).toMatch(/kytb_document_render_failures_total [1-9]/);

    // the operator lifts the limit; a clerk's retry starts the render and the delivery again
    await world.restart((c) => ({ ...c, receipts: { ...c.receipts, renderThreadHeapMb: undefined } }));
    token = await login(world.url, 'ops01', 'Ops@2026');
    const retried = await call(world.url, 'POST', `/api/cases/${caseId}/handoffs/${dead.handoffs[0].id}/retry`, { token });
    expect(retried.status).toBe(202);
    const ok = await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded', 30_000);
    expect(ok.handoffs[0].status).toBe('delivered');
    const docs = (await call(world.url, 'GET', `/api/cases/${caseId}/documents`, { token })).body.items.map((d: { type: string }) => d.type).sort();
    expect(docs).toEqual(['acceptance_receipt', 'transfer_sheet']);
    expect((await simState(sim.url)).cases.filter((c) => c.caseNo === caseNo)).toHaveLength(1);
    expect((await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token })).body).toMatchObject({ ok: true });
  }, 90_000);
});
