// One remote-window session (远程帮办会话): it owns its router, its participants (waiting, admitted,
// reconnecting, left), chat, pending captures and its timers. close() is idempotent and cascades to
// participants, transports, producers and consumers. Who-may-do-what lives in the signalling handlers.
import { randomUUID } from 'node:crypto';
import type { types } from 'mediasoup';
import { CloseCode, type ChatMessage, type EventName, type Events, type ParticipantView, type ProducerView } from '../protocol.js';
import { MEDIA_CODECS } from './codecs.js';
import { SafeEmitter } from './emitter.js';
import { Participant } from './participant.js';
import { PendingCaptures } from './captures.js';
import { SlidingWindow } from './rateLimit.js';
import type { CaseRef, ClerkIdentity, EvidenceEvent, Logger, RemoteWindowDeps, RemoteWindowSettings } from './ports.js';
import type { ResumeTokens, TicketGrant } from './tickets.js';
import type { WorkerPool } from './workers.js';

export type SessionEvents = {
  close: [reason: string];
  participantLeft: [participantId: string, reason: LeaveReason];
};

export type LeaveReason = Events['participantLeft']['reason'];

const CHAT_HISTORY = 100;
export const REJOIN_REASON = '媒体服务已恢复，请重新连接音视频';

export interface SessionInit {
  id: string;
  caseRef: CaseRef | undefined;
  owner: ClerkIdentity;
  code: string;
  joinToken: string;
  pool: WorkerPool;
  settings: RemoteWindowSettings;
  deps: RemoteWindowDeps;
  resumeTokens: ResumeTokens;
}

export class Session {
  readonly events: SafeEmitter<SessionEvents>;
  readonly participants = new Map<string, Participant>();
  readonly chat: ChatMessage[] = [];
  readonly captures = new PendingCaptures();
  /** 10 chat messages per 10 s per person: plenty for a conversation, and no flood */
  readonly chatLimit = new SlidingWindow(10_000, 10, 100);
  /** partner regions invited to 三方连线, with the invitation's expiry (ms) */
  readonly invitations = new Map<string, number>();
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly log: Logger;
  closed = false;
  endedReason: string | undefined;
  #emptyTimer: NodeJS.Timeout | undefined;

  /** Serialised per id by the registry; the router is created before the session exists. */
  static async create(init: SessionInit): Promise<Session> {
    const { slot, worker } = await init.pool.acquire();
    try {
      const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
      return new Session(init, slot, router);
    } catch (err) {
      init.pool.release(slot);
      throw err;
    }
  }

  private constructor(private readonly init: SessionInit, readonly slot: number, public router: types.Router) {
    this.createdAt = init.deps.now();
    this.expiresAt = new Date(this.createdAt.getTime() + init.settings.joinTtlMs);
    this.log = init.deps.logger.child({ module: 'rw.session', sessionId: init.id });
    this.events = new SafeEmitter(this.log);
    this.#updateEmptyTimer();
  }

  get id(): string { return this.init.id; }
  get caseRef(): CaseRef | undefined { return this.init.caseRef; }
  get owner(): ClerkIdentity { return this.init.owner; }
  get code(): string { return this.init.code; }
  get joinToken(): string { return this.init.joinToken; }
  get settings(): RemoteWindowSettings { return this.init.settings; }
  get deps(): RemoteWindowDeps { return this.init.deps; }
  get resumeTokens(): ResumeTokens { return this.init.resumeTokens; }

  nowIso(): string {
    return this.init.deps.now().toISOString();
  }

  evidence(type: EvidenceEvent['type'], actor: string, data: Record<string, unknown>): void {
    this.init.deps.recordEvidence({ sessionId: this.id, ...(this.caseRef ? { caseId: this.caseRef.caseId } : {}), at: this.nowIso(), actor, type, data: { sessionId: this.id, ...data } });
  }

  // ---- participants -------------------------------------------------------------------------

  addParticipant(grant: TicketGrant): Participant {
    const p = new Participant(randomUUID(), grant.role, grant, this.nowIso());
    this.participants.set(p.id, p);
    return p;
  }

  /** people this viewer may know about: clerks see everyone, applicants the admitted ones */
  visibleTo(viewer: Participant): Participant[] {
    return [...this.participants.values()].filter((p) => p.entered && p.state !== 'left' && (p === viewer || viewer.isClerk || (viewer.state === 'admitted' && p.state === 'admitted')));
  }

  participantViews(viewer: Participant): ParticipantView[] {
    return this.visibleTo(viewer).map((p) => p.view());
  }

  producerViews(): ProducerView[] {
    return [...this.participants.values()].filter((p) => p.state === 'admitted').flatMap((p) =>
      [...p.producers.values()].map(({ producer, source }) => ({ producerId: producer.id, participantId: p.id, kind: producer.kind, source, paused: producer.paused })));
  }

