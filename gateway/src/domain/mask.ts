// PIPL masking of the personal data the gateway handles most: 公民身份号码 and mobile numbers.
// maskPersonalData runs inside the pino serializer on every log line, so it is written to be cheap on
// the common case (no long digit run: the string is returned as is) and never to throw.
import { PROVINCES } from './region.js';

/** Keeps the first 4 and last 4 characters: '3306**********1233'. */
export function maskIdNumber(s: string): string {
  if (s.length <= 8) return '*'.repeat(s.length);
  return s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4);
}

/** Keeps the first 3 and last 4 digits: '138****5678'. */
export function maskPhone(s: string): string {
  if (s.length <= 7) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}

/** Keeps the first and, from three characters on, the last character: '张*丰', '张*', '欧**娜'. */
export function maskName(s: string): string {
  const chars = Array.from(s);
  if (chars.length <= 1) return chars.length === 1 ? '*' : '';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

// Whole ASCII-alphanumeric runs, so that a number inside a longer code is never cut out of it.
const TOKEN = /[0-9A-Za-z]+/g;
const ID_LIKE = /^\d{17}[\dXx]$/;
const MOBILE = /^(86)?(1[3-9]\d{9})$/;
const LONG_DIGITS = /\d{11}/;

/**
 * Masks every ID-number-like and mobile-number-like token in a text. A token is ID-like when it is
 * 17 digits and a check character, starts with a province code and has a birth year 19xx/20xx; the
 * check digit is not required, since a mistyped ID number is still personal data. A 统一社会信用代码
 * nearly always has letters or a non-province prefix (91…, 92…) and is left alone.
 */
export function maskText(s: string): string {
  if (!LONG_DIGITS.test(s)) return s;
  return s.replace(TOKEN, (token) => {
    if (ID_LIKE.test(token) && isIdPrefix(token.slice(0, 2)) && /^(19|20)$/.test(token.slice(6, 8))) return maskIdNumber(token);
    const m = MOBILE.exec(token);
    if (m) return (m[1] ?? '') + maskPhone(m[2]!);
    return token;
  });
}

// 83 is the address code of 台湾居民居住证 numbers, which have the same form.
const isIdPrefix = (p: string): boolean => p in PROVINCES || p === '83';

const MAX_DEPTH = 32;

/**
 * A deep copy of `value` with personal data masked in every string. Made for log serializers:
 * - cycles become '[Circular]', nesting deeper than 32 levels '[Too deep]';
 * - Buffers and typed arrays become '[Buffer n bytes]' (binary may hold scanned documents);
 * - Errors become plain { name, message, stack, …own fields }, masked;
 * - Dates are copied, objects with toJSON are replaced by what it returns (as JSON.stringify would);
 * - an 11-digit number that is a mobile number becomes its masked string;
 * - anything that throws while being read becomes '[Unreadable]'.
 */
export function maskPersonalData(value: unknown): unknown {
  try {
    return copy(value, new Set(), 0);
  } catch {
    return '[Unreadable]';
  }
}

function copy(value: unknown, ancestors: Set<object>, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      return maskText(value);
    case 'number':
      return Number.isInteger(value) && value >= 13_000_000_000 && value <= 19_999_999_999 ? maskText(String(value)) : value;
    case 'object':
      return value === null ? null : copyObject(value, ancestors, depth);
    default:
      return value;
  }
}

function copyObject(obj: object, ancestors: Set<object>, depth: number): unknown {
  if (ancestors.has(obj)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Too deep]';
  if (obj instanceof Date) return new Date(obj.getTime());
  if (ArrayBuffer.isView(obj) || obj instanceof ArrayBuffer) return `[Buffer ${obj.byteLength} bytes]`;
  ancestors.add(obj);
  try {
    const next = (v: unknown): unknown => copyGuarded(v, ancestors, depth + 1);
    if (Array.isArray(obj)) return obj.map(next);
    if (obj instanceof Map) return new Map(Array.from(obj, ([k, v]) => [next(k), next(v)]));
    if (obj instanceof Set) return new Set(Array.from(obj, next));
    if (obj instanceof Error) return copyError(obj, next);
    const toJSON = (obj as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return next(toJSON.call(obj));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj)) setOwn(out, maskText(key), next(readProperty(obj, key)));
    return out;
  } finally {
    ancestors.delete(obj);
  }
}

function copyGuarded(value: unknown, ancestors: Set<object>, depth: number): unknown {
  try {
    return copy(value, ancestors, depth);
  } catch {
    return '[Unreadable]';
  }
}

function copyError(err: Error, next: (v: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { name: err.name, message: next(err.message) };
  if (err.stack !== undefined) out.stack = next(err.stack);
  for (const key of Object.keys(err)) setOwn(out, maskText(key), next(readProperty(err, key)));
  if (err.cause !== undefined && !('cause' in out)) out.cause = next(err.cause);
  return out;
}

function readProperty(obj: object, key: string): unknown {
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    return '[Unreadable]';
  }
}

// A plain assignment of '__proto__' (an own key after JSON.parse) would replace the copy's prototype.
function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}
