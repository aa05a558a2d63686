// Every message a partner sends us reaches the case's audit trail with its hash: a pushed callback with
// its SHA-256, each poll of a polling partner with its exchanges (an answer that repeats the last one
// recorded is not recorded again, so polling an unchanged case does not grow its trail).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PARTNERS } from '../../partners/index.js';
import { devSettings, startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { decide, getCase, submittedCase, waitFor } from '../support/flows.js';

const byStatus = (how: 'callback' | 'polling') => PARTNERS
  .filter((m) => m.createAdapter(devSettings(m)).capabilities.statusBy === how)
  .map((m) => [m.name, m.region] as const);

let world: World;
let token: string;

beforeAll(async () => {
  world = await startWorld();
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

interface Entry { type: string; data: Record<string, any> }
const timeline = async (caseId: string): Promise<Entry[]> => (await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token })).body.events;

describe.each(byStatus('callback'))('a status callback of %s', (_name, region) => {
  test('is recorded with the SHA-256 of the body as it arrived', async () => {
    const { caseId } = await submittedCase(world.url, token, region);
    const forwarded = await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
    await decide(world.sims.byRegion[region]!.url, forwarded.partnerRef, { to: 'accepted' });
    await waitFor('已受理', () => getCase(world.url, token, caseId), (c) => c.status === 'accepted');
    const received = (await timeline(caseId)).filter((e) => e.type === 'partner.status_received');
    expect(received.at(-1)!.data).toMatchObject({ via: 'callback', callbackSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});

describe.each(byStatus('polling'))('the polls of %s', (_name, region) => {
  test('are recorded with their exchanges when the answer is new, and not again while it stays the same', async () => {
    const { caseId } = await submittedCase(world.url, token, region);
    const forwarded = await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
    const first = await waitFor('a poll recorded', () => timeline(caseId), (t) => t.some((e) => e.type === 'partner.queried'));
    const polled = first.find((e) => e.type === 'partner.queried')!;
    expect(polled.data.exchanges[0]).toMatchObject({ requestSha256: expect.stringMatching(/^[0-9a-f]{64}$/), responseSha256: expect.stringMatching(/^[0-9a-f]{64}$/), status: 200 });

    // several more rounds (POLL_INTERVAL_MS is 100 in tests) bring the same answer: nothing more is recorded
    const polls = world.gateway.poller.pollNow.bind(world.gateway.poller);
    await polls();
    await polls();
    expect((await timeline(caseId)).filter((e) => e.type === 'partner.queried')).toHaveLength(1);

    await decide(world.sims.byRegion[region]!.url, forwarded.partnerRef, { to: 'accepted' });
    const after = await waitFor('已受理', () => timeline(caseId), (t) => t.some((e) => e.type === 'partner.status_received' && e.data.reported === 'accepted'));
    expect(after.filter((e) => e.type === 'partner.queried')).toHaveLength(2);
    expect(after.find((e) => e.type === 'partner.status_received' && e.data.reported === 'accepted')!.data).toMatchObject({ via: 'poll' });
    expect((await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token })).body).toMatchObject({ ok: true });
  });
});
