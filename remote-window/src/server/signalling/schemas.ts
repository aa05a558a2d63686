// One JSON Schema per method, matching Params in ../../protocol.ts (a unit test holds that every
// method has one). Strict: unknown fields are refused, strings are bounded.
import type { Method } from '../../protocol.js';
import { MAX_CAPTURE_BYTES } from '../captures.js';

const id = { type: 'string', minLength: 1, maxLength: 64 } as const;
const oneOf = (...values: string[]) => ({ type: 'string', enum: values });
const source = oneOf('camera', 'mic', 'screen', 'document');
const reason = { type: 'string', minLength: 1, maxLength: 200 } as const;
const anyObject = { type: 'object' } as const;
const empty = { type: 'object', additionalProperties: false, properties: {} } as const;

const obj = (required: string[], properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, required, properties });

export const FRAME_SCHEMA = obj(['id', 'method', 'data'], {
  id: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
  method: { type: 'string', maxLength: 64 },
  data: { type: 'object' },
});

export const PARAM_SCHEMAS: Record<Method, object> = {
  hello: obj([], { device: oneOf('phone', 'pc'), displayName: { type: 'string', minLength: 1, maxLength: 40 } }),
  getRouterRtpCapabilities: empty,
  createTransport: obj(['direction'], { direction: oneOf('send', 'recv') }),
  connectTransport: obj(['transportId', 'dtlsParameters'], { transportId: id, dtlsParameters: anyObject }),
  restartIce: obj(['transportId'], { transportId: id }),
  produce: obj(['transportId', 'kind', 'rtpParameters', 'source'], { transportId: id, kind: oneOf('audio', 'video'), rtpParameters: anyObject, source }),
  closeProducer: obj(['producerId'], { producerId: id }),
  pauseProducer: obj(['producerId'], { producerId: id }),
  resumeProducer: obj(['producerId'], { producerId: id }),
  consume: obj(['transportId', 'producerId', 'rtpCapabilities'], { transportId: id, producerId: id, rtpCapabilities: anyObject }),
  resumeConsumer: obj(['consumerId'], { consumerId: id }),
  admit: obj(['participantId'], { participantId: id }),
  decline: obj(['participantId', 'reason'], { participantId: id, reason }),
  remove: obj(['participantId', 'reason'], { participantId: id, reason }),
  muteParticipant: obj(['participantId', 'source'], { participantId: id, source }),
  setMuted: obj(['source', 'muted'], { source, muted: { type: 'boolean' } }),
  chat: obj(['text'], { text: { type: 'string', minLength: 1, maxLength: 1000 } }),
  reportQuality: obj(['level', 'loss', 'rttMs', 'sendKbps', 'recvKbps'], {
    level: oneOf('good', 'fair', 'poor', 'unknown'),
    loss: { type: 'number', minimum: 0, maximum: 1 },
    rttMs: { type: ['number', 'null'], minimum: 0, maximum: 600_000 },
    sendKbps: { type: 'number', minimum: 0, maximum: 1_000_000 },
    recvKbps: { type: 'number', minimum: 0, maximum: 1_000_000 },
  }),
  captureStill: obj(['fromParticipantId', 'mediaType', 'imageBase64'], {
    fromParticipantId: id,
    mediaType: oneOf('image/jpeg', 'image/png'),
    imageBase64: { type: 'string', minLength: 4, maxLength: Math.ceil(MAX_CAPTURE_BYTES / 3) * 4 },
    note: { type: 'string', maxLength: 200 },
  }),
  captureConsent: obj(['captureId', 'granted'], { captureId: id, granted: { type: 'boolean' } }),
  endSession: obj([], { reason }),
  leave: empty,
};
