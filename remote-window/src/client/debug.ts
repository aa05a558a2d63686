/// <reference lib="dom" />
// window.__rw: a small read-only view of the page's session for diagnostics and the browser tests
// (state, link, ids, reconnects, ICE restarts, quality, named moments, per-consumer inbound and
// per-producer outbound stats). It gives no handle on the session: users' steps go through the UI.
import { marks } from './marks.js';
import { inboundStats, outboundStats, type InboundStat, type OutboundStat } from './quality.js';
import type { Room } from './room.js';

export interface RwDebug {
  readonly state: string;
  readonly link: string;
  readonly sessionId: string | null;
  readonly participantId: string | null;
  readonly role: string | null;
  readonly reconnects: number;
  readonly iceRestarts: number;
  readonly quality: unknown;
  readonly marks: Record<string, number>;
  readonly events: string[];
  inbound(): Promise<InboundStat[]>;
  outbound(): Promise<OutboundStat[]>;
}

const events: string[] = [];
let current: Room | null = null;

export function exposeDebug(): void {
  const dbg: RwDebug = {
    get state() { return current?.state ?? 'idle'; },
    get link() { return current?.sig.link ?? 'none'; },
    get sessionId() { return current?.me?.sessionId ?? null; },
    get participantId() { return current?.me?.participantId ?? null; },
    get role() { return current?.me?.role ?? null; },
    get reconnects() { return current?.sig.reconnects ?? 0; },
    get iceRestarts() { return current?.media.iceRestarts ?? 0; },
    get quality() { return current?.quality.last ?? null; },
    get marks() { return { ...marks }; },
    get events() { return [...events]; },
    inbound: () => (current ? inboundStats(current.media) : Promise.resolve([])),
    outbound: () => (current ? outboundStats(current.media) : Promise.resolve([])),
  };
  Object.defineProperty(window, '__rw', { value: Object.freeze(dbg), configurable: true });
}

export function debugRoom(room: Room): void {
  current = room;
  const log = (what: string) => { events.push(`${new Date().toISOString().slice(11, 23)} ${what}`); if (events.length > 200) events.shift(); };
  room.on('state', (s) => log(`state ${s}`));
  room.on('link', (l) => log(`link ${l}`));
  room.on('waiting', (p) => log(`waiting ${p.participantId}`));
  room.on('remoteTrack', (t) => log(`track+ ${t.participantId} ${t.source}`));
  room.on('remoteTrackEnded', (t) => log(`track- ${t.participantId} ${t.source}`));
  room.on('ended', (e) => log(`ended ${e.kind} ${e.reason}`));
}
