/// <reference lib="dom" />
// The facade the pages use: one participant in one session. It joins (hello), waits to be admitted,
// then sends its camera/microphone and receives everybody else's; it keeps the participants, producers
// and chat of the session up to date from the server's events and survives signalling drops (resume,
// then ICE restart) and media-worker deaths (rebuild).
import { CloseCode, type ChatMessage, type Events, type Method, type Params, type ParticipantView, type ProducerView, type QualityReport, type Results, type Source } from '../protocol.js';
import { Emitter } from './emitter.js';
import { Media, type RemoteTrack } from './media.js';
import { QualityMonitor } from './quality.js';
import { Signalling, type LinkState, type SignallingOptions } from './signalling.js';
import { mark } from './marks.js';

export type RoomState = 'connecting' | 'waiting' | 'admitted' | 'ended';
export type EndKind = 'declined' | 'expired' | 'removed' | 'ended' | 'left' | 'replaced' | 'lost';
export interface EndInfo { kind: EndKind; reason: string }

export type RoomEvents = {
  change: [];
  state: [RoomState];
  link: [LinkState];
  waiting: [ParticipantView];
  remoteTrack: [RemoteTrack];
  remoteTrackEnded: [RemoteTrack];
  chat: [ChatMessage];
  captureRequested: [Events['captureRequested']];
  captureResolved: [Events['captureResolved']];
  muteRequested: [Source];
  quality: [QualityReport];
  localSourceEnded: [Source];
  ended: [EndInfo];
};

export interface RoomOptions extends Pick<SignallingOptions, 'url' | 'ticket' | 'hello' | 'resumeWindowMs'> {
  /** the local camera and microphone to send once admitted (null: join without it) */
  tracks: { camera?: MediaStreamTrack | null; mic?: MediaStreamTrack | null };
}

const END_BY_CODE: Record<number, EndKind> = {
  [CloseCode.SESSION_ENDED]: 'ended', [CloseCode.DECLINED]: 'declined', [CloseCode.REMOVED]: 'removed',
  [CloseCode.REPLACED]: 'replaced', [CloseCode.EXPIRED]: 'expired',
};

export class Room extends Emitter<RoomEvents> {
  readonly sig: Signalling;
  readonly media: Media;
  readonly quality: QualityMonitor;
  state: RoomState = 'connecting';
  me: Results['hello'] | null = null;
  readonly participants = new Map<string, ParticipantView>();
  readonly producers = new Map<string, ProducerView>();
  readonly chat: ChatMessage[] = [];
  readonly local: Partial<Record<Source, MediaStreamTrack>> = {};
  end: EndInfo | null = null;
  #mediaStarted = false;

  constructor(opts: RoomOptions) {
    super();
    this.sig = new Signalling(opts);
    this.media = new Media(this.sig, () => this.me?.participantId ?? '');
    this.quality = new QualityMonitor(this.media, this.sig, () => this.#videoExpected());
    if (opts.tracks.camera) this.local.camera = opts.tracks.camera;
    if (opts.tracks.mic) this.local.mic = opts.tracks.mic;
    this.#wire();
  }

  get role() { return this.me?.role; }
  get myId() { return this.me?.participantId ?? ''; }

  async join(): Promise<void> {
    const hello = await this.sig.connect();
    mark('hello');
    this.#applyHello(hello);
    if (hello.state === 'admitted') await this.#startMedia();
    else {
      this.#setState('waiting');
      void this.media.prepare().catch(() => undefined); // ready for the moment we are admitted
    }
  }

  request<M extends Method>(method: M, data: Params[M], timeoutMs?: number): Promise<Results[M]> {
    return this.sig.request(method, data, timeoutMs);
  }

  async leave(): Promise<void> {
    if (this.state === 'ended') return;
    this.#finish({ kind: 'left', reason: '您已离开' });
    await this.sig.leave();
  }

  /** Mute or unmute one of my own sources (and tell the others). */
  async setMuted(source: Source, muted: boolean): Promise<void> {
    const track = this.local[source];
    if (track) track.enabled = !muted;
    if (this.media.producers.has(source)) await this.media.setPaused(source, muted);
    // joined with it switched off: nothing was sent until now
    else if (!muted && track && this.state === 'admitted') await this.media.produce(source, track);
    await this.sig.request('setMuted', { source, muted }).catch(() => undefined);
    this.emit('change');
  }

  isMuted(source: Source): boolean {
    const p = this.media.producers.get(source);
    return p ? p.paused : !this.local[source]?.enabled;
  }

  /** Tells the others what is off from the start (no producer, so no producerPaused for it). */
  async #announceMuted(): Promise<void> {
    for (const source of ['mic', 'camera'] as const) {
      if (this.local[source] && !this.local[source]?.enabled) await this.sig.request('setMuted', { source, muted: true }).catch(() => undefined);
    }
  }

