// The media objects of a participant: WebRTC transports, producers and consumers on the session's
// router, with the notifications the others need when they appear and disappear.
import type { types } from 'mediasoup';
import type { Params, Results, Source } from '../protocol.js';
import type { Participant } from './participant.js';
import type { Session } from './session.js';
import { SignalError, found, media } from './signalling/types.js';

const MAX_TRANSPORTS = 4;
/** a phone's rear camera at 4K in document mode needs room; more is a misbehaving client */
const MAX_INCOMING_BITRATE = 8_000_000;

export async function createTransport(session: Session, p: Participant, direction: 'send' | 'recv'): Promise<Results['createTransport']> {
  if (p.transports.size >= MAX_TRANSPORTS) throw new SignalError('CONFLICT', `at most ${MAX_TRANSPORTS} transports per participant`);
  // in the waiting room: one receiving transport, made ready for the admission (nothing can be consumed
  // on it before then); sending waits for the admission
  if (p.state === 'waiting' && (direction !== 'recv' || p.transports.size > 0)) {
    throw new SignalError('NOT_ADMITTED', 'in the waiting room only one receiving transport may be prepared');
  }
  const { listenIp, announcedIp } = session.settings;
  const router = session.router;
  const t = await media(router.createWebRtcTransport({
    listenIps: [{ ip: listenIp, ...(announcedIp ? { announcedIp } : {}) }],
    enableUdp: true,
    enableTcp: true,
    preferUdp: true,
    initialAvailableOutgoingBitrate: 1_000_000,
    appData: { direction, participantId: p.id },
  }));
  if (p.state === 'left' || router.closed) {
    t.close();
    throw new SignalError('SESSION_ENDED', 'gone meanwhile');
  }
  p.transports.set(t.id, t);
  t.observer.on('close', () => p.transports.delete(t.id));
  if (direction === 'send') await media(t.setMaxIncomingBitrate(MAX_INCOMING_BITRATE));
  // a consumer resumed before its transport could carry anything loses the key frame asked for then, and
  // the picture waits for the browser to ask again (~1 s, seen in the join bench): ask once more as soon
  // as media can flow
  else t.on('dtlsstatechange', (state) => { if (state === 'connected') requestKeyFrames(p); });
  return { id: t.id, iceParameters: t.iceParameters, iceCandidates: t.iceCandidates, dtlsParameters: t.dtlsParameters };
}

export function transportOf(p: Participant, id: string): types.WebRtcTransport {
  return found(p.transports.get(id), `transport ${id}`);
}

export async function produce(session: Session, p: Participant, d: Params['produce']): Promise<Results['produce']> {
  const transport = transportOf(p, d.transportId);
  if (transport.appData.direction !== 'send') throw new SignalError('CONFLICT', 'produce needs a send transport');
  if ([...p.producers.values()].some((x) => x.source === d.source)) throw new SignalError('CONFLICT', `already producing ${d.source}; close it first`);
  const producer = await media(transport.produce({ kind: d.kind, rtpParameters: d.rtpParameters as types.RtpParameters, appData: { source: d.source, participantId: p.id } }));
  p.producers.set(producer.id, { producer, source: d.source });
  const router = session.router;
  producer.observer.on('close', () => {
    p.producers.delete(producer.id);
    // when the router itself went (worker death, session end) everyone is told differently
    if (!router.closed && !session.closed) session.broadcast('producerClosed', { producerId: producer.id, participantId: p.id }, { except: p });
  });
  session.broadcast('newProducer', { producerId: producer.id, participantId: p.id, kind: producer.kind, source: d.source, paused: producer.paused }, { except: p });
  return { producerId: producer.id };
}

export function ownProducer(p: Participant, producerId: string): types.Producer {
  return found(p.producers.get(producerId), `producer ${producerId}`).producer;
}

export async function setProducerPaused(session: Session, p: Participant, producerId: string, paused: boolean): Promise<void> {
  const producer = ownProducer(p, producerId);
  await media(paused ? producer.pause() : producer.resume());
  session.broadcast('producerPaused', { producerId, paused }, { except: p });
}

function findProducer(session: Session, producerId: string): { owner: Participant; producer: types.Producer; source: Source } | undefined {
  for (const owner of session.participants.values()) {
    const e = owner.producers.get(producerId);
    if (e && owner.state === 'admitted') return { owner, producer: e.producer, source: e.source };
  }
  return undefined;
}

export async function consume(session: Session, p: Participant, d: Params['consume']): Promise<Results['consume']> {
  const transport = transportOf(p, d.transportId);
  if (transport.appData.direction !== 'recv') throw new SignalError('CONFLICT', 'consume needs a recv transport');
  const { owner, producer, source } = found(findProducer(session, d.producerId), `producer ${d.producerId}`);
  const rtpCapabilities = d.rtpCapabilities as types.RtpCapabilities;
  if (!session.router.canConsume({ producerId: producer.id, rtpCapabilities })) throw new SignalError('MEDIA_ERROR', 'your device cannot decode this producer');
  const consumer = await media(transport.consume({ producerId: producer.id, rtpCapabilities, paused: true }));
  p.consumers.set(consumer.id, consumer);
  consumer.observer.on('close', () => p.consumers.delete(consumer.id));
  consumer.on('producerclose', () => p.send('consumerClosed', { consumerId: consumer.id, producerId: producer.id }));
  return { consumerId: consumer.id, producerId: producer.id, kind: consumer.kind, rtpParameters: consumer.rtpParameters, participantId: owner.id, source };
}

function requestKeyFrames(p: Participant): void {
  for (const c of p.consumers.values()) {
    if (c.kind === 'video' && !c.paused && !c.closed) void c.requestKeyFrame().catch(() => undefined);
  }
}

export async function resumeConsumer(p: Participant, consumerId: string): Promise<void> {
  const consumer = found(p.consumers.get(consumerId), `consumer ${consumerId}`);
  await media(consumer.resume());
  // a key frame now, not at the next periodic one: the first picture shows sooner
  if (consumer.kind === 'video') await media(consumer.requestKeyFrame());
}
