// The simulated 汉中 platform's door: signature headers checked as the contract says (format, appKey, sign,
// ±300 s freshness, nonce never seen), then the body validated against the contract. Anything wrong is
// answered in 汉中's { code, msg, data } style before a handler runs.
import type { RequestHandler, Response } from 'express';
import type { RawBodyRequest } from '../_kit/sim-server.js';
import type { FieldError } from '../../gateway/src/errors.js';
import { parseSj } from './mapping.js';
import { computeSign, signMatches } from './sign.js';
import { contract } from './types.js';
import { MESSAGES, reply } from './codes.js';

export { MESSAGES, reply };

const FRESH_MS = 300_000;

export function answer(res: Response, status: number, code: string, data: unknown = null): void {
  res.status(status).json(reply(code, data));
}

/** the error body for a transport-level status (kit faults, body-parser failures, unknown routes) */
export function renderError(status: number, message: string): unknown {
  const code = status === 400 ? '1002' : status === 404 ? '1004' : status === 413 ? '1005' : status === 429 ? '9002' : '9999';
  return reply(code, null, `${MESSAGES[code] ?? ''}（${message}）`);
}

/** nonces seen within the freshness window; older ones are dropped since their timestamp is stale anyway */
export class NonceBook {
  private readonly seen = new Map<string, number>();
  /** true when first seen; false for a replay */
  use(nonce: string, nowMs: number): boolean {
    for (const [n, at] of this.seen) if (nowMs - at > 2 * FRESH_MS) this.seen.delete(n);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, nowMs);
    return true;
  }
}

const HEADERS = { appKey: 'AppKey', timestamp: 'Sj', nonce: 'Nonce', sign: 'Sign' } as const;

export function guard(operationId: string, opts: { appKey: string; appSecret: string; now: () => Date; nonces: NonceBook }): RequestHandler {
  return (req, res, next) => {
    const h = Object.fromEntries(Object.keys(HEADERS).map((k) => [k, req.get(k) ?? ''])) as Record<keyof typeof HEADERS, string>;
    const headerErrors: FieldError[] = Object.entries(HEADERS).flatMap(([name, schema]) =>
      contract.validateSchema(schema, h[name as keyof typeof HEADERS]).map((e) => ({ field: `header/${name}`, message: e.message })));
    if (headerErrors.length > 0) return answer(res, 401, '2000', { errors: headerErrors });
    if (h.appKey !== opts.appKey) return answer(res, 401, '2001');
    const raw = (req as RawBodyRequest).rawBody ?? Buffer.alloc(0);
    const expected = computeSign(opts.appSecret, { appKey: h.appKey, timestamp: h.timestamp, nonce: h.nonce, uri: req.path, body: raw });
    if (!signMatches(expected, h.sign)) return answer(res, 401, '2002');
    const nowMs = opts.now().getTime();
    const sentAt = calendarTime(h.timestamp);
    if (sentAt === undefined) return answer(res, 401, '2000', { errors: [{ field: 'header/timestamp', message: '不是有效日期' }] });
    if (Math.abs(nowMs - sentAt) > FRESH_MS) return answer(res, 401, '2003');
    if (!opts.nonces.use(h.nonce, nowMs)) return answer(res, 401, '2004');
    const errors = contract.validateRequest(operationId, req.body);
    if (errors.length > 0) return answer(res, 400, '1001', { errors });
    next();
  };
}

function calendarTime(sj: string): number | undefined {
  try {
    return parseSj(sj).getTime();
  } catch {
    return undefined;
  }
}
