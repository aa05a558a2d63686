// The one registry of open sessions. Creation is serialised per session id (two calls for one id get
// the same session), a session leaves the registry when it closes, and when a worker is replaced the
// sessions it carried move to a new router on the replacement.
import type { JoinCodes } from './joinCodes.js';
import type { Logger } from './ports.js';
import type { Session } from './session.js';
import type { WorkerPool } from './workers.js';

export class SessionRegistry {
  readonly #sessions = new Map<string, Session>();
  readonly #creating = new Map<string, Promise<Session>>();
  readonly #byJoinToken = new Map<string, string>();
  /** recently ended sessions (id → reason), so a late request is told "ended", not "unknown" */
  readonly #ended = new Map<string, string>();
  readonly #log: Logger;

  constructor(private readonly pool: WorkerPool, private readonly codes: JoinCodes, logger: Logger) {
    this.#log = logger.child({ module: 'rw.registry' });
    pool.events.on('workerReplaced', (slot, worker) => {
      for (const s of this.#sessions.values()) {
        if (s.slot !== slot) continue;
        s.moveTo(worker).catch((err: unknown) => {
          this.#log.error({ err, sessionId: s.id }, 'moving a session to the new worker failed; ending it');
          s.end('媒体服务故障，会话已结束', 'system');
        });
      }
    });
  }

  /** the session with this id, created by `factory` once even if asked twice at the same time */
  async getOrCreate(id: string, factory: () => Promise<Session>): Promise<Session> {
    const open = this.#sessions.get(id);
    if (open) return open;
    const inFlight = this.#creating.get(id);
    if (inFlight) return inFlight;
    const p = factory().then((s) => {
      this.#sessions.set(id, s);
      this.#byJoinToken.set(s.joinToken, id);
      s.events.on('close', () => this.#forget(s));
      return s;
    }).finally(() => this.#creating.delete(id));
    this.#creating.set(id, p);
    return p;
  }

  get(id: string): Session | undefined {
    return this.#sessions.get(id);
  }

  byJoinToken(token: string): Session | undefined {
    const id = this.#byJoinToken.get(token);
    return id ? this.#sessions.get(id) : undefined;
  }

  byCode(code: string): Session | undefined {
    const id = this.codes.sessionOf(code);
    return id ? this.#sessions.get(id) : undefined;
  }

  endedReason(id: string): string | undefined {
    return this.#ended.get(id);
  }

  list(): Session[] {
    return [...this.#sessions.values()];
  }

  closeAll(reason: string): void {
    for (const s of [...this.#sessions.values()]) s.end(reason, 'system');
  }

  #forget(s: Session): void {
    this.#ended.set(s.id, s.endedReason ?? 'ended');
    if (this.#ended.size > 10_000) this.#ended.delete(this.#ended.keys().next().value!);
    this.#sessions.delete(s.id);
    this.#byJoinToken.delete(s.joinToken);
    this.codes.release(s.id);
    this.pool.release(s.slot);
  }
}
