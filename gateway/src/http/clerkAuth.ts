import type { RequestHandler, Response } from 'express';
import { GatewayError } from '../errors.js';
import type { Clerk, TokenService } from '../auth/tokens.js';
import { logContext } from '../log.js';

export function requireClerk(tokens: TokenService, now: () => Date, role?: 'operator'): RequestHandler {
  return async (req, res, next) => {
    const auth = req.headers.authorization;
    if (!auth?.startsWith('Bearer ')) throw new GatewayError('AUTH_REQUIRED');
    const clerk = await tokens.verify(auth.slice(7).trim(), now());
    if (role && !clerk.roles.includes(role)) throw new GatewayError('FORBIDDEN', `需要「${role === 'operator' ? '运维' : role}」角色`);
    res.locals.clerk = clerk;
    const ctx = logContext.getStore();
    if (ctx) ctx.actor = `clerk:${clerk.username}`;
    next();
  };
}

export const clerkOf = (res: Response): Clerk => res.locals.clerk as Clerk;
