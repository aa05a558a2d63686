/// <reference lib="dom" />
// The media of one participant over mediasoup-client: one Device loaded with the router's
// capabilities, one send and one recv transport, producers by source, and a consumer for every
// producer of the others. ICE is restarted after a signalling resume, on a network change, and when a
// transport goes 'disconnected'/'failed'; `rebuild()` starts over on a new router (rejoinRequired).
import { Device } from 'mediasoup-client';
import type { types } from 'mediasoup-client';
import type { ProducerView, Source } from '../protocol.js';
import { Emitter } from './emitter.js';
import { mark } from './marks.js';
import type { Signalling } from './signalling.js';

export interface RemoteTrack {
  producerId: string;
  consumerId: string;
  participantId: string;
  source: Source;
  kind: 'audio' | 'video';
  track: MediaStreamTrack;
  consumer: types.Consumer;
}

export type MediaEvents = {
  remoteTrack: [RemoteTrack];
  remoteTrackEnded: [RemoteTrack];
  /** a local source ended by itself (e.g. the browser's 「停止共享」 bar) */
  localSourceEnded: [Source];
  transportState: ['send' | 'recv', types.ConnectionState];
};

export class Media extends Emitter<MediaEvents> {
  send: types.Transport | null = null;
  recv: types.Transport | null = null;
  readonly producers = new Map<Source, types.Producer>();
  readonly remote = new Map<string, RemoteTrack>();
  iceRestarts = 0;
  #device: Device | null = null;
  #loading: Promise<void> | null = null;
  #sending: Promise<types.Transport> | null = null;
  #receiving: Promise<types.Transport> | null = null;
  readonly #wanted = new Map<string, ProducerView>();
  readonly #consuming = new Set<string>();
  readonly #inflight = new Set<Promise<void>>();
  readonly #restarting = new Set<types.Transport>();

  constructor(private readonly sig: Signalling, private readonly myId: () => string) {
    super();
  }

  get ready(): boolean {
    return Boolean(this.recv && !this.recv.closed);
  }

