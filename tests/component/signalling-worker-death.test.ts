// A mediasoup worker that dies is replaced, and the sessions it carried get a router on the
// replacement: every participant is told to rejoin (recreate transports and producers), and can.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { draftCase, waitFor } from '../support/flows.js';
import { SignalClient, applicantWaiting, clerkInSession } from '../support/signalling.js';

let world: World;
let token: string;
beforeAll(async () => {
  world = await startWorld({ remoteWindow: { workers: 2 }, background: false });
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

describe('a mediasoup worker dies (SIGKILL)', () => {
  test('sessions are spread over the workers; the dead one is replaced and its sessions rejoin on the new one', async () => {
    const rw = world.gateway.remote!.window;
    const pidsBefore = rw.workers().map((w) => w.pid);
    expect(pidsBefore).toHaveLength(2);

    const { caseId } = await draftCase(world.url, token, '640000');
    const one = await clerkInSession(world.url, token, { caseId });
    const two = await clerkInSession(world.url, token);
    const a = await applicantWaiting(world.url, one.session.code);
    await one.clerk.call('admit', { participantId: a.hello.participantId });
    await a.client.waitEvent('admitted');
    const t1 = await a.client.call('createTransport', { direction: 'send' });
    await two.clerk.call('createTransport', { direction: 'recv' });
    // a second applicant of the first session is away (reconnecting) when the worker dies
    const b = await applicantWaiting(world.url, one.session.code, '李四');
    await one.clerk.call('admit', { participantId: b.hello.participantId });
    await b.client.waitEvent('admitted');
    b.client.drop();
    await one.clerk.waitEvent('participantReconnecting');

    // sessions go to the least-loaded worker, lowest slot first: the first session is on the first worker
    const victim = pidsBefore[0]!;
    process.kill(victim, 'SIGKILL');

    const replaced = await waitFor('a replacement worker', async () => rw.workers().map((w) => w.pid), (pids) => pids.length === 2 && !pids.includes(victim), 15_000, 100);
    expect(replaced).toContain(pidsBefore[1]);

    // exactly one of the two sessions was on the dead worker: its people are told to rejoin, the others are not
    const told = await waitFor('rejoinRequired', async () => [one.clerk, a.client, two.clerk].map((c) => c.seen('rejoinRequired').length), (n) => n.some((x) => x > 0), 10_000);
    expect(told).toEqual([1, 1, 0]);
    expect(a.client.seen('rejoinRequired')[0].reason).toMatch(/重新连接/);

    // the one who was away learns it when back
    const back = await SignalClient.open(`${world.url.replace('http', 'ws')}/rw/ws?resume=${encodeURIComponent(b.hello.resumeToken)}`);
    expect(await back.call('hello', {})).toMatchObject({ participantId: b.hello.participantId, resumed: true });
    expect((await back.waitEvent('rejoinRequired')).reason).toMatch(/重新连接/);
    back.close();

    // on the moved session everything works again, on a fresh router; the old transport is gone
    const fresh = await a.client.call('createTransport', { direction: 'send' });
    expect(fresh.id).not.toBe(t1.id);
    expect(await a.client.request('restartIce', { transportId: t1.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await a.client.call('getRouterRtpCapabilities', {})).toHaveProperty('rtpCapabilities');
    // the same session, with the same people; the restart is in the case's audit trail, whose chain holds
    expect((await call(world.url, 'GET', `/api/sessions/${one.session.sessionId}`, { token })).body.status).toBe('open');
    await world.gateway.remote!.evidence.flush();
    const events = (await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token })).body.events as Array<{ type: string }>;
    expect(events.map((e) => e.type)).toContain('session.media_restarted');
    expect((await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token })).body.ok).toBe(true);
    for (const c of [one.clerk, two.clerk, a.client]) c.close();
  });
});
