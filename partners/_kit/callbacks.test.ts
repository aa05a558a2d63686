// The kit's callback sender against a real HTTP receiver: by default any 2xx is delivered and a 4xx is
// given up; a region's own rules decide what is delivered and when to send again.
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { CallbackSender, type CallbackRules } from './callbacks.js';
import { Faults } from './faults.js';

let closers: Array<() => void> = [];
afterEach(() => { for (const c of closers) c(); closers = []; });

/** a receiver answering the n-th request (1, 2, …) as `answer` says; it records each body as it came */
async function receiver(answer: (n: number) => [number, string]): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = [];
  const app = express();
  app.post('/cb', express.text({ type: () => true }), (req, res) => {
    bodies.push(String(req.body));
    const [status, text] = answer(bodies.length);
    res.status(status).type('text/plain').send(text);
  });
  const server: Server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  closers.push(() => { server.closeAllConnections(); server.close(); });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb`, bodies };
}

function sender(rules?: Partial<CallbackRules>): CallbackSender {
  const s = new CallbackSender(new Faults(), rules);
  closers.push(() => s.close());
  return s;
}

/** wait for `n` requests, and a little longer, so a further resend would have come */
const settled = async (bodies: string[], n: number): Promise<void> => {
  await expect.poll(() => bodies.length, { timeout: 3000 }).toBeGreaterThanOrEqual(n);
  await new Promise((r) => setTimeout(r, 120));
};

describe('CallbackSender', () => {
  test('by default, a 2xx answer is delivered at once, whatever its body', async () => {
    const r = await receiver(() => [204, '']);
    const s = sender({ retryDelaysMs: [20, 20] });
    s.push(() => ({ url: r.url, headers: { 'content-type': 'application/json' }, body: '{"a":1}' }));
    await settled(r.bodies, 1);
    expect([s.delivered.length, r.bodies]).toEqual([1, ['{"a":1}']]);
  });

  test('by default, a 4xx is given up and a 5xx is sent again', async () => {
    const refused = await receiver(() => [401, 'no']);
    const s1 = sender({ retryDelaysMs: [20, 20] });
    s1.push(() => ({ url: refused.url, headers: {}, body: 'x' }));
    await settled(refused.bodies, 1);
    expect([refused.bodies.length, s1.delivered.length, s1.lastError]).toEqual([1, 0, 'HTTP 401: no']);

    const busy = await receiver((n) => (n < 3 ? [503, 'busy'] : [200, 'ok']));
    const s2 = sender({ retryDelaysMs: [20, 20] });
    s2.push(() => ({ url: busy.url, headers: {}, body: 'x' }));
    await settled(busy.bodies, 3);
    expect([busy.bodies.length, s2.delivered.length]).toEqual([3, 1]);
  });

  test('a region’s rules: only HTTP 200 with `success` is delivered, anything else is sent again on its schedule, a form body as built', async () => {
    const r = await receiver((n) => (n === 1 ? [200, 'ok'] : n === 2 ? [400, 'fail'] : [200, 'success']));
    const s = sender({ delivered: (a) => a.status === 200 && a.body === 'success', retry: () => true, retryDelaysMs: [20, 20, 20] });
    s.push(() => ({ url: r.url, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: 'a=%E5%8E%A6&b=1' }));
    await settled(r.bodies, 3);
    expect([r.bodies, s.delivered.length]).toEqual([['a=%E5%8E%A6&b=1', 'a=%E5%8E%A6&b=1', 'a=%E5%8E%A6&b=1'], 1]);
  });

  test('when the schedule runs out, the callback is given up, its last answer kept', async () => {
    const r = await receiver(() => [200, 'ok']);
    const s = sender({ delivered: (a) => a.body === 'success', retry: () => true, retryDelaysMs: [20] });
    s.push(() => ({ url: r.url, headers: {}, body: 'x' }));
    await settled(r.bodies, 2);
    expect([r.bodies.length, s.delivered.length, s.lastError]).toEqual([2, 0, 'HTTP 200: ok']);
  });
});
