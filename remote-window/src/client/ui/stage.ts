/// <reference lib="dom" />
// The videos of the others: one tile per (participant, video source), one hidden <audio> per audio
// track. The big area shows a screen share if there is one, else the preferred person's camera; the
// others go to the strip. The first decoded frame of each tile is marked (marks.ts) for the tests and
// the join benchmark.
import type { Source } from '../../protocol.js';
import { mark } from '../marks.js';
import type { RemoteTrack } from '../media.js';
import { h } from './dom.js';

interface Tile { key: string; participantId: string; source: Source; el: HTMLElement; video: HTMLVideoElement; label: HTMLElement }

export interface StageOptions {
  big: HTMLElement;
  strip: HTMLElement;
  /** "王芳（工作人员）" */
  label(participantId: string): string;
  /** which participant's camera goes big when nobody shares a screen */
  preferred(participantIds: string[]): string | undefined;
  /** audio playback was blocked by the browser: show a button that calls resumeAudio() */
  onAudioBlocked?(): void;
}

export class Stage {
  readonly tiles = new Map<string, Tile>();
  readonly #audio = new Map<string, HTMLAudioElement>();

  constructor(private readonly opts: StageOptions) {}

  add(rt: RemoteTrack): void {
    if (rt.kind === 'audio') {
      const el = h('audio', { autoplay: true, dataset: { participant: rt.participantId } });
      el.srcObject = new MediaStream([rt.track]);
      el.play().catch(() => this.opts.onAudioBlocked?.());
      this.#audio.set(rt.producerId, el);
      document.body.append(el);
      return;
    }
    const key = `${rt.participantId}:${rt.source}`;
    this.tiles.get(key)?.el.remove();
    const video = h('video', { autoplay: true, playsinline: true, muted: true, dataset: { participant: rt.participantId, source: rt.source } });
    video.muted = true;
    video.srcObject = new MediaStream([rt.track]);
    const onFrame = () => {
      mark('firstFrame');
      mark(`firstFrame:${key}`);
      video.closest('.tile')?.classList.add('has-frame');
    };
    if (typeof video.requestVideoFrameCallback === 'function') video.requestVideoFrameCallback(onFrame);
    else (video as HTMLVideoElement).addEventListener('loadeddata', onFrame, { once: true });
    const label = h('span', { class: 'tile-label' }, this.opts.label(rt.participantId));
    const el = h('div', { class: ['tile', `tile-${rt.source}`], dataset: { participant: rt.participantId, source: rt.source, producer: rt.producerId } }, video, label);
    this.tiles.set(key, { key, participantId: rt.participantId, source: rt.source, el, video, label });
    void video.play().catch(() => undefined);
    this.layout();
  }

  remove(rt: RemoteTrack): void {
    if (rt.kind === 'audio') {
      this.#audio.get(rt.producerId)?.remove();
      this.#audio.delete(rt.producerId);
      return;
    }
    const key = `${rt.participantId}:${rt.source}`;
    const tile = this.tiles.get(key);
    if (tile && tile.el.dataset.producer === rt.producerId) {
      tile.el.remove();
      this.tiles.delete(key);
      this.layout();
    }
  }

  /** The <video> showing a participant's camera (or document) — what a capture grabs. */
  videoOf(participantId: string): HTMLVideoElement | null {
    return this.tiles.get(`${participantId}:camera`)?.video ?? this.tiles.get(`${participantId}:document`)?.video ?? null;
  }

  relabel(): void {
    for (const t of this.tiles.values()) t.label.textContent = this.opts.label(t.participantId) + (t.source === 'screen' ? ' · 共享屏幕' : '');
  }

  resumeAudio(): void {
    for (const a of this.#audio.values()) void a.play().catch(() => undefined);
  }

  clear(): void {
    for (const t of this.tiles.values()) t.el.remove();
    for (const a of this.#audio.values()) a.remove();
    this.tiles.clear();
    this.#audio.clear();
  }

  layout(): void {
    const tiles = [...this.tiles.values()];
    const screen = tiles.find((t) => t.source === 'screen');
    const preferredId = this.opts.preferred([...new Set(tiles.map((t) => t.participantId))]);
    const big = screen ?? tiles.find((t) => t.participantId === preferredId) ?? tiles[0];
    for (const t of tiles) {
      const host = t === big ? this.opts.big : this.opts.strip;
      if (t.el.parentElement !== host) host.append(t.el);
      t.el.classList.toggle('is-big', t === big);
    }
    this.opts.big.classList.toggle('is-empty', !big);
    this.relabel();
  }
}
