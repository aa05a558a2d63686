// Clerk session tokens: HS256 JWTs (jose), so a restart or a second gateway instance accepts them.
import { SignJWT, jwtVerify } from 'jose';
import { GatewayError } from '../errors.js';
import type { Role } from '../store/sql/users.js';

export interface Clerk {
  username: string;
  displayName: string;
  region: string;
  window: string;
  roles: Role[];
}

export interface TokenService {
  issue(clerk: Clerk, now: Date): Promise<{ token: string; expiresAt: string }>;
  verify(token: string, now: Date): Promise<Clerk>;
}

const CACHE_LIMIT = 10_000;

export function createTokenService(secret: string, ttlSeconds: number): TokenService {
  const key = new TextEncoder().encode(secret);
  // A verified token is remembered until it expires, so each request does not redo the HMAC in
  // WebCrypto (a measurable share of CPU under load). Only verified tokens are cached.
  const verified = new Map<string, { clerk: Clerk; exp: number }>();
  return {
    async issue(clerk, now) {
      const iat = Math.floor(now.getTime() / 1000);
      const exp = iat + ttlSeconds;
      const token = await new SignJWT({ name: clerk.displayName, region: clerk.region, window: clerk.window, roles: clerk.roles })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(clerk.username)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .setIssuer('kytb-gateway')
        .sign(key);
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },
    async verify(token, now) {
      const hit = verified.get(token);
      if (hit) {
        if (hit.exp > now.getTime()) return hit.clerk;
        verified.delete(token);
      }
      try {
        const { payload } = await jwtVerify(token, key, { issuer: 'kytb-gateway', currentDate: now, algorithms: ['HS256'] });
        const clerk: Clerk = {
          username: String(payload.sub),
          displayName: String(payload.name),
          region: String(payload.region),
          window: String(payload.window),
          roles: (payload.roles as Role[]) ?? [],
        };
        if (verified.size >= CACHE_LIMIT) verified.delete(verified.keys().next().value!);
        verified.set(token, { clerk, exp: Number(payload.exp) * 1000 });
        return clerk;
      } catch {
        throw new GatewayError('TOKEN_INVALID');
      }
    },
  };
}
