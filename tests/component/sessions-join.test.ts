// POST /api/rw/join: an applicant trades the link's token or the 6-digit code for a ticket. Wrong and
// expired codes are refused, and guessing is slowed per client IP and across everyone.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';

let world: World;
let token: string;
let offsetMs = 0;
beforeAll(async () => {
  // the tests pose as many clients through X-Forwarded-For, as a proxy on loopback would (not trusted by default)
  world = await startWorld({ remoteWindow: true, background: false, env: { TRUST_PROXY: 'loopback' }, now: () => new Date(Date.now() + offsetMs) });
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

const session = async () => (await call(world.url, 'POST', '/api/sessions', { token, json: {} })).body;
/** the gateway trusts X-Forwarded-For from loopback, so a test can speak for many client IPs */
const join = (body: unknown, ip = '198.51.100.1') => call(world.url, 'POST', '/api/rw/join', { json: body, headers: { 'X-Forwarded-For': ip } });
const wrongCodeFor = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');

describe('POST /api/rw/join (joinSession)', () => {
  test('by code or by the link\'s token: a single-use ticket for the signalling socket', async () => {
    const s = await session();
    const byCode = await join({ code: s.code, displayName: '张三', device: 'phone' });
    expect(byCode.status).toBe(201);
    expect(byCode.body).toMatchObject({ sessionId: s.sessionId });
    expect(byCode.body.wsUrl).toMatch(/\/rw\/ws\?ticket=[A-Za-z0-9_-]{40,}$/);
    const joinToken = s.joinUrl.split('/rw/j/')[1];
    const byLink = await join({ joinToken, displayName: '李四' });
    expect(byLink.status).toBe(201);
    expect(byLink.body.sessionId).toBe(s.sessionId);
  });

  test('a request without a name, with both code and token, or with a malformed code breaks the contract (400)', async () => {
    const s = await session();
    expect((await join({ code: s.code })).body.code).toBe('VALIDATION_FAILED');
    expect((await join({ code: '12345', displayName: 'x' })).body.code).toBe('VALIDATION_FAILED');
    expect((await join({ code: s.code, joinToken: 'a'.repeat(32), displayName: 'x' })).body.code).toBe('VALIDATION_FAILED');
  });

  test('a wrong code is 404 JOIN_CODE_INVALID; a made-up link token too', async () => {
    const s = await session();
    const wrong = await join({ code: wrongCodeFor(s.code), displayName: '张三' }, '198.51.100.2');
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('JOIN_CODE_INVALID');
    expect((await join({ joinToken: 'x'.repeat(32), displayName: '张三' })).body.code).toBe('JOIN_CODE_INVALID');
  });

  test('a code and a link past their expiry are 410 JOIN_EXPIRED; once the session ended, the code is simply wrong', async () => {
    const s = await session();
    const joinToken = s.joinUrl.split('/rw/j/')[1];
    offsetMs += 31 * 60_000; // RW_JOIN_TTL_S defaults to 1800
    try {
      const late = await join({ code: s.code, displayName: '张三' }, '198.51.100.3');
      expect(late.status).toBe(410);
      expect(late.body.code).toBe('JOIN_EXPIRED');
      expect((await join({ joinToken, displayName: '张三' })).body.code).toBe('JOIN_EXPIRED');
    } finally {
      offsetMs -= 31 * 60_000;
    }
    await call(world.url, 'POST', `/api/sessions/${s.sessionId}/end`, { token });
    expect((await join({ code: s.code, displayName: '张三' }, '198.51.100.3')).body.code).toBe('JOIN_CODE_INVALID');
  });

  test('5 wrong codes from one IP: the 6th try, even the right code, is 429 with Retry-After; other IPs go on', async () => {
    const s = await session();
    const ip = '203.0.113.7';
    for (let i = 0; i < 5; i++) expect((await join({ code: wrongCodeFor(s.code), displayName: 'x' }, ip)).status).toBe(404);
    const blocked = await join({ code: s.code, displayName: 'x' }, ip);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await join({ code: s.code, displayName: 'x' }, '203.0.113.8')).status).toBe(201);
    // the link's token is not guessable and is not slowed
    expect((await join({ joinToken: s.joinUrl.split('/rw/j/')[1], displayName: 'x' }, ip)).status).toBe(201);
    offsetMs += 61_000;
    try {
      expect((await join({ code: s.code, displayName: 'x' }, ip)).status).toBe(201);
    } finally {
      offsetMs -= 61_000;
    }
  });

  test('a burst of wrong codes spread over many IPs slows code entry for everyone (60 a minute)', async () => {
    offsetMs += 5 * 60_000; // a fresh minute: earlier tests' wrong codes are out of the window
    const s = await session();
    let refused = 0;
    for (let i = 0; i < 70; i++) {
      const r = await join({ code: wrongCodeFor(s.code), displayName: 'x' }, `192.0.2.${i + 1}`);
      if (r.status === 429) refused++;
    }
    expect(refused).toBe(10);
    const fresh = await join({ code: s.code, displayName: 'x' }, '192.0.2.250');
    expect(fresh.status).toBe(429);
    expect(Number(fresh.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  test('a session admits at most 20 joins a minute, so a leaked code cannot flood its waiting room', async () => {
    offsetMs += 5 * 60_000;
    const s = await session();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await join({ code: s.code, displayName: `p${i}` }, `10.9.0.${i + 1}`)).status);
    expect(statuses.slice(0, 20).every((x) => x === 201)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
