import { describe, expect, test } from 'vitest';
import { creditCodeCheckChar, makeCreditCode, orgCodeCheckChar, validateCreditCode } from '../../../gateway/src/domain/creditCode.js';

describe('validateCreditCode: codes that are right', () => {
  const cases: [string, { given: string; want: { authorityName: string; orgTypeName: string; region: string } }][] = [
    ['a company registered in 诸暨 (91 330681 …)', { given: '91330681MA2BXY7Q03', want: { authorityName: '工商', orgTypeName: '企业', region: '330681' } }],
    ['an individual business in 诸暨 (92 …)', { given: '92330681MA2CKL8N76', want: { authorityName: '工商', orgTypeName: '个体工商户', region: '330681' } }],
    ['a farmers’ co-operative in 汉中 (93 …)', { given: '93610700MA6Y3T2R8L', want: { authorityName: '工商', orgTypeName: '农民专业合作社', region: '610700' } }],
    ['a public institution (事业单位) in 诸暨, all digits but the check (12 …)', { given: '12330681002525370P', want: { authorityName: '机构编制', orgTypeName: '事业单位', region: '330681' } }],
    ['a social organisation in 徐汇 (52 …)', { given: '52310104MJ4A1B2C27', want: { authorityName: '民政', orgTypeName: '民办非企业单位', region: '310104' } }],
    // printed on public business licences: they prove the algorithm against codes we did not make
    ['a real licence: 阿里巴巴（中国）有限公司', { given: '91330100799655058B', want: { authorityName: '工商', orgTypeName: '企业', region: '330100' } }],
    ['a real licence: 深圳市腾讯计算机系统有限公司', { given: '91440300708461136T', want: { authorityName: '工商', orgTypeName: '企业', region: '440300' } }],
    ['a central body registered nationally (region 100000)', { given: '11100000000013127D', want: { authorityName: '机构编制', orgTypeName: '机关', region: '100000' } }],
    ['typed in lower case, normalised', { given: '91330681ma2bxy7q03', want: { authorityName: '工商', orgTypeName: '企业', region: '330681' } }],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    const r = validateCreditCode(given);
    expect(r).toMatchObject({ ok: true, value: given.toUpperCase(), ...want });
  });
});

describe('validateCreditCode: codes that are wrong, each with its reason', () => {
  const cases: [string, { given: string; want: RegExp }][] = [
    ['one character short', { given: '91330681MA2BXY7Q0', want: /应为18位，当前为17位/ }],
    ['contains the letter O (looks like zero)', { given: '91330681MA2BXO7Q03', want: /第14位“O”不是允许的字符/ }],
    ['contains I', { given: '91330681MA2BXI7Q03', want: /第14位“I”/ }],
    ['contains Z', { given: 'Z1330681MA2BXY7Q03', want: /第1位“Z”/ }],
    ['contains S', { given: '91330681MA2BSY7Q03', want: /第13位“S”/ }],
    ['contains V', { given: '91330681MA2BVY7Q03', want: /第13位“V”/ }],
    ['a registration authority that does not exist (B)', { given: 'B1330681MA2BXY7Q03', want: /第1位“B”不是有效的登记管理部门代码/ }],
    ['工商 has no organisation type 4', { given: '94330681MA2BXY7Q03', want: /第2位“4”不是登记管理部门“工商”的机构类别代码/ }],
    ['民政 has no organisation type 4', { given: '54310104MJ4A1B2C27', want: /机构类别代码/ }],
    ['a region code that is not one (990681)', { given: '91990681MA2BXY7Q03', want: /第3至8位“990681”不是有效的行政区划代码/ }],
    ['last character mistyped', { given: '91330681MA2BXY7Q04', want: /校验码不符/ }],
    ['two characters swapped', { given: '91330681AM2BXY7Q03', want: /校验码不符/ }],
    ['an ID number is not a credit code', { given: '330681199003071233', want: /第3至8位“068119”不是有效的行政区划代码/ }],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    const r = validateCreditCode(given);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(want);
  });
});

describe('check characters and makeCreditCode, for seed data', () => {
  test.each([
    ['阿里巴巴 (GB/T 17710 MOD 31)', { given: '91330100799655058', want: 'B' }],
    ['腾讯', { given: '91440300708461136', want: 'T' }],
  ])('credit code check: %s', (_name, { given, want }) => {
    expect(creditCodeCheckChar(given)).toBe(want);
  });

  test.each([
    ['阿里巴巴 organisation code 79965505-8', { given: '79965505', want: '8' }],
    ['腾讯 organisation code 70846113-6', { given: '70846113', want: '6' }],
    ['a remainder of 1 gives X', { given: 'MB0D1122', want: 'X' }],
  ])('GB 11714 organisation code check: %s', (_name, { given, want }) => {
    expect(orgCodeCheckChar(given)).toBe(want);
  });

  test('makeCreditCode computes both check characters', () => {
    expect(makeCreditCode('91', '330681', 'MA2BXY7Q')).toBe('91330681MA2BXY7Q03');
  });

  test('makeCreditCode refuses parts that cannot make a valid code', () => {
    expect(() => makeCreditCode('94', '330681', 'MA2BXY7Q')).toThrow(/机构类别/);
    expect(() => makeCreditCode('91', '990681', 'MA2BXY7Q')).toThrow(/行政区划/);
    expect(() => makeCreditCode('91', '330681', 'MA2BXO7Q')).toThrow(RangeError);
  });

  test('creditCodeCheckChar refuses characters outside the 31', () => {
    expect(() => creditCodeCheckChar('91330681MA2BXO7Q0')).toThrow(RangeError);
  });
});
