// 统一社会信用代码, GB 32100-2015: 登记管理部门代码 (1) + 机构类别代码 (1) + 登记管理机关行政区划码 (6)
// + 主体标识码 (组织机构代码, GB 11714: 9) + 校验码 (GB/T 17710 MOD 31: 1).
import { isRegionCode } from './region.js';

export type CreditCodeCheck =
  | {
      ok: true;
      /** normalised to upper case */
      value: string;
      authority: string;
      authorityName: string;
      orgType: string;
      orgTypeName: string;
      region: string;
      /** 主体标识码 (组织机构代码), positions 9–17 */
      orgCode: string;
    }
  | { ok: false; reason: string };

/** The 31 characters of GB 32100: digits and capitals without I, O, Z, S, V. Index = value. */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// 3^(i-1) mod 31 for positions 1..17.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * 登记管理部门 and their 机构类别. GB 32100-2015 table 1 defined 1, 5, 9 and Y; the others were added
 * afterwards by the national standardisation administration as further registration authorities were
 * brought in (外交, 司法行政, 文化, 旅游, 宗教, 工会, 中央军委改革和编制办公室, 农业). The additions are
 * reproduced from secondary sources, not from the amended standard text itself.
 */
export const REGISTRATION_AUTHORITIES: Readonly<Record<string, { name: string; types: Readonly<Record<string, string>> }>> = {
  '1': { name: '机构编制', types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': { name: '司法行政', types: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' } },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { name: '旅游', types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' } },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', types: { '1': '其他' } },
};

// Organisations registered by a central authority carry 100000 (全国) instead of a GB/T 2260 code.
const NATIONAL_REGION = '100000';

export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`creditCodeCheckChar needs 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARS.indexOf(first17[i]!);
    if (v < 0) throw new RangeError(`"${first17[i]}" is not a 统一社会信用代码 character`);
    sum += v * WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 组织机构代码 check character over the 8-character body. */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new RangeError(`orgCodeCheckChar needs 8 digits or capitals, got "${body8}"`);
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body8[i]!, 36) * weights[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * Builds a well-formed code for tests and seed data, e.g. makeCreditCode('91', '330681', 'MA2BXY7Q')
 * for a company registered in 诸暨. The 组织机构代码 check character and the final check are computed.
 */
export function makeCreditCode(authorityAndType: string, region6: string, orgBody8: string): string {
  const first17 = authorityAndType + region6 + orgBody8 + orgCodeCheckChar(orgBody8);
  const code = first17 + creditCodeCheckChar(first17);
  const check = validateCreditCode(code);
  if (!check.ok) throw new RangeError(`makeCreditCode: ${check.reason}`);
  return code;
}

export function validateCreditCode(input: string): CreditCodeCheck {
  const s = typeof input === 'string' ? input.trim().toUpperCase() : '';
  if (s.length !== 18) return fail(`统一社会信用代码应为18位，当前为${s.length}位`);
  for (let i = 0; i < 18; i++) {
    if (!CREDIT_CODE_CHARS.includes(s[i]!)) {
      return fail(`统一社会信用代码第${i + 1}位“${s[i]}”不是允许的字符（只用数字和除 I、O、S、V、Z 以外的大写字母）`);
    }
  }
  const authority = REGISTRATION_AUTHORITIES[s[0]!];
  if (!authority) return fail(`统一社会信用代码第1位“${s[0]}”不是有效的登记管理部门代码`);
  const orgTypeName = authority.types[s[1]!];
  if (!orgTypeName) return fail(`统一社会信用代码第2位“${s[1]}”不是登记管理部门“${authority.name}”的机构类别代码`);
  const region = s.slice(2, 8);
  if (region !== NATIONAL_REGION && !isRegionCode(region)) return fail(`统一社会信用代码第3至8位“${region}”不是有效的行政区划代码`);
  if (creditCodeCheckChar(s.slice(0, 17)) !== s[17]) return fail('统一社会信用代码校验码不符，请逐位核对代码');
  return { ok: true, value: s, authority: s[0]!, authorityName: authority.name, orgType: s[1]!, orgTypeName, region, orgCode: s.slice(8, 17) };
}

function fail(reason: string): CreditCodeCheck {
  return { ok: false, reason };
}
