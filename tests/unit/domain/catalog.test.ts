import { describe, expect, test } from 'vitest';
import { CATALOG, findItem, listItems } from '../../../gateway/src/domain/catalog.js';
import { validateCreditCode } from '../../../gateway/src/domain/creditCode.js';
import { isRegionCode } from '../../../gateway/src/domain/region.js';

const PARTNERS = ['310104', '610700', '640000'];

describe('the catalog of 跨域通办 items holds together', () => {
  test('has at least 8 items and at least 2 for each partner region', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(8);
    for (const p of PARTNERS) expect(CATALOG.filter((i) => i.partner === p).length, p).toBeGreaterThanOrEqual(2);
  });

  test('every 事项基本编码 and every 实施编码 is unique', () => {
    expect(new Set(CATALOG.map((i) => i.itemCode)).size).toBe(CATALOG.length);
    expect(new Set(CATALOG.map((i) => i.implementationCode)).size).toBe(CATALOG.length);
  });

  test.each(CATALOG.map((i) => [i.name, i] as const))('%s is well-formed', (_name, item) => {
    expect(PARTNERS).toContain(item.partner);
    expect(isRegionCode(item.partner)).toBe(true);
    expect(item.itemCode).toMatch(/^\d{12}$/);
    // 实施编码 = the deciding department's credit code, registered in the partner region, + itemCode
    const dept = validateCreditCode(item.implementationCode.slice(0, 18));
    expect(dept.ok && dept.region).toBe(item.partner);
    expect(item.implementationCode.slice(18)).toBe(item.itemCode);
    expect(item.mode).toBe('异地代收代办');
    expect(['1', '2']).toContain(item.kind);
    expect(Number.isInteger(item.promisedDays) && item.promisedDays >= (item.kind === '2' ? 1 : 0)).toBe(true);
    expect(item.applicantKinds.length).toBeGreaterThan(0);
    expect(item.resultDelivery.length).toBeGreaterThan(0);
    expect(item.materials.some((m) => m.required)).toBe(true);
    expect(new Set(item.materials.map((m) => m.code)).size).toBe(item.materials.length);
    expect(item.department.length).toBeGreaterThan(0);
  });

  test('an item only people apply for asks for the applicant’s 居民身份证', () => {
    const personal = CATALOG.filter((i) => i.applicantKinds.length === 1 && i.applicantKinds[0] === 'person');
    expect(personal.length).toBeGreaterThan(0);
    for (const item of personal) expect(item.materials.map((m) => m.name).join('、'), item.name).toMatch(/居民身份证/);
  });

  test('is frozen, so no request can change it for the others', () => {
    const item = CATALOG[0]!;
    expect(() => {
      (item as { promisedDays: number }).promisedDays = 99;
    }).toThrow(TypeError);
    expect(() => (item.materials as unknown[]).push({})).toThrow(TypeError);
  });
});

describe('findItem', () => {
  test.each([
    ['by 事项基本编码, the code used in the sample case fixture', { given: '000121009000', want: '个体工商户注销登记' }],
    ['by 实施编码', { given: '12610700MB2A01233K001219004000', want: '正常退休提取住房公积金' }],
    ['an unknown code', { given: '999999999999', want: undefined }],
    ['an empty code', { given: '', want: undefined }],
  ])('%s', (_name, { given, want }) => {
    expect(findItem(given)?.name).toBe(want);
  });
});

describe('listItems', () => {
  test.each([
    ['no filter lists everything', { given: {}, want: CATALOG.map((i) => i.itemCode) }],
    ['by partner: 汉中', { given: { partner: '610700' }, want: ['001219004000', '001219002000', '000121001000'] }],
    ['by words of the name', { given: { q: '住房公积金' }, want: ['001219004000', '001219002000'] }],
    ['by department, with surrounding spaces', { given: { q: ' 宁夏回族自治区市场监督管理局 ' }, want: ['000121002000', '000121003000'] }],
    ['by code', { given: { q: '000150001000' }, want: ['000150001000'] }],
    ['partner and words together', { given: { partner: '310104', q: '个体工商户' }, want: ['000121009000', '000121007000'] }],
    ['words of another partner’s item', { given: { partner: '640000', q: '公积金' }, want: [] }],
    ['an unknown partner', { given: { partner: '330681' }, want: [] }],
  ])('%s', (_name, { given, want }) => {
    expect(listItems(given).map((i) => i.itemCode)).toEqual(want);
  });
});
