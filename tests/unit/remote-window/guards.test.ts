// The small pieces that hold the limits: sliding windows, join codes and their guessing guard,
// still decoding, and the emitter that contains listener errors.
import { describe, expect, test, vi } from 'vitest';
import { SlidingWindow } from '../../../remote-window/src/server/rateLimit.js';
import { CodeGuard, JoinCodes } from '../../../remote-window/src/server/joinCodes.js';
import { decodeStill, MAX_CAPTURE_BYTES, PendingCaptures } from '../../../remote-window/src/server/captures.js';
import { SafeEmitter } from '../../../remote-window/src/server/emitter.js';
import { TicketBook } from '../../../remote-window/src/server/tickets.js';
import { TINY_PNG, sha256 } from '../../support/fixtures.js';

describe('SlidingWindow', () => {
  test('allows `limit` hits per window and says how long to wait after that', () => {
    const w = new SlidingWindow(1000, 3);
    for (const t of [0, 100, 200]) { expect(w.blockedForMs('k', t)).toBe(0); w.hit('k', t); }
    expect(w.blockedForMs('k', 300)).toBe(700);
    expect(w.blockedForMs('other', 300)).toBe(0);
    expect(w.blockedForMs('k', 1000)).toBe(0);
  });

  test('forgets the oldest keys past its size bound', () => {
    const w = new SlidingWindow(1000, 1, 2);
    w.hit('a', 0); w.hit('b', 0); w.hit('c', 0);
    expect(w.blockedForMs('a', 1)).toBe(0);
    expect(w.blockedForMs('c', 1)).toBeGreaterThan(0);
  });
});

describe('JoinCodes and CodeGuard', () => {
  test('codes are 6 digits and unique among open sessions; a released code is free again', () => {
    const codes = new JoinCodes();
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const c = codes.allocate(`s${i}`);
      expect(c).toMatch(/^\d{6}$/);
      expect(seen.has(c)).toBe(false);
      seen.add(c);
    }
    const c0 = codes.allocate('x');
    expect(codes.sessionOf(c0)).toBe('x');
    codes.release('x');
    expect(codes.sessionOf(c0)).toBeUndefined();
  });

  test('wrong codes lock one IP after 5 and everyone after the global budget, with a Retry-After', () => {
    let t = 0;
    const guard = new CodeGuard(() => new Date(t), { wrongPerIpPerMinute: 5, wrongGlobalPerMinute: 8, joinsPerSessionPerMinute: 2 });
    for (let i = 0; i < 5; i++) { guard.assertMayTryCode('1.1.1.1'); guard.wrongCode('1.1.1.1'); }
    expect(() => guard.assertMayTryCode('1.1.1.1')).toThrow(expect.objectContaining({ code: 'RATE_LIMITED', retryAfterS: 60 }));
    for (let i = 0; i < 3; i++) { guard.assertMayTryCode(`2.2.2.${i}`); guard.wrongCode(`2.2.2.${i}`); }
    expect(() => guard.assertMayTryCode('3.3.3.3')).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));
    t = 60_001;
    expect(() => guard.assertMayTryCode('1.1.1.1')).not.toThrow();
    guard.assertSessionMayAdmitJoin('s'); guard.assertSessionMayAdmitJoin('s');
    expect(() => guard.assertSessionMayAdmitJoin('s')).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));
  });
});

describe('tickets', () => {
  test('a ticket opens once, and not after its lifetime', () => {
    let t = 0;
    const book = new TicketBook(() => new Date(t), 60_000);
    const a = book.issue({ sessionId: 's', role: 'applicant', displayName: 'x' });
    expect(book.consume(a.ticket)).toMatchObject({ sessionId: 's' });
    expect(book.consume(a.ticket)).toBeUndefined();
    const b = book.issue({ sessionId: 's', role: 'applicant', displayName: 'x' });
    expect(b.ticket.length).toBeGreaterThanOrEqual(43); // 256 bits in base64url
    t = 60_000;
    expect(book.consume(b.ticket)).toBeUndefined();
  });
});

describe('decodeStill and PendingCaptures', () => {
  test('accepts the declared image type by its bytes and hashes them', () => {
    expect(decodeStill(TINY_PNG.toString('base64'), 'image/png')).toEqual({ ok: true, bytes: TINY_PNG, sha256: sha256(TINY_PNG) });
    expect(decodeStill(TINY_PNG.toString('base64'), 'image/jpeg')).toMatchObject({ ok: false });
    expect(decodeStill('', 'image/png')).toMatchObject({ ok: false });
    expect(decodeStill('a b', 'image/png')).toMatchObject({ ok: false });
    const big = Buffer.alloc(MAX_CAPTURE_BYTES + 1); TINY_PNG.copy(big);
    expect(decodeStill(big.toString('base64'), 'image/png')).toMatchObject({ ok: false, reason: expect.stringContaining('larger') });
  });

  test('a few pending captures per session, each resolved once, dropped with its people', () => {
    const p = new PendingCaptures();
    const base = { fromParticipantId: 'a', byParticipantId: 'c', bytes: TINY_PNG, mediaType: 'image/png' as const, sha256: sha256(TINY_PNG), at: 0 };
    const ids = [1, 2, 3, 4].map(() => p.add(base)!.captureId);
    expect(p.add(base)).toBeUndefined();
    expect(p.take(ids[0]!)).toBeDefined();
    expect(p.take(ids[0]!)).toBeUndefined();
    p.dropFor('a');
    expect(p.get(ids[1]!)).toBeUndefined();
    expect(p.add({ ...base, at: 11 * 60_000 })).toBeDefined();
  });
});

describe('SafeEmitter', () => {
  test('a throwing listener is logged and the others still run', () => {
    const error = vi.fn();
    const e = new SafeEmitter<{ tick: [number] }>({ error } as never);
    const seen: number[] = [];
    e.on('tick', () => { throw new Error('boom'); });
    const off = e.on('tick', (n) => seen.push(n));
    e.emit('tick', 1);
    off();
    e.emit('tick', 2);
    expect(seen).toEqual([1]);
    expect(error).toHaveBeenCalledTimes(2);
  });
});
