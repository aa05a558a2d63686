// Clients that keep sending refused requests to the entry points that take bodies before anyone is
// authenticated (login, join, partner requests, verifyReceipt) are slowed down, per client address: past
// `after` refusals in a window, each further request of that address waits before it is looked at, a
// little longer each time, up to `maxDelayMs` (each wait ±25 %, so that many connections' waits do not
// end at once and come back as one burst). Requests that succeed do not count, so a partner or a
// clerk working normally is never slowed. A waiting request costs a timer and its unread connection
// (TCP holds back its body); a flood from one address answered at full speed would cost the clerks'
// event loop, since every refusal is quickly followed by the next. Per instance (the counts are in memory).
import type { RequestHandler } from 'express';
import { slowDown } from 'express-slow-down';

export interface RefusalSlowDown {
  /** refusals per window an address may have at full speed; 0 turns slowing down off */
  after: number;
  windowS: number;
  /** the added wait grows by stepMs per refusal past `after`, up to this */
  maxDelayMs: number;
}

const STEP_MS = 100;
/** each wait is drawn from ±JITTER of its step, so that the waits of many connections do not end together */
const JITTER = 0.25;

/** slowed requests are told so: Retry-After says how long this address's next request will wait */
export function slowRefusals(opts: RefusalSlowDown): RequestHandler {
  if (opts.after === 0) return (_req, _res, next) => next();
  const limiter = slowDown({
    windowMs: opts.windowS * 1000,
    delayAfter: opts.after,
    delayMs: (used) => Math.min((used - opts.after) * STEP_MS, opts.maxDelayMs) * (1 - JITTER + Math.random() * 2 * JITTER),
    maxDelayMs: opts.maxDelayMs * (1 + JITTER),
    skipSuccessfulRequests: true,
    // what counts as the address is the app's 'trust proxy' setting (TRUST_PROXY), checked at start
    validate: false,
  });
  return (req, res, next) => {
    void limiter(req, res, (err?: unknown) => {
      const delay = (req as typeof req & { slowDown?: { delay: number } }).slowDown?.delay ?? 0;
      if (delay > 0) res.setHeader('Retry-After', String(Math.ceil(Math.min(delay + STEP_MS, opts.maxDelayMs * (1 + JITTER)) / 1000)));
      next(err);
    });
  };
}
