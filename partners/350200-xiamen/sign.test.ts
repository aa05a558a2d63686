import { describe, expect, test } from 'vitest';
import { DEV_APP_PRIVATE_KEY, DEV_APP_PUBLIC_KEY, DEV_PLATFORM_PUBLIC_KEY } from './dev-keys.js';
import { privateKeyOf, publicKeyOf } from './settings.js';
import { memberText, signForm, signedReply, signingString, verifyForm, rsa2Verify } from './sign.js';

const ours = privateKeyOf(DEV_APP_PRIVATE_KEY, 'APP_PRIVATE_KEY');
const oursPublic = publicKeyOf(DEV_APP_PUBLIC_KEY, 'APP_PUBLIC_KEY');

describe('RSA2 over the sorted parameters', () => {
  test.each<[string, { given: Record<string, string | undefined>; want: string }]>([
    ['sorted by name, sign left out', { given: { method: 'gov.kstb.case.query', app_id: '2026330681000001', sign: 'x' }, want: 'app_id=2026330681000001&method=gov.kstb.case.query' }],
    ['empty values left out, values as they are (not URL-encoded)', { given: { b: '', a: '{"x":"厦 门&"}', c: undefined }, want: 'a={"x":"厦 门&"}' }],
  ])('the signing string: %s', (_name, { given, want }) => {
    expect(signingString(given)).toBe(want);
  });

  test('a form signed with our key verifies with our public key, and not once a value changed', () => {
    const form = signForm({ app_id: '2026330681000001', biz_content: '{"a":1}' }, ours);
    expect(verifyForm(form, oursPublic)).toBe(true);
    expect(verifyForm({ ...form, biz_content: '{"a":2}' }, oursPublic)).toBe(false);
    expect(verifyForm(form, publicKeyOf(DEV_PLATFORM_PUBLIC_KEY, 'PLATFORM_PUBLIC_KEY'))).toBe(false);
  });

  test('a key given as PEM works as the one-line base64 does', () => {
    const pem = `-----BEGIN PUBLIC KEY-----\\n${DEV_APP_PUBLIC_KEY}\\n-----END PUBLIC KEY-----`;
    expect(verifyForm(signForm({ a: '1' }, ours), publicKeyOf(pem, 'APP_PUBLIC_KEY'))).toBe(true);
    expect(() => publicKeyOf('not a key', 'PLATFORM_PUBLIC_KEY')).toThrow(/PARTNER_350200_PLATFORM_PUBLIC_KEY/);
  });
});

describe('the reply is verified over the exact text of its _response member', () => {
  test('as signed, whatever follows or precedes it', () => {
    const text = signedReply('gov_kstb_case_query_response', { code: '10000', msg: 'Success', note: '含 } 与 " 的 \\"文本\\"' }, ours);
    const inner = memberText(text, 'gov_kstb_case_query_response')!;
    expect(JSON.parse(inner)).toMatchObject({ code: '10000' });
    expect(rsa2Verify(inner, (JSON.parse(text) as { sign: string }).sign, oursPublic)).toBe(true);
    expect(memberText(`{"sign":"x", "a" : {"b":{"c":[1,{"d":"}"}]}} }`, 'a')).toBe('{"b":{"c":[1,{"d":"}"}]}}');
  });

  test.each<[string, { given: string }]>([
    ['no such member', { given: '{"error_response":{"code":"40002"}}' }],
    ['the key nested deeper, not at the top', { given: '{"x":{"a":{"code":"10000"}}}' }],
  ])('nothing to verify when there is %s', (_name, { given }) => {
    expect(memberText(given, 'a')).toBeUndefined();
  });
});
