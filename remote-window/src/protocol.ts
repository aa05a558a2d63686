// The signalling protocol of the remote virtual window (远程虚拟窗口), shared by the server
// (remote-window/src/server) and the browser client (remote-window/src/client). Types and constants
// only: no Node or DOM imports, so that esbuild can bundle it for the browser.
//
// Transport: one WebSocket per participant at `/rw/ws?ticket=<ticket>` (first connection) or
// `/rw/ws?resume=<resumeToken>` (reconnection within the grace period). The upgrade is refused with
// HTTP 401 before any WebSocket exists when the ticket/resume token is missing, unknown or expired.
//
// Frames are JSON text:
//   client → server request   { id: number, method: Method, data: Params[method] }
//   server → client response  { id, ok: true, data: Results[method] }
//                           | { id, ok: false, error: { code: SignalErrorCode, message: string } }
//   server → client event     { event: EventName, data: Events[event] }
// A frame that is not JSON, or whose shape or data breaks the method's schema, is answered with
// { id: <id or null>, ok: false, error: { code: 'BAD_MESSAGE', ... } } and the session goes on.

export type Role = 'clerk' | 'applicant' | 'partner_clerk';
/** What a producer carries; `document` is a phone's rear camera at its highest resolution. */
export type Source = 'camera' | 'mic' | 'screen' | 'document';
export type ParticipantState = 'waiting' | 'admitted' | 'reconnecting' | 'left';
export type QualityLevel = 'good' | 'fair' | 'poor' | 'unknown';

export interface ParticipantView {
  participantId: string;
  role: Role;
  /** What the others see: an applicant's display name, a clerk's name and region. Never an ID number. */
  displayName: string;
  region?: string;
  state: ParticipantState;
  device?: 'phone' | 'pc';
  joinedAt: string;
  muted: Partial<Record<Source, boolean>>;
  quality?: QualityLevel;
}

export interface ProducerView {
  producerId: string;
  participantId: string;
  kind: 'audio' | 'video';
  source: Source;
  paused: boolean;
}

export interface TransportOptions {
  id: string;
  iceParameters: unknown;
  iceCandidates: unknown[];
  dtlsParameters: unknown;
}

export interface ChatMessage {
  from: string;
  displayName: string;
  text: string;
  at: string;
}

export interface QualityReport {
  level: QualityLevel;
  /** fraction 0..1 of packets lost in the last interval, inbound and outbound */
  loss: number;
  rttMs: number | null;
  /** kbit/s sent and received in the last interval */
  sendKbps: number;
  recvKbps: number;
}

export interface Params {
  /** First frame after (re)connecting. Answers who you are and where you stand. */
  hello: { device?: 'phone' | 'pc'; displayName?: string };
  getRouterRtpCapabilities: Record<string, never>;
  /** allowed in the waiting room for one `recv` transport (prepared for the admission), else NOT_ADMITTED */
  createTransport: { direction: 'send' | 'recv' };
  connectTransport: { transportId: string; dtlsParameters: unknown };
  restartIce: { transportId: string };
  produce: { transportId: string; kind: 'audio' | 'video'; rtpParameters: unknown; source: Source };
  closeProducer: { producerId: string };
  pauseProducer: { producerId: string };
  resumeProducer: { producerId: string };
  consume: { transportId: string; producerId: string; rtpCapabilities: unknown };
  resumeConsumer: { consumerId: string };
  /** clerk only */
  admit: { participantId: string };
  /** clerk only; the person is told the reason and disconnected */
  decline: { participantId: string; reason: string };
  /** clerk only */
  remove: { participantId: string; reason: string };
  /** clerk only: ask a participant to mute a source (their client mutes and reports) */
  muteParticipant: { participantId: string; source: Source };
  /** a participant reports its own mute state */
  setMuted: { source: Source; muted: boolean };
  chat: { text: string };
  /** a participant shares its own quality so the others can see it */
  reportQuality: QualityReport;
  /** clerk only: a still grabbed from the applicant's video (JPEG/PNG, base64, ≤ 8 MiB decoded) */
  captureStill: { fromParticipantId: string; mediaType: 'image/jpeg' | 'image/png'; imageBase64: string; note?: string };
  /** the participant whose video was captured gives or refuses consent */
  captureConsent: { captureId: string; granted: boolean };
  /** clerk only */
  endSession: { reason?: string };
  /** leave for good (no reconnection) */
  leave: Record<string, never>;
}

export type Method = keyof Params;

