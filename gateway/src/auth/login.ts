// The login use case: scrypt check, failure budgets per account and per client address (throttle.ts),
// a token on success. The budgets are taken before the password is checked, so parallel guesses cannot
// get more checks than the budget allows.
import { GatewayError } from '../errors.js';
import { verifyPassword } from './passwords.js';
import type { UserStore } from '../store/userStore.js';
import type { Clerk, TokenService } from './tokens.js';
import { createThrottle } from './throttle.js';

export interface LoginDeps {
  users: UserStore;
  tokens: TokenService;
  now(): Date;
  maxFailures: number;
  maxFailuresPerAddress: number;
  lockSeconds: number;
}

export type Login = (username: string, password: string, clientAddress: string) => Promise<{ token: string; expiresAt: string; clerk: Clerk }>;

export function createLogin(deps: LoginDeps): Login {
  const lockMs = deps.lockSeconds * 1000;
  const minutes = (s: number): number => Math.max(1, Math.ceil(s / 60));
  const accounts = createThrottle({ maxFailures: deps.maxFailures, lockMs, message: (s) => `登录失败次数过多，请于 ${minutes(s)} 分钟后再试` });
  const addresses = createThrottle({ maxFailures: deps.maxFailuresPerAddress, lockMs, message: (s) => `本终端登录失败次数过多，请于 ${minutes(s)} 分钟后再试` });

  return async function login(username, password, clientAddress) {
    const now = deps.now();
    const byAddress = addresses.reserve(clientAddress, now.getTime());
    let byAccount;
    try {
      byAccount = accounts.reserve(username, now.getTime());
    } catch (e) {
      byAddress.succeeded(false);
      throw e;
    }
    const user = deps.users.get(username);
    let ok = false;
    try {
      // Verify against a dummy hash when the user is unknown so timing does not reveal which usernames exist.
      ok = (await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)) && !!user && !user.disabled;
    } finally {
      const at = deps.now().getTime();
      if (ok) {
        byAccount.succeeded(true);
        byAddress.succeeded(false);
      } else {
        byAccount.failed(at);
        byAddress.failed(at);
      }
    }
    if (!ok || !user) throw new GatewayError('INVALID_CREDENTIALS');
    const clerk: Clerk = { username: user.username, displayName: user.displayName, region: user.region, window: user.window, roles: user.roles };
    const { token, expiresAt } = await deps.tokens.issue(clerk, now);
    return { token, expiresAt, clerk };
  };
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
