// An address that keeps being refused at the entry points open before authentication (login, join,
// partner requests, verifyReceipt) is slowed down: past REFUSAL_SLOWDOWN_AFTER refusals in a window each
// further request of it waits, a little longer each time, and is told so (Retry-After). What succeeds
// does not count, and the clerks' own API is never behind it. (The abuse bench shows what it is worth:
// without it, 32 connections from one address refused at full speed take both cores.)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { rawRequest } from '../support/rawHttp.js';

const AFTER = 4;
const MAX_MS = 1500;
let world: World;

beforeAll(async () => {
  world = await startWorld({ env: { REFUSAL_SLOWDOWN_AFTER: String(AFTER), REFUSAL_SLOWDOWN_WINDOW_S: '600', REFUSAL_SLOWDOWN_MAX_MS: String(MAX_MS) } });
});
afterAll(async () => { await world?.close(); });

/** a body that is not a PDF, to the public verifyReceipt: refused with 415 */
const notPdf = () => rawRequest(world.url, '/api/receipts/verify', { headers: { 'content-type': 'application/pdf' }, body: '<html>not a pdf</html>' });

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; reply: T }> {
  const t0 = performance.now();
  const reply = await f();
  return { ms: performance.now() - t0, reply };
}

describe('refusals slow their address down', () => {
  test('successful requests do not count; past the allowance each refusal waits longer and says so; the clerks are not held up', async () => {
    // a clerk's logins succeed any number of times: they do not use up the allowance
    for (let i = 0; i < AFTER * 2; i++) expect(typeof await login(world.url)).toBe('string');
    const token = await login(world.url);
    for (let i = 0; i < AFTER; i++) {
      const r = await notPdf();
      expect(r.status).toBe(415);
      expect(r.headers['retry-after']).toBeUndefined();
    }
    // the next ones wait 100 ms, 200 ms, … each ±25 % (a timer never fires early, so these lower bounds are safe)
    for (const wait of [75, 150, 225]) {
      const { ms, reply } = await timed(notPdf);
      expect(reply.status).toBe(415);
      expect(reply.body.code).toBe('DOCUMENT_NOT_PDF');
      expect(Number(reply.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(ms).toBeGreaterThanOrEqual(wait - 5);
    }
    // the same address, across the entry points: a malformed login now waits too
    const loginRefused = await timed(() => rawRequest(world.url, '/api/auth/login', { headers: { 'content-type': 'application/json' }, body: '{"username":' }));
    expect(loginRefused.reply.status).toBe(400);
    expect(loginRefused.ms).toBeGreaterThanOrEqual(295);

    // a refused request started first (it now waits 500 ms ± 25 %) is answered after a clerk's request started after it
    const order: string[] = [];
    const slow = notPdf().then((r) => { order.push(`refused ${r.status}`); });
    await new Promise((r) => setTimeout(r, 20));
    const clerk = call(world.url, 'GET', '/api/cases?limit=5', { token }).then((r) => { order.push(`clerk ${r.status}`); });
    await Promise.all([slow, clerk]);
    expect(order).toEqual(['clerk 200', 'refused 415']);
  });
});
