import { describe, expect, test } from 'vitest';
import { DECIDED_HERE, type ServiceItem } from '../../../gateway/src/domain/catalog.js';
import { catalogOf, unregisteredAgreements } from '../../../gateway/src/domain/catalogOf.js';
import { validateCreditCode } from '../../../gateway/src/domain/creditCode.js';
import { isRegionCode } from '../../../gateway/src/domain/region.js';
import { CATALOG, OFFERED_ITEMS, PARTNERS } from '../../support/registry.js';

describe('each partner’s catalog holds together', () => {
  test.each(PARTNERS.map((m) => [m.region, m] as const))('%s brings at least 2 items, each 事项基本编码 once', (_region, m) => {
    expect(m.catalog.length).toBeGreaterThanOrEqual(2);
    expect(new Set(m.catalog.map((i) => i.itemCode)).size).toBe(m.catalog.length);
  });

  test('every 实施编码 is unique across the whole catalog (it names the deciding department)', () => {
    const all = [...OFFERED_ITEMS, ...DECIDED_HERE];
    expect(new Set(all.map((i) => i.implementationCode)).size).toBe(all.length);
  });

  test.each(PARTNERS.flatMap((m) => m.catalog.map((i) => [`${m.region} ${i.name}`, m.region, i] as const)))('%s is well-formed', (_name, region, item) => {
    expect(item.partner).toBe(region);
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
    const personal = OFFERED_ITEMS.filter((i) => i.applicantKinds.length === 1 && i.applicantKinds[0] === 'person');
    expect(personal.length).toBeGreaterThan(0);
    for (const item of personal) expect(item.materials.map((m) => m.name).join('、'), item.name).toMatch(/居民身份证/);
  });

  test('is frozen, so no request can change it for the others', () => {
    const item = OFFERED_ITEMS[0]!;
    expect(() => {
      (item as { promisedDays: number }).promisedDays = 99;
    }).toThrow(TypeError);
    expect(() => (item.materials as unknown[]).push({})).toThrow(TypeError);
  });
});

describe('find', () => {
  test.each([
    ['by 事项基本编码, the code used in the sample case fixture', { given: ['000121009000'], want: '310104 个体工商户注销登记' }],
    ['by 实施编码', { given: ['12610700MB2A01233K001219004000'], want: '610700 正常退休提取住房公积金' }],
    ['by 实施编码 and its own partner', { given: ['11640000MB0D1122XH000121003000', '640000'], want: '640000 内资企业及分支机构注销登记' }],
    ['by 实施编码 with another partner', { given: ['11640000MB0D1122XH000121003000', '610700'], want: undefined }],
    ['by 事项基本编码 two partners offer, naming one', { given: ['000121003000', '610700'], want: '610700 内资企业及分支机构注销登记' }],
    ['by 事项基本编码 two partners offer, naming the other', { given: ['000121003000', '640000'], want: '640000 内资企业及分支机构注销登记' }],
    ['by 事项基本编码 with a partner that does not offer it', { given: ['000121009000', '640000'], want: undefined }],
    ['an item only our region decides is not one our windows receive', { given: ['000109004000'], want: undefined }],
    ['an unknown code', { given: ['999999999999'], want: undefined }],
    ['an empty code', { given: [''], want: undefined }],
  ] as const)('%s', (_name, { given: [code, partner], want }) => {
    const item = CATALOG.find(code, partner);
    expect(item && `${item.partner} ${item.name}`).toBe(want);
  });

  test('by 事项基本编码 two partners offer, naming none, is refused rather than guessed', () => {
    expect(() => CATALOG.find('000121003000')).toThrow(expect.objectContaining({ code: 'ITEM_AMBIGUOUS', message: expect.stringMatching(/610700、640000/) }));
  });
});

