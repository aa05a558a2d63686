// The vertical slice the browser builds on: a clerk opens a session from a case, an applicant joins by
// code, waits, is admitted, and both set up WebRTC transports on the real mediasoup worker.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { login } from '../support/client.js';
import { draftCase } from '../support/flows.js';
import { applicantWaiting, clerkInSession } from '../support/signalling.js';

let world: World;
let token: string;
beforeAll(async () => {
  world = await startWorld({ remoteWindow: true, background: false });
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

describe('/rw/ws signalling, first steps', () => {
  test('an applicant who joins by code waits, is announced, admitted, and then creates and connects transports', async () => {
    const { caseId, caseNo } = await draftCase(world.url, token, '640000');
    const { session, clerk, hello } = await clerkInSession(world.url, token, { caseId });
    expect(hello).toMatchObject({ role: 'clerk', state: 'admitted', resumed: false, caseNo });

    const a = await applicantWaiting(world.url, session.code);
    expect(a.hello).toMatchObject({ role: 'applicant', state: 'waiting', producers: [], participants: [{ participantId: a.hello.participantId }] });
    const waiting = await clerk.waitEvent('participantWaiting');
    expect(waiting.participant).toMatchObject({ participantId: a.hello.participantId, displayName: '张三', device: 'phone', state: 'waiting' });

    const early = await a.client.request('createTransport', { direction: 'send' });
    expect(early).toMatchObject({ ok: false, error: { code: 'NOT_ADMITTED' } });

    await clerk.call('admit', { participantId: a.hello.participantId });
    await a.client.waitEvent('admitted');
    const joined = await a.client.waitEvent('participantJoined');
    expect(joined.participant.role).toBe('clerk');

    const caps = await a.client.call('getRouterRtpCapabilities', {});
    expect((caps.rtpCapabilities as { codecs: Array<{ mimeType: string }> }).codecs.map((c) => c.mimeType)).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8', 'video/H264']));
    const send = await a.client.call('createTransport', { direction: 'send' });
    expect(send.iceCandidates.length).toBeGreaterThan(0);
    expect(send.iceCandidates).toEqual(expect.arrayContaining([expect.objectContaining({ ip: '127.0.0.1', protocol: 'udp' }), expect.objectContaining({ protocol: 'tcp' })]));
    a.client.close();
    clerk.close();
  });
});
