// The waiting room and the end of a session, over real WebSockets: every waiting person is announced,
// the clerk admits or declines (the declined person is told why), a person who waits too long is let
// go, the clerk can remove someone, and a session ends when the clerk ends it or when it stays empty.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CloseCode } from '../../remote-window/src/protocol.js';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { draftCase, waitFor } from '../support/flows.js';
import { applicantWaiting, clerkInSession } from '../support/signalling.js';

let world: World;
let token: string;
let quick: World;
beforeAll(async () => {
  world = await startWorld({ remoteWindow: true, background: false });
  // short timers so that the timeouts can be seen; the environment would not allow them this small
  quick = await startWorld({ remoteWindow: { waitingTimeoutS: 2, emptyTimeoutS: 2 }, background: false });
  token = await login(world.url);
});
afterAll(async () => { await Promise.all([world?.close(), quick?.close()]); });

const timeline = async (caseId: string) => {
  await world.gateway.remote!.evidence.flush();
  return (await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token })).body.events as Array<{ type: string; actor: string; data: any }>;
};

describe('the waiting room', () => {
  test('two applicants waiting are both announced; one is admitted and sees the clerk, the other is declined, told why and disconnected (4001)', async () => {
    const { caseId } = await draftCase(world.url, token, '610700');
    const { session, clerk } = await clerkInSession(world.url, token, { caseId });
    const a = await applicantWaiting(world.url, session.code, '张三');
    const b = await applicantWaiting(world.url, session.code, '李四');

    await waitFor('two announcements', async () => clerk.seen('participantWaiting').length, (n) => n === 2, 5000);
    expect(clerk.seen('participantWaiting').map((d) => d.participant.displayName)).toEqual(['张三', '李四']);
    // waiting people do not see each other
    expect(b.hello.participants.map((p) => p.participantId)).toEqual([b.hello.participantId]);
    expect((await call(world.url, 'GET', `/api/sessions/${session.sessionId}`, { token })).body.participants.filter((p: { state: string }) => p.state === 'waiting')).toHaveLength(2);

    await clerk.call('admit', { participantId: a.hello.participantId });
    await a.client.waitEvent('admitted');
    expect((await a.client.waitEvent('participantJoined')).participant).toMatchObject({ role: 'clerk', displayName: '王芳' });
    expect(await clerk.request('admit', { participantId: a.hello.participantId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await clerk.call('decline', { participantId: b.hello.participantId, reason: '请携带身份证原件到窗口办理' });
    expect(await b.client.waitEvent('declined')).toEqual({ reason: '请携带身份证原件到窗口办理' });
    expect((await b.client.closed).code).toBe(CloseCode.DECLINED);
    expect(await clerk.waitEvent('participantLeft', (d) => d.participantId === b.hello.participantId)).toMatchObject({ reason: 'declined' });
    // an admitted applicant never saw the declined one
    expect(a.client.events.some((e) => JSON.stringify(e.data).includes(b.hello.participantId))).toBe(false);

    const types = (await timeline(caseId)).map((e) => e.type);
    expect(types.filter((t) => t === 'session.participant_waiting')).toHaveLength(2);
    expect(types).toEqual(expect.arrayContaining(['session.participant_joined', 'session.admitted', 'session.declined', 'session.left']));
    const declined = (await timeline(caseId)).find((e) => e.type === 'session.declined')!;
    expect(declined).toMatchObject({ actor: 'clerk:zhuji01', data: { participantId: b.hello.participantId, reason: '请携带身份证原件到窗口办理' } });
    a.client.close();
    clerk.close();
  });

  test('an applicant may not admit anyone, nor use media before being admitted', async () => {
    const { session, clerk } = await clerkInSession(world.url, token);
    const a = await applicantWaiting(world.url, session.code);
    expect(await a.client.request('admit', { participantId: a.hello.participantId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await a.client.request('chat', { text: 'hi' })).toMatchObject({ ok: false, error: { code: 'NOT_ADMITTED' } });
    expect(await a.client.request('getRouterRtpCapabilities', {})).toMatchObject({ ok: true });
    a.client.close();
    clerk.close();
  });

  test('a person who waits longer than RW_WAITING_TIMEOUT_S is told so and let go (4004)', async () => {
    const quickToken = await login(quick.url);
    const { session, clerk } = await clerkInSession(quick.url, quickToken);
    const a = await applicantWaiting(quick.url, session.code);
    expect((await a.client.waitEvent('expired', () => true, 10_000)).reason).toMatch(/等待/);
    expect((await a.client.closed).code).toBe(CloseCode.EXPIRED);
    expect(await clerk.waitEvent('participantLeft')).toMatchObject({ participantId: a.hello.participantId, reason: 'timeout' });
    clerk.close();
  });
});

describe('removing someone and ending the session', () => {
  test('the clerk removes an admitted applicant: told why, closed with 4002, others see participantLeft removed', async () => {
    const { session, clerk } = await clerkInSession(world.url, token);
    const a = await applicantWaiting(world.url, session.code);
    await clerk.call('admit', { participantId: a.hello.participantId });
    await clerk.call('remove', { participantId: a.hello.participantId, reason: '多次干扰' });
    expect(await a.client.waitEvent('removed')).toEqual({ reason: '多次干扰' });
    expect((await a.client.closed).code).toBe(CloseCode.REMOVED);
    expect(await clerk.waitEvent('participantLeft')).toMatchObject({ reason: 'removed' });
    clerk.close();
  });

  test('endSession over HTTP: everyone gets sessionEnded and close 4000; the code no longer works; the end is in the audit', async () => {
    const { caseId } = await draftCase(world.url, token, '310104');
    const { session, clerk } = await clerkInSession(world.url, token, { caseId });
    const a = await applicantWaiting(world.url, session.code);
    await clerk.call('admit', { participantId: a.hello.participantId });
    const end = await call(world.url, 'POST', `/api/sessions/${session.sessionId}/end`, { token, json: { reason: '已办结' } });
    expect(end.status).toBe(200);
    for (const c of [clerk, a.client]) {
      expect(await c.waitEvent('sessionEnded')).toEqual({ reason: '已办结' });
      expect((await c.closed).code).toBe(CloseCode.SESSION_ENDED);
    }
    expect((await call(world.url, 'POST', '/api/rw/join', { json: { code: session.code, displayName: 'x' } })).body.code).toBe('JOIN_CODE_INVALID');
    const ended = (await timeline(caseId)).find((e) => e.type === 'session.ended');
    expect(ended).toMatchObject({ actor: 'clerk:zhuji01', data: { reason: '已办结' } });
  });

  test('endSession over the socket by the clerk ends it for everyone', async () => {
    const { session, clerk } = await clerkInSession(world.url, token);
    const a = await applicantWaiting(world.url, session.code);
    await clerk.call('endSession', { reason: '下班了' });
    expect(await a.client.waitEvent('sessionEnded')).toEqual({ reason: '下班了' });
    expect((await clerk.closed).code).toBe(CloseCode.SESSION_ENDED);
    expect((await call(world.url, 'GET', `/api/sessions/${session.sessionId}`, { token })).status).toBe(410);
  });

  test('a session nobody is connected to for RW_EMPTY_TIMEOUT_S ends by itself', async () => {
    const quickToken = await login(quick.url);
    const { session, clerk } = await clerkInSession(quick.url, quickToken);
    await clerk.call('leave', {});
    await clerk.closed;
    const gone = await waitFor('the empty session to end', () => call(quick.url, 'GET', `/api/sessions/${session.sessionId}`, { token: quickToken }), (r) => r.status === 410, 15_000, 100);
    expect(gone.body.code).toBe('SESSION_ENDED');
  });

  test('a session stays open while somebody is connected, even past the empty timeout', async () => {
    const quickToken = await login(quick.url);
    const { session, clerk } = await clerkInSession(quick.url, quickToken);
    const until = Date.now() + 3000; // longer than the 2 s empty timeout
    while (Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    expect((await call(quick.url, 'GET', `/api/sessions/${session.sessionId}`, { token: quickToken })).body.status).toBe('open');
    clerk.close();
  });
});
