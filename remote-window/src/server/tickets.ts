// Short-lived, single-use tickets that open the signalling socket, and resume tokens that reopen it
// during the reconnect grace. Both are '<sessionId>_<256 random bits, base64url>' (a session id, a UUID,
// has no '_'): they say nothing about their holder, and the session id in front lets any gateway
// instance send the socket to the instance hosting the session.
import { randomBytes } from 'node:crypto';
import type { Role } from '../protocol.js';

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

const sessionToken = (sessionId: string): string => `${sessionId}_${randomToken()}`;

/** the session a ticket or resume token is for (only its host knows whether the token is valid) */
export function sessionIdOfToken(token: string): string | undefined {
  const cut = token.indexOf('_');
  return cut > 0 ? token.slice(0, cut) : undefined;
}

/** Who a ticket admits, decided by the HTTP operation that issued it. */
export interface TicketGrant {
  sessionId: string;
  role: Role;
  displayName: string;
  region?: string;
  /** the clerk's username (clerks and partner clerks) */
  username?: string;
  device?: 'phone' | 'pc';
}

export class TicketBook {
  readonly #tickets = new Map<string, { grant: TicketGrant; expiresAt: number }>();
  constructor(private readonly now: () => Date, private readonly ttlMs: number) {}

  issue(grant: TicketGrant): { ticket: string; expiresAt: string } {
    this.sweep();
    const ticket = sessionToken(grant.sessionId);
    const expiresAt = this.now().getTime() + this.ttlMs;
    this.#tickets.set(ticket, { grant, expiresAt });
    return { ticket, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** the grant, once: a used, unknown or expired ticket gives undefined */
  consume(ticket: string): TicketGrant | undefined {
    const t = this.#tickets.get(ticket);
    if (!t) return undefined;
    this.#tickets.delete(ticket);
    return t.expiresAt > this.now().getTime() ? t.grant : undefined;
  }

  sweep(): void {
    const now = this.now().getTime();
    for (const [k, t] of this.#tickets) if (t.expiresAt <= now) this.#tickets.delete(k);
  }
}

/** resume token → participant; one current token per participant, rotated on each hello */
export class ResumeTokens {
  readonly #byToken = new Map<string, { sessionId: string; participantId: string }>();
  readonly #byParticipant = new Map<string, string>();

  rotate(sessionId: string, participantId: string): string {
    this.revoke(participantId);
    const token = sessionToken(sessionId);
    this.#byToken.set(token, { sessionId, participantId });
    this.#byParticipant.set(participantId, token);
    return token;
  }

  lookup(token: string): { sessionId: string; participantId: string } | undefined {
    return this.#byToken.get(token);
  }

  revoke(participantId: string): void {
    const old = this.#byParticipant.get(participantId);
    if (old) this.#byToken.delete(old);
    this.#byParticipant.delete(participantId);
  }
}
