// 撤件 of a case the partner region already has (withdrawHandedOffCase), for every registered region
// whose contract has a cancel operation: through the region's own operation, against its simulator.
// Withdrawn before the decision, and racing it, are the conformance kit's (tests/conformance).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PARTNERS } from '../../partners/index.js';
import { startWorld, devSettings, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { clearFaults, decide, draftCase, getCase, setFaults, simState, submittedCase, waitFor } from '../support/flows.js';

const regions = PARTNERS.map((m) => ({ module: m, adapter: m.createAdapter(devSettings(m)) }));
const cancelling = regions.filter((r) => r.adapter.capabilities.cancel).map((r) => [r.module.name, r.module.region] as const);
const notCancelling = regions.filter((r) => !r.adapter.capabilities.cancel).map((r) => [r.module.name, r.module.region] as const);

/** the path of a region's cancel operation, to aim faults at it */
const CANCEL_PATH: Record<string, string> = { '310104': '/api/v1/applications/', '610700': '/zwfw/kstb/v1/cxsq', '640000': '/exchange/case/withdraw' };

let world: World;
let token: string;

beforeAll(async () => {
  world = await startWorld({ env: { HANDOFF_MAX_ATTEMPTS: '3', HANDOFF_BACKOFF_MS: '20,40' } });
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

async function forwardedCase(region: string) {
  const c = await submittedCase(world.url, token, region);
  const forwarded = await waitFor('已转递', () => getCase(world.url, token, c.caseId), (x) => x.status === 'forwarded');
  return { ...c, partnerRef: forwarded.partnerRef as string };
}

const withdraw = (caseId: string, reason = '申请人已在本地办结，不再需要') =>
  call(world.url, 'POST', `/api/cases/${caseId}/withdrawal`, { token, json: { reason } });

describe.each(cancelling)('POST /api/cases/{caseId}/withdrawal · %s', (_name, region) => {
  test('after the region decided: the withdrawal is refused with its reason, and the case keeps the decision', async () => {
    const sim = world.sims.byRegion[region]!;
    const { caseId, partnerRef } = await forwardedCase(region);
    await decide(sim.url, partnerRef, { to: 'accepted' });
    await waitFor('已受理', () => getCase(world.url, token, caseId), (c) => c.status === 'accepted');
    await decide(sim.url, partnerRef, { to: 'rejected', reason: '不属于本机关管辖范围' });
    await waitFor('不予受理', () => getCase(world.url, token, caseId), (c) => c.status === 'rejected');

    // a decided case is not withdrawable from our side either: nothing is sent
    const refusedHere = await withdraw(caseId);
    expect([refusedHere.status, refusedHere.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect((await getCase(world.url, token, caseId)).withdrawal).toBeNull();
  });

  test('while the region is down the cancel is retried, then dead-lettered and visible; a retry withdraws the case once', async () => {
    const sim = world.sims.byRegion[region]!;
    const { caseId, caseNo } = await forwardedCase(region);
    await setFaults(sim.url, { mode: 'error', status: 503, pathPrefix: CANCEL_PATH[region] });
    await withdraw(caseId);
    const dead = await waitFor('死信', () => getCase(world.url, token, caseId), (c) => c.handoffs.some((j: { step: string; status: string }) => j.step === 'cancel' && j.status === 'dead'));
    const job = dead.handoffs.find((j: { step: string }) => j.step === 'cancel');
    expect(job).toMatchObject({ attempts: 3, lastError: { code: 'PARTNER_UNAVAILABLE' } });
    expect(dead).toMatchObject({ status: 'forwarded', withdrawal: { state: 'requested' } });
    const letters = (await call(world.url, 'GET', '/api/cases?handoffStatus=dead', { token })).body.items.map((c: { id: string }) => c.id);
    expect(letters).toContain(caseId);

    await clearFaults(sim.url);
    const ops = await login(world.url, 'ops01', 'Ops@2026');
    expect((await call(world.url, 'POST', `/api/cases/${caseId}/handoffs/${job.id}/retry`, { token: ops })).status).toBe(202);
    await waitFor('已撤回', () => getCase(world.url, token, caseId), (c) => c.status === 'withdrawn');
    expect((await simState(sim.url)).cases.filter((c) => c.caseNo === caseNo)).toHaveLength(1);
  });
});

describe('POST /api/cases/{caseId}/withdrawal · what is refused', () => {
  // every registered region has one today; a region without (WITHDRAWAL_UNSUPPORTED) is checked when there is one
  if (notCancelling.length > 0) test.each(notCancelling)('%s has no cancel operation: the clerk is told to contact the region, and nothing is queued', async (_name, region) => {
    const { caseId } = await forwardedCase(region);
    const r = await withdraw(caseId);
    expect([r.status, r.body.code]).toEqual([409, 'WITHDRAWAL_UNSUPPORTED']);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await getCase(world.url, token, caseId)).handoffs.map((j: { step: string }) => j.step)).toEqual(['submit']);
  });

  test('a draft is withdrawn at the window, not through the region; a missing reason names the field; another region\'s clerk may not', async () => {
    const region = cancelling[0]![1];
    const draft = await draftCase(world.url, token, region);
    const atWindow = await withdraw(draft.caseId);
    expect([atWindow.status, atWindow.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect((await getCase(world.url, token, draft.caseId)).status).toBe('draft');
    const { caseId } = await forwardedCase(region);
    const noReason = await call(world.url, 'POST', `/api/cases/${caseId}/withdrawal`, { token, json: {} });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const shangyu = await login(world.url, 'shangyu01', 'Shangyu@2026');
    const other = await call(world.url, 'POST', `/api/cases/${caseId}/withdrawal`, { token: shangyu, json: { reason: '撤回' } });
    expect(other.status).toBe(403);
    const unchanged = await getCase(world.url, token, caseId);
    expect([unchanged.withdrawal, unchanged.handoffs.length]).toEqual([null, 1]);
  });
});

describe('the documents of a withdrawn case', () => {
  test('a 撤件 adds no 材料流转单: only the submission carried materials', async () => {
    const region = cancelling[0]![1];
    const { caseId } = await forwardedCase(region);
    await withdraw(caseId);
    await waitFor('已撤回', () => getCase(world.url, token, caseId), (c) => c.status === 'withdrawn');
    await world.gateway.core.documents.idle();
    const docs = (await call(world.url, 'GET', `/api/cases/${caseId}/documents`, { token })).body.items as Array<{ type: string; slot?: string }>;
    expect(docs.filter((d) => d.type === 'transfer_sheet')).toHaveLength(1);
  });
});
