// 6-digit join codes, unique among open sessions, and the guard against guessing them: wrong codes
// are counted per client IP (5 a minute) and over everyone (a burst from many IPs is slowed too);
// joins per session are capped so a leaked code cannot flood the waiting room.
import { randomInt } from 'node:crypto';
import { RwError } from './errors.js';
import { SlidingWindow } from './rateLimit.js';

export interface CodeGuardLimits {
  wrongPerIpPerMinute: number;
  wrongGlobalPerMinute: number;
  joinsPerSessionPerMinute: number;
}

export const DEFAULT_CODE_LIMITS: CodeGuardLimits = { wrongPerIpPerMinute: 5, wrongGlobalPerMinute: 60, joinsPerSessionPerMinute: 20 };

export class JoinCodes {
  readonly #bySession = new Map<string, string>();
  readonly #byCode = new Map<string, string>();

  allocate(sessionId: string): string {
    if (this.#byCode.size > 500_000) throw new Error('join code space exhausted');
    for (;;) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (!this.#byCode.has(code)) {
        this.#byCode.set(code, sessionId);
        this.#bySession.set(sessionId, code);
        return code;
      }
    }
  }

  sessionOf(code: string): string | undefined {
    return this.#byCode.get(code);
  }

  release(sessionId: string): void {
    const code = this.#bySession.get(sessionId);
    if (code) this.#byCode.delete(code);
    this.#bySession.delete(sessionId);
  }
}

export class CodeGuard {
  readonly #perIp: SlidingWindow;
  readonly #global: SlidingWindow;
  readonly #perSession: SlidingWindow;
  constructor(private readonly now: () => Date, limits: CodeGuardLimits = DEFAULT_CODE_LIMITS) {
    this.#perIp = new SlidingWindow(60_000, limits.wrongPerIpPerMinute);
    this.#global = new SlidingWindow(60_000, limits.wrongGlobalPerMinute, 1);
    this.#perSession = new SlidingWindow(60_000, limits.joinsPerSessionPerMinute);
  }

  /** before looking a code up: refuse while this IP, or everyone, guessed wrong too often */
  assertMayTryCode(ip: string): void {
    const t = this.now().getTime();
    const wait = Math.max(this.#perIp.blockedForMs(ip, t), this.#global.blockedForMs('*', t));
    if (wait > 0) throw new RwError('RATE_LIMITED', '输入错误次数过多，请稍后再试', Math.ceil(wait / 1000));
  }

  wrongCode(ip: string): void {
    const t = this.now().getTime();
    this.#perIp.hit(ip, t);
    this.#global.hit('*', t);
  }

  /** every successful join counts against the session's own budget */
  assertSessionMayAdmitJoin(sessionId: string): void {
    const t = this.now().getTime();
    const wait = this.#perSession.blockedForMs(sessionId, t);
    if (wait > 0) throw new RwError('RATE_LIMITED', '该会话加入请求过多，请稍后再试', Math.ceil(wait / 1000));
    this.#perSession.hit(sessionId, t);
  }
}