  /** send an event to everyone who can see `about` (or to all admitted people), except `except` */
  broadcast<E extends EventName>(event: E, data: Events[E], opts: { about?: Participant; except?: Participant; to?: (p: Participant) => boolean } = {}): void {
    for (const p of this.participants.values()) {
      if (p === opts.except || p.state === 'left' || !p.entered || !p.link) continue;
      const sees = opts.to ? opts.to(p) : opts.about ? p.isClerk || (p.state === 'admitted' && opts.about.state === 'admitted') : p.state === 'admitted';
      if (sees) p.send(event, data);
    }
  }

  connected(): number {
    let n = 0;
    for (const p of this.participants.values()) if (p.link && p.state !== 'left') n++;
    return n;
  }

  /** bind a socket; a second socket of the same person replaces the first (closed with 4003) */
  attach(p: Participant, link: Participant['link']): void {
    const old = p.link;
    p.link = link;
    if (old && old !== link) old.close(CloseCode.REPLACED, 'replaced by a newer connection');
    clearTimeout(p.graceTimer);
    p.graceTimer = undefined;
    this.#updateEmptyTimer();
  }

  /** the socket closed without `leave`: keep everything for the grace period */
  detach(p: Participant, link: Participant['link']): void {
    if (p.link !== link) return;
    p.link = undefined;
    if (p.state !== 'left') {
      if (!p.entered) {
        this.leave(p, 'left');
      } else {
        p.reconnecting = true;
        const graceMs = this.settings.reconnectGraceMs;
        this.broadcast('participantReconnecting', { participantId: p.id, graceMs }, { about: p });
        this.evidence('session.reconnecting', p.actor, { participantId: p.id, role: p.role, graceMs });
        p.graceTimer = setTimeout(() => this.leave(p, 'timeout'), graceMs);
      }
    }
    this.#updateEmptyTimer();
  }

  /** the person is gone for good: media closed, others told, resume token revoked */
  leave(p: Participant, reason: LeaveReason, close?: { code: number; text: string }): void {
    if (p.state === 'left') return;
    const wasAdmitted = p.state === 'admitted';
    p.state = 'left';
    p.clearTimers();
    this.resumeTokens.revoke(p.id);
    p.closeMedia();
    this.captures.dropFor(p.id);
    if (p.entered) {
      this.broadcast('participantLeft', { participantId: p.id, reason }, { to: (o) => o.isClerk || wasAdmitted });
      this.evidence('session.left', p.actor, { participantId: p.id, role: p.role, reason });
    }
    const link = p.link;
    p.link = undefined;
    link?.close(close?.code ?? 1000, close?.text ?? reason);
    this.participants.delete(p.id);
    this.#updateEmptyTimer();
    this.events.emit('participantLeft', p.id, reason);
  }

  addChat(p: Participant, text: string): ChatMessage {
    const msg: ChatMessage = { from: p.id, displayName: p.displayName, text, at: this.nowIso() };
    this.chat.push(msg);
    if (this.chat.length > CHAT_HISTORY) this.chat.shift();
    this.broadcast('chat', msg, { except: p });
    return msg;
  }

  // ---- the end ------------------------------------------------------------------------------

  /** end for everyone (clerk's endSession, empty timeout, gateway stop) */
  end(reason: string, actor: string): void {
    if (this.closed) return;
    this.evidence('session.ended', actor, { reason, participants: this.connected() });
    this.close(reason);
  }

  close(reason = 'closed'): void {
    if (this.closed) return;
    this.closed = true;
    this.endedReason = reason;
    clearTimeout(this.#emptyTimer);
    for (const p of this.participants.values()) {
      p.send('sessionEnded', { reason });
      p.state = 'left';
      p.clearTimers();
      this.resumeTokens.revoke(p.id);
      const link = p.link;
      p.link = undefined;
      link?.close(CloseCode.SESSION_ENDED, 'session ended');
    }
    this.participants.clear();
    this.captures.clear();
    this.router.close();
    this.events.emit('close', reason);
    this.events.removeAll();
  }

  /** the worker under this session died: a new router on its replacement, everyone rejoins */
  async moveTo(worker: types.Worker): Promise<void> {
    if (this.closed) return;
    for (const p of this.participants.values()) p.forgetMedia();
    this.router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
    if (this.closed) {
      this.router.close();
      return;
    }
    this.evidence('session.media_restarted', 'system', { reason: 'media worker restarted' });
    for (const p of this.participants.values()) {
      if (p.link && p.entered) p.send('rejoinRequired', { reason: REJOIN_REASON });
      else p.missedRejoin = true;
    }
  }

  #updateEmptyTimer(): void {
    if (this.closed) return;
    if (this.connected() > 0) {
      clearTimeout(this.#emptyTimer);
      this.#emptyTimer = undefined;
    } else if (!this.#emptyTimer) {
      this.#emptyTimer = setTimeout(() => this.end('会话无人参加，已自动结束', 'system'), this.settings.emptyTimeoutMs);
    }
  }
}
