// Every method of the protocol has one schema and one handler, and the schemas mean what Params says.
import { describe, expect, test } from 'vitest';
import type { Method } from '../../../remote-window/src/protocol.js';
import { PARAM_SCHEMAS } from '../../../remote-window/src/server/signalling/schemas.js';
import { HANDLERS } from '../../../remote-window/src/server/signalling/handlers/index.js';
import { paramsProblem, validateFrame } from '../../../remote-window/src/server/signalling/validate.js';

// a compile-time list: adding a method to protocol.ts without listing it here fails tsc
const METHODS: Record<Method, true> = {
  hello: true, getRouterRtpCapabilities: true, createTransport: true, connectTransport: true, restartIce: true, produce: true,
  closeProducer: true, pauseProducer: true, resumeProducer: true, consume: true, resumeConsumer: true, admit: true, decline: true,
  remove: true, muteParticipant: true, setMuted: true, chat: true, reportQuality: true, captureStill: true, captureConsent: true,
  endSession: true, leave: true,
};

describe('signalling schemas', () => {
  test('each method of protocol.ts has exactly one schema and one handler', () => {
    expect(Object.keys(PARAM_SCHEMAS).sort()).toEqual(Object.keys(METHODS).sort());
    expect(Object.keys(HANDLERS).sort()).toEqual(Object.keys(METHODS).sort());
  });

  test.each<[string, { method: Method; good: unknown; bad: unknown }]>([
    ['hello takes an optional device and name', { method: 'hello', good: { device: 'pc', displayName: '张三' }, bad: { device: 'tablet' } }],
    ['empty params stay empty', { method: 'leave', good: {}, bad: { now: true } }],
    ['createTransport needs a direction', { method: 'createTransport', good: { direction: 'recv' }, bad: {} }],
    ['produce needs a known source', { method: 'produce', good: { transportId: 't', kind: 'video', rtpParameters: {}, source: 'document' }, bad: { transportId: 't', kind: 'video', rtpParameters: {}, source: 'hologram' } }],
    ['decline needs a reason', { method: 'decline', good: { participantId: 'p', reason: '材料不全' }, bad: { participantId: 'p', reason: '' } }],
    ['chat text is bounded', { method: 'chat', good: { text: 'hi' }, bad: { text: 'x'.repeat(1001) } }],
    ['quality loss is a fraction and rtt may be null', { method: 'reportQuality', good: { level: 'fair', loss: 0.02, rttMs: null, sendKbps: 1, recvKbps: 2 }, bad: { level: 'fair', loss: 2, rttMs: 1, sendKbps: 1, recvKbps: 2 } }],
    ['captures are JPEG or PNG', { method: 'captureStill', good: { fromParticipantId: 'p', mediaType: 'image/png', imageBase64: 'iVBO' }, bad: { fromParticipantId: 'p', mediaType: 'image/gif', imageBase64: 'R0lG' } }],
    ['consent is a boolean', { method: 'captureConsent', good: { captureId: 'c', granted: false }, bad: { captureId: 'c', granted: 'yes' } }],
  ])('%s', (_name, { method, good, bad }) => {
    expect(paramsProblem(method, good)).toBeUndefined();
    expect(paramsProblem(method, bad)).toEqual(expect.any(String));
  });

  test('a frame needs an integer id, a method and a data object, nothing else', () => {
    expect(validateFrame({ id: 1, method: 'hello', data: {} })).toBe(true);
    expect(validateFrame({ id: 1, method: 'hello' })).toBe(false);
    expect(validateFrame({ id: '1', method: 'hello', data: {} })).toBe(false);
    expect(validateFrame({ id: 1.5, method: 'hello', data: {} })).toBe(false);
    expect(validateFrame({ id: 1, method: 'hello', data: {}, extra: 1 })).toBe(false);
  });
});
