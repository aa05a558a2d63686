// The media methods over the socket, on the real mediasoup worker, without a browser: a producer is
// announced to the others, consumed paused and resumed; when it closes, its consumers are told. (RTP
// actually flowing is shown by the Chromium tests in tests/browser.)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { login } from '../support/client.js';
import { applicantWaiting, clerkInSession } from '../support/signalling.js';

let world: World;
let token: string;
beforeAll(async () => {
  world = await startWorld({ remoteWindow: true, background: false });
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

const VP8 = { codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }] }], encodings: [{ ssrc: 22222222 }], headerExtensions: [], rtcp: { cname: 'rw-test' } };
const DTLS = { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: Array.from({ length: 32 }, () => 'AB').join(':') }] };

describe('produce → newProducer → consume → resumeConsumer → closeProducer', () => {
  test('the applicant\'s camera reaches the clerk as a paused consumer, resumes, and its closing is told', async () => {
    const { session, clerk } = await clerkInSession(world.url, token);
    const a = await applicantWaiting(world.url, session.code);
    await clerk.call('admit', { participantId: a.hello.participantId });
    await a.client.waitEvent('admitted');

    const send = await a.client.call('createTransport', { direction: 'send' });
    expect(await a.client.call('connectTransport', { transportId: send.id, dtlsParameters: DTLS })).toEqual({});
    const { producerId } = await a.client.call('produce', { transportId: send.id, kind: 'video', rtpParameters: VP8, source: 'camera' });
    expect(await clerk.waitEvent('newProducer')).toEqual({ producerId, participantId: a.hello.participantId, kind: 'video', source: 'camera', paused: false });
    expect(await a.client.request('produce', { transportId: send.id, kind: 'video', rtpParameters: { ...VP8, encodings: [{ ssrc: 3 }] }, source: 'camera' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const caps = (await clerk.call('getRouterRtpCapabilities', {})).rtpCapabilities;
    const recv = await clerk.call('createTransport', { direction: 'recv' });
    expect(await clerk.request('consume', { transportId: send.id, producerId, rtpCapabilities: caps })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } }); // not the clerk's transport
    const consumer = await clerk.call('consume', { transportId: recv.id, producerId, rtpCapabilities: caps });
    expect(consumer).toMatchObject({ producerId, kind: 'video', participantId: a.hello.participantId, source: 'camera' });
    expect((consumer.rtpParameters as { codecs: Array<{ mimeType: string }> }).codecs[0]!.mimeType).toBe('video/VP8');
    expect(await clerk.call('resumeConsumer', { consumerId: consumer.consumerId })).toEqual({});

    // a device that cannot decode anything is told so, not crashed on
    expect(await clerk.request('consume', { transportId: recv.id, producerId, rtpCapabilities: { codecs: [] } })).toMatchObject({ ok: false, error: { code: 'MEDIA_ERROR' } });

    await a.client.call('pauseProducer', { producerId });
    expect(await clerk.waitEvent('producerPaused')).toEqual({ producerId, paused: true });
    await a.client.call('closeProducer', { producerId });
    expect(await clerk.waitEvent('consumerClosed')).toEqual({ consumerId: consumer.consumerId, producerId });
    expect(await clerk.waitEvent('producerClosed')).toEqual({ producerId, participantId: a.hello.participantId });
    a.client.close();
    clerk.close();
  });

  test('an applicant admitted later is told about the producers already there; mute state and quality reach the others', async () => {
    const { session, clerk } = await clerkInSession(world.url, token);
    const send = await clerk.call('createTransport', { direction: 'send' });
    const { producerId } = await clerk.call('produce', { transportId: send.id, kind: 'video', rtpParameters: { ...VP8, encodings: [{ ssrc: 4444 }] }, source: 'screen' });
    const a = await applicantWaiting(world.url, session.code);
    expect(a.hello.producers).toEqual([]); // nothing is shown while waiting
    await clerk.call('admit', { participantId: a.hello.participantId });
    expect(await a.client.waitEvent('newProducer')).toMatchObject({ producerId, source: 'screen', participantId: expect.any(String) });

    await a.client.call('setMuted', { source: 'document', muted: false });
    expect((await clerk.waitEvent('participantUpdated', (d) => d.participant.muted.document === false)).participant.participantId).toBe(a.hello.participantId);
    await a.client.call('reportQuality', { level: 'poor', loss: 0.12, rttMs: 420, sendKbps: 150, recvKbps: 300 });
    expect((await clerk.waitEvent('participantUpdated', (d) => d.participant.quality === 'poor')).participant.participantId).toBe(a.hello.participantId);
    await clerk.call('muteParticipant', { participantId: a.hello.participantId, source: 'mic' });
    expect(await a.client.waitEvent('muteRequested')).toEqual({ source: 'mic' });

    const msg = await a.client.call('chat', { text: '看得见吗？' });
    expect(await clerk.waitEvent('chat')).toEqual(msg);
    a.client.close();
    clerk.close();
  });

  test('a waiting applicant prepares one receiving transport and nothing more; it carries the clerk\'s camera only after admission', async () => {
    const { session, clerk } = await clerkInSession(world.url, token);
    const send = await clerk.call('createTransport', { direction: 'send' });
    const { producerId } = await clerk.call('produce', { transportId: send.id, kind: 'video', rtpParameters: { ...VP8, encodings: [{ ssrc: 5555 }] }, source: 'camera' });
    const a = await applicantWaiting(world.url, session.code);
    const caps = (await a.client.call('getRouterRtpCapabilities', {})).rtpCapabilities;

    const recv = await a.client.call('createTransport', { direction: 'recv' });
    expect(recv.iceCandidates.length).toBeGreaterThan(0);
    expect(await a.client.request('createTransport', { direction: 'recv' })).toMatchObject({ ok: false, error: { code: 'NOT_ADMITTED' } });
    expect(await a.client.request('createTransport', { direction: 'send' })).toMatchObject({ ok: false, error: { code: 'NOT_ADMITTED' } });
    expect(await a.client.request('consume', { transportId: recv.id, producerId, rtpCapabilities: caps })).toMatchObject({ ok: false, error: { code: 'NOT_ADMITTED' } });
    expect(await a.client.request('connectTransport', { transportId: recv.id, dtlsParameters: DTLS })).toMatchObject({ ok: false, error: { code: 'NOT_ADMITTED' } });

    await clerk.call('admit', { participantId: a.hello.participantId });
    await a.client.waitEvent('admitted');
    const consumer = await a.client.call('consume', { transportId: recv.id, producerId, rtpCapabilities: caps });
    expect(consumer).toMatchObject({ producerId, kind: 'video', source: 'camera' });
    a.client.close();
    clerk.close();
  });
});
