// Client-side checks that mirror the gateway's (gateway/src/domain/idNumber.ts, creditCode.ts and the
// contract's phone pattern). They give the clerk an immediate hint; the gateway's answer is authoritative.
// Each check returns null when the value passes, or the reason in Chinese.

const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
  '83', // 港澳台居民居住证
]);

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

function todayShanghai() {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
}

function isCalendarDate(yyyymmdd) {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** 公民身份号码, GB 11643: 18 characters, address code, birth date, ISO 7064 MOD 11-2 check character. */
export function checkIdNumber(input) {
  const s = String(input ?? '').trim().toUpperCase();
  if (s.length !== 18) return `公民身份号码应为18位，当前为${s.length}位`;
  if (!/^\d{17}[\dX]$/.test(s)) return '公民身份号码前17位应为数字，第18位应为数字或X';
  if (!PROVINCE_PREFIXES.has(s.slice(0, 2))) return `前6位地址码无效：不存在以“${s.slice(0, 2)}”开头的省级行政区划`;
  const birth = s.slice(6, 14);
  if (!isCalendarDate(birth)) return `出生日期“${birth}”不是有效日期`;
  if (birth < '19000101') return `出生日期“${birth}”早于1900年`;
  if (birth > todayShanghai()) return `出生日期“${birth}”晚于今天`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i];
  // Like the gateway, never say which check character is expected: the typo may be elsewhere.
  if (ID_CHECK[sum % 11] !== s[17]) return '校验码不符，请逐位核对号码';
  return null;
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_AUTHORITIES = '123456789ANY';

/** 统一社会信用代码, GB 32100: 18 characters without I/O/Z/S/V, GB/T 17710 MOD 31 check character. */
export function checkCreditCode(input) {
  const s = String(input ?? '').trim().toUpperCase();
  if (s.length !== 18) return `统一社会信用代码应为18位，当前为${s.length}位`;
  for (let i = 0; i < 18; i++) {
    if (!CREDIT_CHARS.includes(s[i])) return `第${i + 1}位“${s[i]}”不是允许的字符（只用数字和除 I、O、S、V、Z 以外的大写字母）`;
  }
  if (!CREDIT_AUTHORITIES.includes(s[0])) return `第1位“${s[0]}”不是有效的登记管理部门代码`;
  const region = s.slice(2, 8);
  if (!/^\d{6}$/.test(region)) return `第3至8位“${region}”不是有效的行政区划代码`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(s[i]) * CREDIT_WEIGHTS[i];
  if (CREDIT_CHARS[(31 - (sum % 31)) % 31] !== s[17]) return '校验码不符，请逐位核对代码';
  return null;
}

/** The contract's pattern for 联系电话: a mobile number, or a landline with area code. */
export const PHONE_RE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

export function checkPhone(input) {
  const s = String(input ?? '').trim();
  if (!s) return '请填写联系电话';
  if (!PHONE_RE.test(s)) return '请填写11位手机号码，或带区号的固定电话（如 0575-87012345）';
  return null;
}

/** ID types whose numbers are 公民身份号码 and checked by GB 11643 (as the gateway does). */
export const CITIZEN_ID_TYPES = ['111', '112'];