export interface Results {
  hello: {
    sessionId: string;
    participantId: string;
    role: Role;
    state: ParticipantState;
    /** present to reconnect with `?resume=`; rotates on each hello */
    resumeToken: string;
    resumed: boolean;
    caseNo?: string;
    participants: ParticipantView[];
    producers: ProducerView[];
    chat: ChatMessage[];
  };
  getRouterRtpCapabilities: { rtpCapabilities: unknown };
  createTransport: TransportOptions;
  connectTransport: Record<string, never>;
  restartIce: { iceParameters: unknown };
  produce: { producerId: string };
  closeProducer: Record<string, never>;
  pauseProducer: Record<string, never>;
  resumeProducer: Record<string, never>;
  consume: { consumerId: string; producerId: string; kind: 'audio' | 'video'; rtpParameters: unknown; participantId: string; source: Source };
  resumeConsumer: Record<string, never>;
  admit: Record<string, never>;
  decline: Record<string, never>;
  remove: Record<string, never>;
  muteParticipant: Record<string, never>;
  setMuted: Record<string, never>;
  chat: ChatMessage;
  reportQuality: Record<string, never>;
  captureStill: { captureId: string; sha256: string };
  captureConsent: { captureId: string; granted: boolean; materialId?: string; sha256: string };
  endSession: Record<string, never>;
  leave: Record<string, never>;
}

export interface Events {
  /** to clerks: every person who enters the waiting room, one event each */
  participantWaiting: { participant: ParticipantView };
  /**
   * to a waiting participant: you may now take part (then create transports, produce, consume); the
   * participantJoined and newProducer events of those already there come just before it
   */
  admitted: Record<string, never>;
  /** to a waiting participant, just before the server closes the socket */
  declined: { reason: string };
  /** to a waiting participant whose ticket/wait expired */
  expired: { reason: string };
  participantJoined: { participant: ParticipantView };
  /** its signalling dropped; it has `graceMs` to come back before it counts as left */
  participantReconnecting: { participantId: string; graceMs: number };
  participantReconnected: { participantId: string };
  participantLeft: { participantId: string; reason: 'left' | 'removed' | 'timeout' | 'declined' | 'ended' };
  participantUpdated: { participant: ParticipantView };
  newProducer: ProducerView;
  producerClosed: { producerId: string; participantId: string };
  producerPaused: { producerId: string; paused: boolean };
  consumerClosed: { consumerId: string; producerId: string };
  /** to a participant: the clerk asks you to mute this source */
  muteRequested: { source: Source };
  chat: ChatMessage;
  /** to the captured participant: a still of your video awaits your consent */
  captureRequested: { captureId: string; mediaType: string; imageBase64: string; sha256: string; note?: string };
  /** to everyone: the outcome of a capture */
  captureResolved: { captureId: string; granted: boolean; materialId?: string; sha256: string };
  /** to a removed participant, just before the server closes the socket */
  removed: { reason: string };
  /** the media worker of this session died; the server has a new router: recreate transports and producers */
  rejoinRequired: { reason: string };
  sessionEnded: { reason: string };
}

export type EventName = keyof Events;

export type SignalErrorCode =
  | 'BAD_MESSAGE' // not JSON, or the frame or its data breaks the schema
  | 'UNKNOWN_METHOD'
  | 'FORBIDDEN' // your role may not call this method
  | 'NOT_ADMITTED' // still in the waiting room
  | 'NOT_FOUND' // participant, transport, producer, consumer or capture not found
  | 'CONFLICT' // e.g. already admitted, capture already resolved
  | 'SESSION_ENDED'
  | 'RATE_LIMITED'
  | 'MEDIA_ERROR' // mediasoup refused the operation
  | 'INTERNAL';

export interface RequestFrame<M extends Method = Method> { id: number; method: M; data: Params[M] }
export type ResponseFrame<M extends Method = Method> =
  | { id: number; ok: true; data: Results[M] }
  | { id: number | null; ok: false; error: { code: SignalErrorCode; message: string } };
export interface EventFrame<E extends EventName = EventName> { event: E; data: Events[E] }

/** WebSocket close codes the server uses (4000–4999 are for applications). */
export const CloseCode = {
  /** the session ended */
  SESSION_ENDED: 4000,
  /** declined in the waiting room */
  DECLINED: 4001,
  /** removed by the clerk */
  REMOVED: 4002,
  /** replaced by a newer connection of the same participant (do not reconnect) */
  REPLACED: 4003,
  /** waited too long in the waiting room */
  EXPIRED: 4004,
} as const;
