// Network trouble: when an applicant's signalling connection drops, the others see "reconnecting", not
// "left"; the applicant comes back with its resume token as the same participant, its media objects
// still there; a second connection replaces the first; after the grace period it counts as left.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CloseCode } from '../../remote-window/src/protocol.js';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { draftCase } from '../support/flows.js';
import { SignalClient, applicantWaiting, clerkInSession } from '../support/signalling.js';

let world: World;
let token: string;
let quick: World;
let quickToken: string;
beforeAll(async () => {
  world = await startWorld({ remoteWindow: true, background: false });
  // a 2 s grace so that its expiry can be seen (the environment insists on ≥ 30 s), a 2 s heartbeat
  quick = await startWorld({ remoteWindow: { reconnectGraceS: 2, heartbeatMs: 2000 }, background: false });
  [token, quickToken] = await Promise.all([login(world.url), login(quick.url)]);
});
afterAll(async () => { await Promise.all([world?.close(), quick?.close()]); });

const resumeUrl = (token: string, w = world) => `${w.url.replace('http', 'ws')}/rw/ws?resume=${encodeURIComponent(token)}`;

async function admittedApplicant(caseId?: string, w = world, t = token) {
  const { session, clerk } = await clerkInSession(w.url, t, caseId ? { caseId } : {});
  const a = await applicantWaiting(w.url, session.code);
  await clerk.call('admit', { participantId: a.hello.participantId });
  await a.client.waitEvent('admitted');
  return { session, clerk, a };
}

describe('reconnection with the resume token', () => {
  test('the connection drops and comes back: same participant, resumed, its transport still there, the clerk saw reconnecting then reconnected', async () => {
    const { caseId } = await draftCase(world.url, token, '640000');
    const { clerk, a } = await admittedApplicant(caseId);
    const send = await a.client.call('createTransport', { direction: 'send' });

    a.client.drop();
    const reconnecting = await clerk.waitEvent('participantReconnecting');
    expect(reconnecting).toEqual({ participantId: a.hello.participantId, graceMs: 60_000 });
    const view = (await call(world.url, 'GET', `/api/sessions/${a.join.sessionId}`, { token })).body.participants.find((p: { participantId: string }) => p.participantId === a.hello.participantId);
    expect(view.state).toBe('reconnecting');

    const back = await SignalClient.open(resumeUrl(a.hello.resumeToken));
    const hello = await back.call('hello', { device: 'phone' });
    expect(hello).toMatchObject({ participantId: a.hello.participantId, resumed: true, state: 'admitted', role: 'applicant' });
    expect(hello.resumeToken).not.toBe(a.hello.resumeToken);
    expect(await clerk.waitEvent('participantReconnected')).toEqual({ participantId: a.hello.participantId });
    expect(clerk.seen('participantLeft')).toHaveLength(0);
    // the transport survived the gap: ICE restarts on it
    const ice = await back.call('restartIce', { transportId: send.id });
    expect(ice.iceParameters).toMatchObject({ usernameFragment: expect.any(String), password: expect.any(String) });

    // the old token rotated away with the hello
    expect(await SignalClient.connect(resumeUrl(a.hello.resumeToken))).toEqual({ refused: true, status: 401 });

    await world.gateway.remote!.evidence.flush();
    const events = (await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token })).body.events as Array<{ type: string }>;
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['session.reconnecting', 'session.reconnected']));
    back.close();
    clerk.close();
  });

  test('a second connection of the same participant replaces the first, which is closed with 4003', async () => {
    const { clerk, a } = await admittedApplicant();
    const second = await SignalClient.open(resumeUrl(a.hello.resumeToken));
    expect((await a.client.closed).code).toBe(CloseCode.REPLACED);
    const hello = await second.call('hello', {});
    expect(hello).toMatchObject({ participantId: a.hello.participantId, resumed: true });
    expect(clerk.seen('participantLeft')).toHaveLength(0);
    second.close();
    clerk.close();
  });

  test('a clerk who reopens the panel with a new ticket takes back the same place', async () => {
    const { session, clerk, hello } = await clerkInSession(world.url, token);
    clerk.drop();
    const t = await call(world.url, 'POST', `/api/sessions/${session.sessionId}/tickets`, { token, json: {} });
    const again = await SignalClient.open(t.body.wsUrl);
    expect(await again.call('hello', {})).toMatchObject({ participantId: hello.participantId, resumed: true, role: 'clerk' });
    again.close();
  });

  test('nobody back within the grace period: participantLeft with reason timeout, and the resume token is dead', async () => {
    const { clerk, a } = await admittedApplicant(undefined, quick, quickToken);
    a.client.drop();
    await clerk.waitEvent('participantReconnecting');
    expect(await clerk.waitEvent('participantLeft', () => true, 10_000)).toEqual({ participantId: a.hello.participantId, reason: 'timeout' });
    expect(await SignalClient.connect(resumeUrl(a.hello.resumeToken, quick))).toEqual({ refused: true, status: 401 });
    clerk.close();
  });

  test('a peer that goes silent (no pong to the heartbeat ping) is noticed and counts as reconnecting', async () => {
    const { clerk, a } = await admittedApplicant(undefined, quick, quickToken);
    // the socket stays open at the TCP level but nothing is read any more: as when a phone loses its network
    (a.client.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    expect(await clerk.waitEvent('participantReconnecting', () => true, 10_000)).toMatchObject({ participantId: a.hello.participantId });
    clerk.close();
  });

  test('leave is for good: no reconnecting, the others see participantLeft left', async () => {
    const { clerk, a } = await admittedApplicant();
    await a.client.call('leave', {});
    expect(await clerk.waitEvent('participantLeft')).toEqual({ participantId: a.hello.participantId, reason: 'left' });
    expect(clerk.seen('participantReconnecting')).toHaveLength(0);
    expect(await SignalClient.connect(resumeUrl(a.hello.resumeToken))).toEqual({ refused: true, status: 401 });
    clerk.close();
  });
});
