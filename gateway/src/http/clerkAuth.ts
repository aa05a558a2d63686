import type { RequestHandler, Response } from 'express';
import { GatewayError } from '../errors.js';
import type { Clerk, TokenService } from '../auth/tokens.js';
import { logContext } from '../log.js';

/** a valid bearer token; what its clerk may do is asked per action (auth/permissions.ts) */
export function requireClerk(tokens: TokenService, now: () => Date): RequestHandler {
  return async (req, res, next) => {
    const auth = req.headers.authorization;
    if (!auth?.startsWith('Bearer ')) throw new GatewayError('AUTH_REQUIRED');
    const clerk = await tokens.verify(auth.slice(7).trim(), now());
    res.locals.clerk = clerk;
    const ctx = logContext.getStore();
    if (ctx) ctx.actor = `clerk:${clerk.username}`;
    next();
  };
}

export const clerkOf = (res: Response): Clerk => res.locals.clerk as Clerk;
