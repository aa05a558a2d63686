// The login use case: scrypt check, failure budgets per account and per client address
// (store/sql/loginThrottle.ts, shared by every gateway instance), a token on success. The budgets are
// taken before the password is checked, so parallel guesses cannot get more checks than the budget allows.
import type { Config } from '../config.js';
import { GatewayError } from '../errors.js';
import type { SqlDatabase } from '../store/sql/database.js';
import { createLoginThrottle, type LoginThrottle } from '../store/sql/loginThrottle.js';
import type { UserRecord, UserRepository } from '../store/sql/users.js';
import { verifyPassword } from './passwords.js';
import type { Clerk, TokenService } from './tokens.js';

export interface LoginDeps {
  users: Pick<UserRepository, 'get'>;
  tokens: TokenService;
  now(): Date;
  /** the failure budget of each account (loginThrottles) */
  accounts: LoginThrottle;
  /** the failure budget of each client address (loginThrottles) */
  addresses: LoginThrottle;
}

export type Login = (username: string, password: string, clientAddress: string) => Promise<{ token: string; expiresAt: string; clerk: Clerk }>;

/** the two budgets of a login, on the store's database, as AUTH_LOGIN_* configures them */
export function loginThrottles(database: SqlDatabase, auth: Pick<Config['auth'], 'loginMaxFailures' | 'loginMaxFailuresPerAddress' | 'loginLockSeconds'>): Pick<LoginDeps, 'accounts' | 'addresses'> {
  const lockMs = auth.loginLockSeconds * 1000;
  const minutes = (s: number): number => Math.max(1, Math.ceil(s / 60));
  return {
    accounts: createLoginThrottle(database, { scope: 'account', maxFailures: auth.loginMaxFailures, lockMs, message: (s) => `登录失败次数过多，请于 ${minutes(s)} 分钟后再试` }),
    addresses: createLoginThrottle(database, { scope: 'address', maxFailures: auth.loginMaxFailuresPerAddress, lockMs, message: (s) => `本终端登录失败次数过多，请于 ${minutes(s)} 分钟后再试` }),
  };
}

export function createLogin(deps: LoginDeps): Login {
  return async function login(username, password, clientAddress) {
    const now = deps.now();
    const byAddress = await deps.addresses.reserve(clientAddress, now.getTime());
    const byAccount = await deps.accounts.reserve(username, now.getTime()).catch(async (e: unknown) => {
      await byAddress.succeeded(false);
      throw e;
    });
    let user: UserRecord | undefined;
    let ok = false;
    try {
      user = await deps.users.get(username);
      // Verify against a dummy hash when the user is unknown so timing does not reveal which usernames exist.
      ok = (await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)) && !!user && !user.disabled;
    } finally {
      const at = deps.now().getTime();
      if (ok) await Promise.all([byAccount.succeeded(true), byAddress.succeeded(false)]);
      else await Promise.all([byAccount.failed(at), byAddress.failed(at)]);
    }
    if (!ok || !user) throw new GatewayError('INVALID_CREDENTIALS');
    const clerk: Clerk = { username: user.username, displayName: user.displayName, region: user.region, window: user.window, roles: user.roles };
    const { token, expiresAt } = await deps.tokens.issue(clerk, now);
    return { token, expiresAt, clerk };
  };
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
