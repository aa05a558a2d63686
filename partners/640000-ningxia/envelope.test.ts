import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { canonicalJson, computeSign, seal, verifySign } from './envelope.js';

describe('the canonical form the platform signs (RFC 8785 JCS)', () => {
  test.each<[string, { given: unknown; want: string }]>([
    ['keys are sorted at every depth', { given: { b: 1, a: { d: [2, 1], c: null } }, want: '{"a":{"c":null,"d":[2,1]},"b":1}' }],
    ['arrays keep their order', { given: [3, 'x', true], want: '[3,"x",true]' }],
    ['Chinese text is written as is, escapes as JSON.stringify', { given: { 名: '张三\n' }, want: '{"名":"张三\\n"}' }],
    ['an undefined member is left out, as on the wire', { given: { a: undefined, b: 0 }, want: '{"b":0}' }],
    ['numbers as ECMAScript writes them', { given: { n: 1e21, m: 0.5 }, want: '{"m":0.5,"n":1e+21}' }],
  ])('%s', (_name, { given, want }) => {
    expect(canonicalJson(given)).toBe(want);
  });
});

describe('head.sign', () => {
  const head = { version: '1.0', sender: '330681', serial: 'abc', time: '2026-11-22 10:00:00' };
  const body = { bjbh: 'X1', n: 2 };

  test('is hex HMAC-SHA256 over {head without sign, body} in canonical form', () => {
    const want = createHmac('sha256', 'k')
      .update('{"body":{"bjbh":"X1","n":2},"head":{"sender":"330681","serial":"abc","time":"2026-11-22 10:00:00","version":"1.0"}}')
      .digest('hex');
    expect(computeSign('k', head, body)).toBe(want);
    expect(seal(head, body, 'k').head.sign).toBe(want);
  });

  test.each<[string, { given: (e: ReturnType<typeof seal>) => unknown; want: boolean }]>([
    ['an untouched envelope verifies', { given: (e) => e, want: true }],
    ['the same envelope with its keys in another order verifies', { given: (e) => ({ body: { n: 2, bjbh: 'X1' }, head: { ...e.head } }), want: true }],
    ['a changed body does not verify', { given: (e) => ({ ...e, body: { ...body, n: 3 } }), want: false }],
    ['a changed head does not verify', { given: (e) => ({ ...e, head: { ...e.head, sender: '330682' } }), want: false }],
    ['a sign in upper case does not verify (lower-case hex only)', { given: (e) => ({ ...e, head: { ...e.head, sign: e.head.sign.toUpperCase() } }), want: false }],
    ['an envelope without a head does not verify', { given: (e) => ({ body: e.body }), want: false }],
  ])('%s', (_name, { given, want }) => {
    expect(verifySign(given(seal(head, body, 'k')), 'k')).toBe(want);
  });

  test('when the secret is not the one it was signed with, it does not verify', () => {
    expect(verifySign(seal(head, body, 'k'), 'other')).toBe(false);
  });
});
