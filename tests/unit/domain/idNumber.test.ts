import { describe, expect, test } from 'vitest';
import { idCheckDigit, makeIdNumber, validateIdNumber } from '../../../gateway/src/domain/idNumber.js';

// A fixed "today" (2026-11-22 10:00 in Shanghai) so that "not in the future" does not drift.
const TODAY = new Date('2026-11-22T10:00:00+08:00');

describe('validateIdNumber: numbers a clerk types in that are right', () => {
  const cases: [string, { given: string; want: { value: string; region: string; birthDate: string; sex: 'male' | 'female' } }][] = [
    ['a man from 诸暨 born 1990-03-07', { given: '330681199003071233', want: { value: '330681199003071233', region: '330681', birthDate: '1990-03-07', sex: 'male' } }],
    ['the example printed in GB 11643-1999, check character X', { given: '11010519491231002X', want: { value: '11010519491231002X', region: '110105', birthDate: '1949-12-31', sex: 'female' } }],
    ['a lower-case x, normalised to upper case', { given: '11010519491231002x', want: { value: '11010519491231002X', region: '110105', birthDate: '1949-12-31', sex: 'female' } }],
    ['surrounding spaces from a paste, trimmed', { given: ' 330681199003071233 ', want: { value: '330681199003071233', region: '330681', birthDate: '1990-03-07', sex: 'male' } }],
    ['a woman from 徐汇 born on a leap day', { given: '310104200002290428', want: { value: '310104200002290428', region: '310104', birthDate: '2000-02-29', sex: 'female' } }],
    ['a man from 汉台区', { given: '610702198510010518', want: { value: '610702198510010518', region: '610702', birthDate: '1985-10-01', sex: 'male' } }],
    ['born on the first day accepted, 1900-01-01', { given: '330681190001010014', want: { value: '330681190001010014', region: '330681', birthDate: '1900-01-01', sex: 'male' } }],
    ['a 台湾居民居住证 number (address code 830000)', { given: '830000199506150029', want: { value: '830000199506150029', region: '830000', birthDate: '1995-06-15', sex: 'female' } }],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    expect(validateIdNumber(given, TODAY)).toEqual({ ok: true, ...want });
  });
});

describe('validateIdNumber: numbers that are wrong, each with a reason a clerk can act on', () => {
  const cases: [string, { given: string; want: RegExp }][] = [
    ['empty', { given: '', want: /应为18位，当前为0位/ }],
    ['one digit short', { given: '33068119900307123', want: /应为18位，当前为17位/ }],
    ['one digit too many', { given: '3306811990030712333', want: /应为18位，当前为19位/ }],
    ['a letter among the first 17', { given: '33068119900307A233', want: /前17位应为数字/ }],
    ['X anywhere but last', { given: '3306811990030712X3', want: /前17位应为数字/ }],
    ['a province code that does not exist (99)', { given: '990681199003071233', want: /地址码无效.*99/ }],
    ['30 February', { given: '330681199002301233', want: /“19900230”不是有效日期/ }],
    ['month 13', { given: '330681199013071233', want: /不是有效日期/ }],
    ['born before 1900', { given: '330681189912311233', want: /早于1900年/ }],
    ['born tomorrow (Shanghai time)', { given: '33068120261123001X', want: /晚于今天/ }],
    ['last digit mistyped', { given: '330681199003071234', want: /校验码不符/ }],
    ['two digits swapped', { given: '330681199003072133', want: /校验码不符/ }],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    const r = validateIdNumber(given, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(want);
  });

  test('the reason never tells the clerk which check character would fit, so a typo elsewhere is not "fixed" at the end', () => {
    const r = validateIdNumber('330681199003071234', TODAY);
    expect(r).toEqual({ ok: false, reason: '公民身份号码校验码不符，请逐位核对号码' });
  });
});

describe('"today" is the date in Shanghai, whatever the machine time zone', () => {
  test('someone born on 23 November is valid at 00:30 on the 23rd in Shanghai, still the 22nd in UTC', () => {
    expect(validateIdNumber('33068120261123001X', new Date('2026-11-22T16:30:00Z')).ok).toBe(true);
  });
  test('and not at 23:30 on the 22nd in Shanghai', () => {
    expect(validateIdNumber('33068120261123001X', new Date('2026-11-22T15:30:00Z')).ok).toBe(false);
  });
});

describe('idCheckDigit and makeIdNumber, for seed data', () => {
  test.each([
    ['GB 11643 example', { given: '11010519491231002', want: 'X' }],
    ['诸暨 fixture', { given: '33068119900307123', want: '3' }],
    ['成都, check digit 4', { given: '51010219770707777', want: '4' }],
  ])('%s', (_name, { given, want }) => {
    expect(idCheckDigit(given)).toBe(want);
  });

  test('refuses anything but 17 digits, since a wrong seed is a programming error', () => {
    expect(() => idCheckDigit('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckDigit('1101051949123100X')).toThrow(RangeError);
  });

  test('every sequence number of a day gives a valid number, odd ones men and even ones women', () => {
    for (let seq = 0; seq < 1000; seq++) {
      const r = validateIdNumber(makeIdNumber('330681', '19900307', String(seq).padStart(3, '0')), TODAY);
      expect(r.ok && r.sex).toBe(seq % 2 === 1 ? 'male' : 'female');
    }
  });
});
