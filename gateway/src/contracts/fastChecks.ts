// Two checks that Ajv makes slowly on long strings (a material or a signed document travels as 100 KB
// and more of base64), made fast without changing what any contract accepts:
// - the base64 patterns of the contracts (`^[A-Za-z0-9+/]*={0,2}$` and its `+` form): V8 runs that
//   character class at ~110 MB/s on random-looking text; a canonical base64 string (what every encoder
//   writes) is recognised by a native decode and re-encode at ~1.6 GB/s, and anything else is still
//   decided by the RegExp itself;
// - maxLength/minLength count code points (Ajv walks the whole string for it); the UTF-16 length bounds
//   the count (code points ≤ length ≤ 2 × code points), so most strings are decided without a walk.
import { _, str, type Ajv2020, type KeywordCxt } from 'ajv/dist/2020.js';

/** the contracts' base64 patterns; `nonEmpty` for the `+` form */
const BASE64_PATTERNS = new Map([['^[A-Za-z0-9+/]*={0,2}$', false], ['^[A-Za-z0-9+/]+={0,2}$', true]]);
/** below this a RegExp is as quick as the round trip */
const SHORT = 256;

interface RegExpLike { test(s: string): boolean }

/** Ajv's `code.regExp` engine: a RegExp, or for a base64 pattern the round trip in front of it. */
export const regExpEngine = Object.assign((pattern: string, flags: string): RegExpLike => {
  const re = new RegExp(pattern, flags);
  const nonEmpty = BASE64_PATTERNS.get(pattern);
  if (nonEmpty === undefined) return re;
  // Ajv caches compiled patterns by toString(): without one, every such pattern would share one entry
  const like = {
    test: (s: string) => (s.length >= SHORT && Buffer.from(s, 'base64').toString('base64') === s) || re.test(s),
    toString: () => re.toString(),
  };
  return like;
}, { code: 'new RegExp' });

/** code points of a string, counted only when its UTF-16 length cannot decide the limit */
export function withinLength(s: string, limit: number, isMax: boolean): boolean {
  if (isMax ? s.length <= limit : s.length >= 2 * limit) return true;
  if (isMax ? s.length > 2 * limit : s.length < limit) return false;
  let points = 0;
  for (const _c of s) points += 1;
  return isMax ? points <= limit : points >= limit;
}

/** replaces Ajv's maxLength and minLength with the same rule, errors and messages, decided faster */
export function addFastLengthLimits(ajv: Ajv2020): void {
  ajv.removeKeyword('maxLength');
  ajv.removeKeyword('minLength');
  ajv.addKeyword({
    keyword: ['maxLength', 'minLength'],
    type: 'string',
    schemaType: 'number',
    $data: true,
    error: {
      message: ({ keyword, schemaCode }) => str`must NOT have ${keyword === 'maxLength' ? 'more' : 'fewer'} than ${schemaCode} characters`,
      params: ({ schemaCode }) => _`{limit: ${schemaCode}}`,
    },
    code(cxt: KeywordCxt) {
      const fn = cxt.gen.scopeValue('func', { ref: withinLength });
      cxt.fail$data(_`!${fn}(${cxt.data}, ${cxt.schemaCode}, ${cxt.keyword === 'maxLength'})`);
    },
  });
}