  /** Sends a local track under a source (screen share, a camera opened later). */
  async addTrack(source: Source, track: MediaStreamTrack): Promise<void> {
    this.local[source] = track;
    if (this.state === 'admitted') await this.media.produce(source, track);
    this.emit('change');
  }

  async removeTrack(source: Source): Promise<void> {
    const track = this.local[source];
    delete this.local[source];
    track?.stop();
    await this.media.closeProducer(source);
    this.emit('change');
  }

  /** Swaps what a source sends without a new producer (document mode). */
  async replaceTrack(source: Source, track: MediaStreamTrack): Promise<void> {
    const old = this.local[source];
    this.local[source] = track;
    if (this.media.producers.has(source)) await this.media.replaceTrack(source, track);
    else if (this.state === 'admitted') await this.media.produce(source, track);
    if (old && old !== track) old.stop();
    this.emit('change');
  }

  #wire(): void {
    const s = this.sig;
    s.on('link', (l) => { this.emit('link', l); this.emit('change'); });
    s.on('resumed', (hello) => void this.#onResumed(hello));
    s.on('network', () => { if (this.state === 'admitted') void this.media.restartIce(); });
    s.on('closed', ({ code, reason }) => this.#finish({ kind: END_BY_CODE[code] ?? 'lost', reason: reason || '连接已断开' }));
    s.on('admitted', () => void this.#startMedia());
    s.on('declined', ({ reason }) => this.#finish({ kind: 'declined', reason }));
    s.on('expired', ({ reason }) => this.#finish({ kind: 'expired', reason }));
    s.on('removed', ({ reason }) => this.#finish({ kind: 'removed', reason }));
    s.on('sessionEnded', ({ reason }) => this.#finish({ kind: 'ended', reason }));
    s.on('participantWaiting', ({ participant }) => { this.#put(participant); this.emit('waiting', participant); });
    s.on('participantJoined', ({ participant }) => this.#put(participant));
    s.on('participantUpdated', ({ participant }) => this.#put(participant));
    s.on('participantReconnecting', ({ participantId }) => this.#patch(participantId, { state: 'reconnecting' }));
    s.on('participantReconnected', ({ participantId }) => this.#patch(participantId, { state: 'admitted' }));
    s.on('participantLeft', ({ participantId }) => this.#patch(participantId, { state: 'left' }));
    s.on('newProducer', (p) => { this.producers.set(p.producerId, p); if (this.state === 'admitted') this.media.want(p); this.emit('change'); });
    s.on('producerClosed', ({ producerId }) => { this.producers.delete(producerId); this.media.forget(producerId); this.emit('change'); });
    s.on('producerPaused', ({ producerId, paused }) => {
      const p = this.producers.get(producerId);
      if (p) { p.paused = paused; this.emit('change'); }
    });
    s.on('consumerClosed', ({ consumerId }) => this.media.forgetConsumer(consumerId));
    s.on('muteRequested', ({ source }) => { void this.setMuted(source, true); this.emit('muteRequested', source); });
    s.on('chat', (m) => { this.chat.push(m); this.emit('chat', m); });
    s.on('captureRequested', (c) => this.emit('captureRequested', c));
    s.on('captureResolved', (c) => this.emit('captureResolved', c));
    s.on('rejoinRequired', () => {
      this.producers.clear();
      if (this.state === 'admitted') void this.media.rebuild().catch((e) => console.warn('[rw] rebuild failed', e));
      // still waiting: the receiving transport prepared on the old router is gone with it
      else if (this.state === 'waiting') { this.media.forgetRouter(); void this.media.prepare().catch(() => undefined); }
    });
    this.media.on('remoteTrack', (t) => this.emit('remoteTrack', t));
    this.media.on('remoteTrackEnded', (t) => this.emit('remoteTrackEnded', t));
    this.media.on('localSourceEnded', (src) => this.emit('localSourceEnded', src));
    this.quality.on('report', (r) => this.emit('quality', r));
  }

  #applyHello(hello: Results['hello']): void {
    this.me = hello;
    this.participants.clear();
    for (const p of hello.participants) this.participants.set(p.participantId, p);
    this.producers.clear();
    for (const p of hello.producers) this.producers.set(p.producerId, p);
    if (this.chat.length === 0 || hello.chat.length >= this.chat.length) this.chat.splice(0, this.chat.length, ...hello.chat);
    this.emit('change');
  }

  async #onResumed(hello: Results['hello']): Promise<void> {
    mark('resumed');
    this.#applyHello(hello);
    if (this.state !== 'admitted' || !this.media.ready) {
      if (hello.state === 'admitted') await this.#startMedia();
      return;
    }
    this.media.sync(hello.producers);
    await this.media.restartIce();
  }

  async #startMedia(): Promise<void> {
    if (this.#mediaStarted || this.state === 'ended') return;
    this.#mediaStarted = true;
    mark('admitted');
    try {
      // a page reloaded within the grace gets its old participant back, with the old page's producers
      const stale = [...this.producers.values()].filter((x) => x.participantId === this.myId);
      for (const p of stale) this.producers.delete(p.producerId);
      for (const p of this.producers.values()) this.media.want(p);
      // ask for the recv transport before the page redraws for the session (the answer waits for no one)
      const started = this.media.start();
      void started.catch(() => undefined); // awaited below
      this.#setState('admitted');
      for (const p of stale) await this.sig.request('closeProducer', { producerId: p.producerId }).catch(() => undefined);
      await started;
      // what the person waits for is the others' video: let its consumers go first, then send our own
      // (producing at the same time competes for the same gateway, worker and browser threads)
      await this.media.consumed(1500);
      // a source switched off at the device check is not sent (no producer) until it is switched on
      for (const source of ['camera', 'mic'] as const) { // camera first: the others wait for a face
        const track = this.local[source];
        if (track?.enabled) await this.media.produce(source, track);
      }
      await this.#announceMuted();
      this.quality.start();
    } catch (err) {
      // the socket dropped while the media was being set up: the resume starts it again
      this.#mediaStarted = false;
      console.warn('[rw] media start interrupted', err);
    }
    this.emit('change');
  }

  #put(p: ParticipantView): void {
    this.participants.set(p.participantId, p);
    this.emit('change');
  }

  #patch(id: string, patch: Partial<ParticipantView>): void {
    const p = this.participants.get(id);
    if (p) Object.assign(p, patch);
    this.emit('change');
  }

  #videoExpected(): boolean {
    for (const p of this.media.producers.values()) if (p.kind === 'video' && !p.paused) return true;
    for (const rt of this.media.remote.values()) {
      if (rt.kind === 'video' && !this.producers.get(rt.producerId)?.paused) return true;
    }
    return false;
  }

  #setState(state: RoomState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('state', state);
    this.emit('change');
  }

  #finish(info: EndInfo): void {
    if (this.end) return;
    this.end = info;
    this.quality.stop();
    this.media.close();
    for (const t of Object.values(this.local)) t?.stop();
    this.#setState('ended');
    this.emit('ended', info);
    if (this.sig.link !== 'closed' && info.kind !== 'left') this.sig.close();
  }
}
