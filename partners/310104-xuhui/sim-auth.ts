// The simulated 徐汇区's OAuth2 client-credentials server: short-lived random bearer tokens, refused once
// expired (by the simulator's clock) or unknown.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import { checkBody, sendError } from './sim-http.js';

export const TOKEN_TTL_SECONDS = 300;

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function basicCredentials(authorization: string | undefined): { id: string; secret: string } | undefined {
  const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(authorization ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

export class TokenIssuer {
  private readonly tokens = new Map<string, number>();

  constructor(private readonly now: () => Date) {}

  issue(): { access_token: string; token_type: 'Bearer'; expires_in: number } {
    const token = randomBytes(24).toString('hex');
    this.tokens.set(token, this.now().getTime() + TOKEN_TTL_SECONDS * 1000);
    return { access_token: token, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS };
  }

  isValid(token: string): boolean {
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return false;
    if (this.now().getTime() < expiresAt) return true;
    this.tokens.delete(token);
    return false;
  }
}

/** POST /oauth2/token (operationId issueToken); returns the bearer check for the API routes */
export function mountAuth(app: Express, client: { id: string; secret: string }, issuer: TokenIssuer): RequestHandler {
  app.post('/oauth2/token', express.urlencoded({ extended: false, limit: '10kb' }), (req, res) => {
    const given = basicCredentials(req.get('Authorization'));
    if (!given || !same(given.id, client.id) || !same(given.secret, client.secret)) {
      res.set('WWW-Authenticate', 'Basic realm="xuhui-open-api"');
      sendError(res, 401, 'INVALID_CLIENT', '客户端凭证无效');
      return;
    }
    if (!checkBody(res, 'issueToken', { ...(req.body as object | undefined) }, 'application/x-www-form-urlencoded')) return;
    res.set('Cache-Control', 'no-store').json(issuer.issue());
  });

  return (req, res, next) => {
    const m = /^Bearer (\S+)$/.exec(req.get('Authorization') ?? '');
    if (m?.[1] && issuer.isValid(m[1])) {
      next();
      return;
    }
    res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
    sendError(res, 401, 'UNAUTHORIZED', '访问令牌无效或已过期');
  };
}
