// The login use case: scrypt check, a lock after repeated failures per username, a token on success.
import { GatewayError } from '../errors.js';
import { verifyPassword } from './passwords.js';
import type { UserStore } from '../store/userStore.js';
import type { Clerk, TokenService } from './tokens.js';

export interface LoginDeps {
  users: UserStore;
  tokens: TokenService;
  now(): Date;
  maxFailures: number;
  lockSeconds: number;
}

export function createLogin(deps: LoginDeps) {
  const failures = new Map<string, { count: number; lockedUntil: number }>();

  return async function login(username: string, password: string): Promise<{ token: string; expiresAt: string; clerk: Clerk }> {
    const now = deps.now();
    const f = failures.get(username);
    if (f && f.lockedUntil > now.getTime()) throw new GatewayError('RATE_LIMITED', `登录失败次数过多，请于 ${Math.ceil((f.lockedUntil - now.getTime()) / 60000)} 分钟后再试`);
    const user = deps.users.get(username);
    // Verify against a dummy hash when the user is unknown so timing does not reveal which usernames exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      const count = (f && f.lockedUntil <= now.getTime() && f.lockedUntil !== 0 ? 0 : f?.count ?? 0) + 1;
      failures.set(username, { count, lockedUntil: count >= deps.maxFailures ? now.getTime() + deps.lockSeconds * 1000 : 0 });
      throw new GatewayError('INVALID_CREDENTIALS');
    }
    failures.delete(username);
    const clerk: Clerk = { username: user.username, displayName: user.displayName, region: user.region, window: user.window, roles: user.roles };
    const { token, expiresAt } = await deps.tokens.issue(clerk, now);
    return { token, expiresAt, clerk };
  };
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