describe('list', () => {
  test.each([
    ['no filter lists everything our windows receive', { given: {}, want: PARTNERS.flatMap((m) => m.catalog.map((i) => i.itemCode)) }],
    ['by partner: 汉中', { given: { partner: '610700' }, want: ['001219004000', '001219002000', '000121001000', '000121003000'] }],
    ['by words of the name', { given: { q: '住房公积金' }, want: ['001219004000', '001219002000'] }],
    ['by department, with surrounding spaces', { given: { q: ' 宁夏回族自治区市场监督管理局 ' }, want: ['000121002000', '000121003000'] }],
    ['by code: one national item, two regions', { given: { q: '000121003000' }, want: ['000121003000', '000121003000'] }],
    ['partner and words together', { given: { partner: '310104', q: '个体工商户' }, want: ['000121009000', '000121007000'] }],
    ['words of another partner’s item', { given: { partner: '640000', q: '公积金' }, want: [] }],
    ['our own region is not a partner', { given: { partner: '330681' }, want: [] }],
  ])('%s', (_name, { given, want }) => {
    expect(CATALOG.list(given).map((i) => i.itemCode)).toEqual(want);
  });
});

describe('decidedHere and ofCase', () => {
  test('what our region decides is found for our region only', () => {
    expect(CATALOG.decidedHere('000109004000', '330681')?.department).toBe('诸暨市公安局');
    expect(CATALOG.decidedHere('000109004000', '310104')).toBeUndefined();
  });

  test('a stored case finds its item by its partner and itemCode, or, handed to us, among ours', () => {
    expect(CATALOG.ofCase({ direction: 'outbound', partner: '610700', handlingRegion: '610700', itemCode: '000121003000' })?.department).toBe('汉中市市场监督管理局');
    expect(CATALOG.ofCase({ direction: 'outbound', partner: '640000', handlingRegion: '640000', itemCode: '000121003000' })?.department).toBe('宁夏回族自治区市场监督管理局');
    expect(CATALOG.ofCase({ direction: 'inbound', partner: '310104', handlingRegion: '330681', itemCode: '000121009000' })?.department).toBe('诸暨市市场监督管理局');
  });
});

describe('a catalog that cannot be built stops the start, naming what is wrong', () => {
  const [first, second] = PARTNERS[0]!.catalog as [ServiceItem, ServiceItem];
  const region = PARTNERS[0]!.region;
  test.each([
    ['an item filed under another region', { given: [{ region: '999999', catalog: [first] }], want: new RegExp(`catalog of 999999: item ${first.itemCode}.*names region ${region}`) }],
    ['one 事项基本编码 twice for one partner', { given: [{ region, catalog: [first, { ...second, itemCode: first.itemCode, implementationCode: `${second.implementationCode}X` }] }], want: new RegExp(`duplicate 事项基本编码 in the catalog of ${region}: ${first.itemCode}`) }],
    ['one material code twice in an item', { given: [{ region, catalog: [{ ...first, materials: [first.materials[0]!, first.materials[0]!] }] }], want: new RegExp(`duplicate material code in item ${first.itemCode}.*: ${first.materials[0]!.code}`) }],
    ['one 实施编码 for two partners', { given: [{ region, catalog: [first] }, { region: '640000', catalog: [{ ...first, partner: '640000' }] }], want: new RegExp(`duplicate 实施编码: ${first.implementationCode}`) }],
  ])('%s', (_name, { given, want }) => {
    expect(() => catalogOf(given, DECIDED_HERE)).toThrow(want);
  });

  test('an item we decide names the regions it accepts cases from; those not registered are found', () => {
    expect(() => catalogOf(PARTNERS, [{ ...DECIDED_HERE[0]!, acceptsFrom: [] }])).toThrow(/names no partner region it accepts cases from/);
    expect(unregisteredAgreements([{ ...DECIDED_HERE[0]!, acceptsFrom: ['310104', '999999'] }], PARTNERS.map((m) => m.region))).toEqual([{ itemCode: DECIDED_HERE[0]!.itemCode, name: DECIDED_HERE[0]!.name, regions: ['999999'] }]);
    expect(unregisteredAgreements(DECIDED_HERE, PARTNERS.map((m) => m.region))).toEqual([]);
  });

  test('the same national item offered by two partners, each once, is a catalog', () => {
    const other = { ...first, partner: '640000', implementationCode: `11640000MB0D1122XH${first.itemCode}` };
    const catalog = catalogOf([{ region, catalog: [first] }, { region: '640000', catalog: [other] }], []);
    expect(catalog.find(first.itemCode, '640000')).toBe(other);
    expect(() => catalog.find(first.itemCode)).toThrow(expect.objectContaining({ code: 'ITEM_AMBIGUOUS' }));
  });
});
