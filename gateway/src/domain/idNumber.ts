// 公民身份号码, GB 11643-1999: 6-digit address code (GB/T 2260), 8-digit birth date, 3-digit sequence
// (odd for men, even for women), and an ISO 7064 MOD 11-2 check character.
import { PROVINCES } from './region.js';

export type IdNumberCheck =
  | { ok: true; /** normalised: trimmed, check character X upper-case */ value: string; region: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; reason: string };

// 2^(17-i) mod 11 for positions 1..17, and the check character for (sum mod 11).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
// 港澳台居民居住证 numbers use 810000, 820000 and 830000 as address code; 83 is not a GB/T 2260 province.
const RESIDENCE_PERMIT_PREFIXES = new Set(['81', '82', '83']);
const EARLIEST_BIRTH = '19000101';

export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`idCheckDigit needs 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Builds a number with a correct check digit, for tests and seed data. */
export function makeIdNumber(region6: string, yyyymmdd: string, seq3: string): string {
  if (!/^\d{6}$/.test(region6) || !/^\d{8}$/.test(yyyymmdd) || !/^\d{3}$/.test(seq3)) {
    throw new RangeError(`makeIdNumber(${region6}, ${yyyymmdd}, ${seq3}): expected 6, 8 and 3 digits`);
  }
  const first17 = region6 + yyyymmdd + seq3;
  return first17 + idCheckDigit(first17);
}

/**
 * Checks a number the way a window clerk needs it checked, with a reason in Chinese.
 * `today` is injectable so that "not in the future" is testable; dates are Asia/Shanghai.
 * Deliberately the reason never states the expected check character: a clerk who is told it
 * would "fix" the last digit when the typo is elsewhere.
 */
export function validateIdNumber(input: string, today: Date = new Date()): IdNumberCheck {
  const s = typeof input === 'string' ? input.trim().toUpperCase() : '';
  if (s.length !== 18) return fail(`公民身份号码应为18位，当前为${s.length}位`);
  if (!/^\d{17}[\dX]$/.test(s)) return fail('公民身份号码前17位应为数字，第18位应为数字或X');
  const province = s.slice(0, 2);
  if (!(province in PROVINCES) && !RESIDENCE_PERMIT_PREFIXES.has(province)) {
    return fail(`公民身份号码前6位地址码无效：不存在以“${province}”开头的省级行政区划`);
  }
  const birth = s.slice(6, 14);
  if (!isCalendarDate(birth)) return fail(`公民身份号码中的出生日期“${birth}”不是有效日期`);
  if (birth < EARLIEST_BIRTH) return fail(`公民身份号码中的出生日期“${birth}”早于1900年`);
  if (birth > shanghaiYyyymmdd(today)) return fail(`公民身份号码中的出生日期“${birth}”晚于今天`);
  if (idCheckDigit(s.slice(0, 17)) !== s[17]) return fail('公民身份号码校验码不符，请逐位核对号码');
  return {
    ok: true,
    value: s,
    region: s.slice(0, 6),
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    sex: Number(s[16]) % 2 === 1 ? 'male' : 'female',
  };
}

function fail(reason: string): IdNumberCheck {
  return { ok: false, reason };
}

function isCalendarDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function shanghaiYyyymmdd(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
}