  /** Loads the Device with the router's capabilities (allowed in the waiting room: saves time later). */
  load(): Promise<void> {
    this.#loading ??= (async () => {
      const { rtpCapabilities } = await this.sig.request('getRouterRtpCapabilities', {});
      const device = new Device();
      await device.load({ routerRtpCapabilities: rtpCapabilities as types.RtpCapabilities });
      this.#device = device;
      mark('deviceLoaded');
    })().catch((err) => { this.#loading = null; throw err; });
    return this.#loading;
  }

  /**
   * The device and the receiving transport, made in the waiting room so that the admission goes straight
   * to consuming (the server allows a waiting person this one transport, and nothing to consume on it).
   */
  prepare(): Promise<types.Transport> {
    this.#receiving ??= this.load().then(() => this.#transport('recv'))
      .catch((err) => { this.#receiving = null; throw err; });
    return this.#receiving;
  }

  /**
   * Receiving first: the recv transport and the consumers of what the others send (the person waits to
   * see them); the send transport is made when something is first produced (produce()).
   */
  async start(): Promise<void> {
    let recv = await this.prepare();
    if (recv.closed) { this.#receiving = null; recv = await this.prepare(); }
    this.recv = recv;
    mark('transports');
    // video first: its consumer is what the person waits to see (the browser sets consumers up one by one)
    const wanted = [...this.#wanted.values()].sort((a, b) => Number(a.kind === 'audio') - Number(b.kind === 'audio'));
    for (const v of wanted) void this.#consume(v);
  }

  /** Waits (at most `maxMs`) for the consumers being set up, e.g. before producing competes with them. */
  async consumed(maxMs: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.allSettled([...this.#inflight]), new Promise((r) => { timer = setTimeout(r, maxMs); })]);
    clearTimeout(timer);
  }

  async produce(source: Source, track: MediaStreamTrack): Promise<types.Producer> {
    this.#sending ??= this.#transport('send').then((t) => { this.send = t; return t; }, (err) => { this.#sending = null; throw err; });
    const send = await this.#sending;
    const producer = await send.produce({
      track,
      stopTracks: false,
      appData: { source },
      ...(track.kind === 'audio' ? { codecOptions: { opusDtx: true, opusFec: true } } : {}),
      ...(track.kind === 'video' ? { encodings: [{ maxBitrate: maxBitrate(source, track) }] } : {}),
    });
    this.producers.set(source, producer);
    producer.on('trackended', () => this.emit('localSourceEnded', source));
    return producer;
  }

  async closeProducer(source: Source): Promise<void> {
    const p = this.producers.get(source);
    if (!p) return;
    this.producers.delete(source);
    p.close();
    await this.sig.request('closeProducer', { producerId: p.id }).catch(() => undefined);
  }

  async setPaused(source: Source, paused: boolean): Promise<void> {
    const p = this.producers.get(source);
    if (!p || p.paused === paused) return;
    if (paused) p.pause(); else p.resume();
    await this.sig.request(paused ? 'pauseProducer' : 'resumeProducer', { producerId: p.id });
  }

  /** Keeps the producer (the others keep their consumer) and swaps what it sends. */
  async replaceTrack(source: Source, track: MediaStreamTrack): Promise<void> {
    const p = this.producers.get(source);
    if (!p) return;
    await p.replaceTrack({ track });
    // a document (contentHint 'detail') gets the bitrate its resolution needs; a face does not
    if (track.kind === 'video') await p.setRtpEncodingParameters({ maxBitrate: maxBitrate(source, track) }).catch(() => undefined);
  }

  /** A producer of someone else exists: consume it (now, or once the recv transport is there). */
  want(view: ProducerView): void {
    if (view.participantId === this.myId()) return;
    this.#wanted.set(view.producerId, view);
    if (this.ready) void this.#consume(view);
  }

  forget(producerId: string): void {
    this.#wanted.delete(producerId);
    const rt = this.remote.get(producerId);
    if (!rt) return;
    this.remote.delete(producerId);
    rt.consumer.close();
    this.emit('remoteTrackEnded', rt);
  }

  forgetConsumer(consumerId: string): void {
    for (const rt of this.remote.values()) if (rt.consumerId === consumerId) this.forget(rt.producerId);
  }

  /** After a resume: the server's list of producers is the truth. */
  sync(producers: ProducerView[]): void {
    const live = new Set(producers.map((p) => p.producerId));
    for (const id of [...this.#wanted.keys()]) if (!live.has(id)) this.forget(id);
    for (const p of producers) this.want(p);
  }

  async restartIce(): Promise<void> {
    await Promise.all([this.send, this.recv].map((t) => t && this.#restartIce(t)));
  }

  /** The router is new (its worker died): transports, producers and consumers are recreated. */
  async rebuild(): Promise<void> {
    const tracks = [...this.producers].map(([source, p]) => ({ source, track: p.track, paused: p.paused }));
    this.forgetRouter();
    await this.start();
    for (const { source, track, paused } of tracks) {
      if (!track || track.readyState === 'ended') continue;
      await this.produce(source, track);
      if (paused) await this.setPaused(source, true);
    }
  }

  close(): void {
    this.#closeAll();
  }

  /** The router is gone (its worker died): drop everything made on it, the Device's capabilities too. */
  forgetRouter(): void {
    this.#closeAll();
    this.#loading = null; // a new router: load its capabilities again
  }

  #closeAll(): void {
    for (const rt of this.remote.values()) this.emit('remoteTrackEnded', rt);
    this.remote.clear();
    this.#wanted.clear();
    this.producers.clear();
    this.send?.close();
    this.recv?.close();
    this.send = this.recv = null;
    this.#sending = this.#receiving = null;
  }

  async #transport(direction: 'send' | 'recv'): Promise<types.Transport> {
    mark(`createTransport:${direction}`);
    const o = await this.sig.request('createTransport', { direction });
    mark(`transportCreated:${direction}`);
    const device = this.#device as Device;
    const options = { id: o.id, iceParameters: o.iceParameters, iceCandidates: o.iceCandidates, dtlsParameters: o.dtlsParameters } as types.TransportOptions;
    const t = direction === 'send' ? device.createSendTransport(options) : device.createRecvTransport(options);
    t.on('connect', ({ dtlsParameters }, ok, fail) => {
      this.sig.request('connectTransport', { transportId: t.id, dtlsParameters }).then(() => ok(), fail);
    });
    t.on('produce', ({ kind, rtpParameters, appData }, ok, fail) => {
      this.sig.request('produce', { transportId: t.id, kind, rtpParameters, source: appData.source as Source })
        .then(({ producerId }) => ok({ id: producerId }), fail);
    });
    t.on('connectionstatechange', (state) => {
      this.emit('transportState', direction, state);
      if (state === 'disconnected' || state === 'failed') void this.#restartIce(t);
    });
    return t;
  }

  async #restartIce(t: types.Transport): Promise<void> {
    if (t.closed || this.#restarting.has(t) || this.sig.link !== 'open') return;
    this.#restarting.add(t);
    try {
      const { iceParameters } = await this.sig.request('restartIce', { transportId: t.id });
      await t.restartIce({ iceParameters: iceParameters as types.IceParameters });
      this.iceRestarts += 1;
    } catch (err) {
      console.warn('[rw] ICE restart failed', err);
    } finally {
      this.#restarting.delete(t);
    }
  }

  #consume(view: ProducerView): Promise<void> {
    const id = view.producerId;
    if (this.remote.has(id) || this.#consuming.has(id) || !this.recv || !this.#device) return Promise.resolve();
    this.#consuming.add(id);
    const p = this.#consumeNow(view).finally(() => { this.#consuming.delete(id); this.#inflight.delete(p); });
    this.#inflight.add(p);
    return p;
  }

  async #consumeNow(view: ProducerView): Promise<void> {
    const id = view.producerId;
    try {
      const recv = this.recv as types.Transport;
      const r = await this.sig.request('consume', { transportId: recv.id, producerId: id, rtpCapabilities: (this.#device as Device).rtpCapabilities });
      const consumer = await recv.consume({ id: r.consumerId, producerId: r.producerId, kind: r.kind, rtpParameters: r.rtpParameters as types.RtpParameters });
      if (!this.#wanted.has(id) || recv.closed) { consumer.close(); return; }
      const rt: RemoteTrack = { producerId: id, consumerId: consumer.id, participantId: r.participantId, source: r.source, kind: r.kind, track: consumer.track, consumer };
      this.remote.set(id, rt);
      this.emit('remoteTrack', rt);
      mark(`consumer:${r.kind}`);
      await this.sig.request('resumeConsumer', { consumerId: consumer.id });
    } catch (err) {
      // a drop in the middle: the next sync (after the resume) consumes it again
      console.warn('[rw] consume failed', id, err);
    }
  }
}

/** bits/s: a face at 640×480 needs little; a screen or a document needs sharp text */
function maxBitrate(source: Source, track: MediaStreamTrack): number {
  return source === 'camera' && track.contentHint !== 'detail' ? 600_000 : 2_500_000;
}
