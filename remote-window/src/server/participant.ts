// One person in a session: who they are, where they stand, their signalling link (absent while they
// reconnect) and their media objects. The session decides; the participant only holds and closes.
import type { types } from 'mediasoup';
import type { EventFrame, EventName, Events, ParticipantState, ParticipantView, QualityLevel, Role, Source } from '../protocol.js';

/** The signalling socket as the session sees it. */
export interface PeerLink {
  send(frame: string): void;
  close(code: number, reason: string): void;
}

export interface ProducerEntry {
  producer: types.Producer;
  source: Source;
}

export type Standing = 'waiting' | 'admitted' | 'left';

export class Participant {
  state: Standing;
  link: PeerLink | undefined;
  /** said hello at least once: the others know about this person */
  entered = false;
  /** its link dropped and it has not said hello again yet */
  reconnecting = false;
  /** the media worker was replaced while this person was away: tell them to rejoin when back */
  missedRejoin = false;
  device: 'phone' | 'pc' | undefined;
  displayName: string;
  readonly muted: Partial<Record<Source, boolean>> = {};
  quality: QualityLevel | undefined;
  readonly transports = new Map<string, types.WebRtcTransport>();
  readonly producers = new Map<string, ProducerEntry>();
  readonly consumers = new Map<string, types.Consumer>();
  graceTimer: NodeJS.Timeout | undefined;
  waitingTimer: NodeJS.Timeout | undefined;
  waitingSince: string | undefined;

  constructor(
    readonly id: string,
    readonly role: Role,
    identity: { displayName: string; region?: string; username?: string; device?: 'phone' | 'pc' },
    readonly joinedAt: string,
  ) {
    this.displayName = identity.displayName;
    this.region = identity.region;
    this.username = identity.username;
    this.device = identity.device;
    this.state = role === 'applicant' ? 'waiting' : 'admitted';
  }

  readonly region: string | undefined;
  readonly username: string | undefined;

  get isClerk(): boolean {
    return this.role === 'clerk' || this.role === 'partner_clerk';
  }

  /** what the protocol calls the state: a person whose link dropped is 'reconnecting' */
  get publicState(): ParticipantState {
    if (this.state === 'left') return 'left';
    if (this.entered && !this.link) return 'reconnecting';
    return this.state;
  }

  /** evidence actor: clerks by username, applicants by their participant id (no names in the trail) */
  get actor(): string {
    return this.username ? `clerk:${this.username}` : `applicant:${this.id}`;
  }

  view(): ParticipantView {
    return {
      participantId: this.id,
      role: this.role,
      displayName: this.displayName,
      ...(this.region ? { region: this.region } : {}),
      state: this.publicState,
      ...(this.device ? { device: this.device } : {}),
      joinedAt: this.joinedAt,
      muted: { ...this.muted },
      ...(this.quality ? { quality: this.quality } : {}),
    };
  }

  send<E extends EventName>(event: E, data: Events[E]): void {
    const frame: EventFrame<E> = { event, data };
    this.link?.send(JSON.stringify(frame));
  }

  clearTimers(): void {
    clearTimeout(this.graceTimer);
    clearTimeout(this.waitingTimer);
    this.graceTimer = undefined;
    this.waitingTimer = undefined;
  }

  /** closing a transport closes its producers and consumers (mediasoup cascades) */
  closeMedia(): void {
    for (const t of this.transports.values()) t.close();
    this.transports.clear();
    this.producers.clear();
    this.consumers.clear();
  }

  /** after the worker died: the objects are gone with their router */
  forgetMedia(): void {
    this.transports.clear();
    this.producers.clear();
    this.consumers.clear();
  }
}
