// The quicker base64 pattern and length checks must accept exactly what the plain RegExp and JSON
// Schema's code-point count accept: compared on canonical, non-canonical and broken base64, and on
// strings with characters outside the BMP (rare characters in names, 𠀀 and the like).
import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { regExpEngine, withinLength } from '../../../gateway/src/contracts/fastChecks.js';
import { loadContract } from '../../../gateway/src/contracts/contract.js';

const PATTERNS = ['^[A-Za-z0-9+/]*={0,2}$', '^[A-Za-z0-9+/]+={0,2}$'];

function samples(): string[] {
  const out: string[] = ['', 'QQ', 'QQ==', 'QR==', 'QUI=', 'QUJD', '=', '===', 'QQ===', 'Q Q=', 'a-b_', 'ü', '\n'];
  for (const n of [1, 2, 3, 190, 191, 192, 193, 500, 4096, 75_000]) {
    const b64 = randomBytes(n).toString('base64');
    out.push(b64, b64.replace(/=+$/, ''), `${b64}=`, `${b64}\n`, ` ${b64}`, b64.replace(/.$/, '-'));
    out.push(`${b64.slice(0, 100)}=${b64.slice(100)}`, b64.replace(/[A-Za-z0-9+/](=*)$/, 'B$1')); // '=' inside; changed padding bits
    out.push(randomBytes(n).toString('base64url'), `${b64.slice(0, b64.length >> 1)}中${b64.slice(b64.length >> 1)}`);
  }
  return out;
}

describe('the base64 patterns of the contracts', () => {
  test.each(PATTERNS)('%s accepts exactly what the RegExp accepts', (pattern) => {
    const fast = regExpEngine(pattern, 'u');
    const plain = new RegExp(pattern, 'u');
    const all = samples();
    for (const s of all) expect(fast.test(s), JSON.stringify(s.slice(0, 40))).toBe(plain.test(s));
    // the samples do cover both answers, on long strings too
    expect(all.filter((s) => s.length > 256 && plain.test(s)).length).toBeGreaterThan(5);
    expect(all.filter((s) => s.length > 256 && !plain.test(s)).length).toBeGreaterThan(5);
  });

  test('any other pattern is a plain RegExp', () => {
    expect(regExpEngine('^[0-9a-f]{64}$', 'u')).toBeInstanceOf(RegExp);
  });
});

describe('maxLength and minLength count code points, as JSON Schema says', () => {
  const strings = ['', 'a', '张三', '𠀀', '𠀀𠀀𠀁', '王𠀀明', 'x'.repeat(50), '𠀀'.repeat(50), '中'.repeat(99) + '𠀀', '𠀀'.repeat(26)];
  test('the quick bounds give the same answer as counting', () => {
    for (const s of strings) {
      const points = [...s].length;
      for (let limit = 0; limit <= 102; limit++) {
        expect(withinLength(s, limit, true), `${s} max ${limit}`).toBe(points <= limit);
        expect(withinLength(s, limit, false), `${s} min ${limit}`).toBe(points >= limit);
      }
    }
  });

  test('through a partner contract: a name of 200 rare characters fits, 201 does not, with Ajv\'s own message', () => {
    const xuhui = loadContract('partners/310104-xuhui.yaml');
    const name = (n: number) => ({ fileName: `${'𠀀'.repeat(n - 4)}.pdf`, mediaType: 'application/pdf', contentBase64: randomBytes(300).toString('base64'), sha256: 'a'.repeat(64) });
    const schema = '#/components/schemas/ResultDocument';
    expect(xuhui.validateSchema(schema, name(200))).toEqual([]);
    expect(xuhui.validateSchema(schema, name(201))).toEqual([{ field: '/fileName', message: 'must NOT have more than 200 characters' }]);
    expect(xuhui.validateSchema(schema, { ...name(10), contentBase64: `${randomBytes(300).toString('base64')} ` })).toEqual([{ field: '/contentBase64', message: 'must match pattern "^[A-Za-z0-9+/]+={0,2}$"' }]);
  });
});
