// What a signalling handler is: one method, one small function, with the rules of who may call it.
import type { Method, Params, Results, SignalErrorCode } from '../../protocol.js';
import type { Participant } from '../participant.js';
import type { Session } from '../session.js';

export class SignalError extends Error {
  constructor(readonly code: SignalErrorCode, message: string) {
    super(message);
    this.name = 'SignalError';
  }
}

export interface HandlerContext {
  session: Session;
  participant: Participant;
}

export interface HandlerSpec<M extends Method> {
  handle(ctx: HandlerContext, data: Params[M]): Promise<Results[M]> | Results[M];
  /** only the session's clerk may call it (FORBIDDEN otherwise) */
  clerkOnly?: boolean;
  /** a person still in the waiting room may call it (NOT_ADMITTED otherwise) */
  whileWaiting?: boolean;
}

export type HandlerTable = { [M in Method]: HandlerSpec<M> };

export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new SignalError('NOT_FOUND', `${what} not found`);
  return value;
}

/** mediasoup refusing something is the peer's problem to fix, not a server fault */
export async function media<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    throw new SignalError('MEDIA_ERROR', err instanceof Error ? err.message : String(err));
  }
}
