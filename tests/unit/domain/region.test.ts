import { describe, expect, test } from 'vitest';
import { PROVINCES, isRegionCode, regionDirectory } from '../../../gateway/src/domain/region.js';
import { PARTNERS, REGIONS } from '../../support/registry.js';

const { regionName, regionFullName } = REGIONS;

describe('isRegionCode', () => {
  const cases: [string, { given: string; want: boolean }][] = [
    ['a county-level city (诸暨市)', { given: '330681', want: true }],
    ['a district of a municipality (徐汇区)', { given: '310104', want: true }],
    ['a prefecture (汉中市)', { given: '610700', want: true }],
    ['a province-level region (宁夏)', { given: '640000', want: true }],
    ['a county we have no name for, still well-formed', { given: '330621', want: true }],
    ['Hong Kong as a whole', { given: '810000', want: true }],
    ['five digits', { given: '33068', want: false }],
    ['seven digits', { given: '3306810', want: false }],
    ['letters', { given: '33068A', want: false }],
    ['surrounding space', { given: ' 330681', want: false }],
    ['no such province (99)', { given: '990000', want: false }],
    ['no such province (10, used for 全国 in credit codes only)', { given: '100000', want: false }],
    ['no such province (83)', { given: '830000', want: false }],
    ['a county part with no city part', { given: '330001', want: false }],
    ['a subdivision of Hong Kong, which GB/T 2260 does not have', { given: '810100', want: false }],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    expect(isRegionCode(given)).toBe(want);
  });

  test('there are exactly the 34 province-level regions, and each one is a region code', () => {
    expect(Object.keys(PROVINCES)).toHaveLength(34);
    for (const p of Object.keys(PROVINCES)) expect(isRegionCode(`${p}0000`)).toBe(true);
  });
});

describe('regionName and regionFullName', () => {
  const cases: [string, { given: string; want: [string | undefined, string | undefined] }][] = [
    ['诸暨市', { given: '330681', want: ['诸暨市', '浙江省绍兴市诸暨市'] }],
    ['绍兴市', { given: '330600', want: ['绍兴市', '浙江省绍兴市'] }],
    ['浙江省', { given: '330000', want: ['浙江省', '浙江省'] }],
    ['上虞区', { given: '330604', want: ['上虞区', '浙江省绍兴市上虞区'] }],
    ['徐汇区, with no 市辖区 in its name', { given: '310104', want: ['徐汇区', '上海市徐汇区'] }],
    ['上海市', { given: '310000', want: ['上海市', '上海市'] }],
    ['汉中市', { given: '610700', want: ['汉中市', '陕西省汉中市'] }],
    ['陕西省', { given: '610000', want: ['陕西省', '陕西省'] }],
    ['宁夏回族自治区', { given: '640000', want: ['宁夏回族自治区', '宁夏回族自治区'] }],
    ['银川市', { given: '640100', want: ['银川市', '宁夏回族自治区银川市'] }],
    ['汉台区, a county of a partner prefecture', { given: '610702', want: ['汉台区', '陕西省汉中市汉台区'] }],
    ['a well-formed code not in our table', { given: '330621', want: [undefined, undefined] }],
    ['not a code', { given: '99', want: [undefined, undefined] }],
  ];
  test.each(cases)('%s', (_name, { given, want }) => {
    expect([regionName(given), regionFullName(given)]).toEqual(want);
  });

  test('every province-level region has its name', () => {
    expect(regionName('540000')).toBe('西藏自治区');
    expect(regionName('820000')).toBe('澳门特别行政区');
    expect(new Set(Object.values(PROVINCES)).size).toBe(34);
  });
});

describe('regionDirectory', () => {
  test('each partner’s area is named by the partner module, our home area by the core', () => {
    const homeOnly = regionDirectory([]);
    expect(homeOnly.regionName('330681')).toBe('诸暨市');
    expect(homeOnly.regionName('310104')).toBeUndefined();
    expect(homeOnly.regionFullName('310000')).toBe('上海市');
    for (const m of PARTNERS) {
      // the directory names each partner region as its module does
      expect(regionFullName(m.region), m.region).toBe(m.name);
      for (const [code, name] of Object.entries(m.regionNames)) expect(regionName(code)).toBe(name);
    }
  });

  test.each([
    ['a code outside the partner’s province', { given: { region: '310104', regionNames: { '610700': '汉中市' } }, want: /region names of 310104: 610700 is not a prefecture or county of its province 31/ }],
    ['a province, which the core names', { given: { region: '310104', regionNames: { '310000': '上海' } }, want: /310000 is not a prefecture or county/ }],
    ['not a region code', { given: { region: '310104', regionNames: { '3101': '上海' } }, want: /3101 is not/ }],
    ['a code the home region names otherwise', { given: { region: '330604', regionNames: { '330681': '暨阳' } }, want: /330681 is「暨阳」, but the home region names it「诸暨市」/ }],
  ])('refuses %s, naming it', (_name, { given, want }) => {
    expect(() => regionDirectory([given])).toThrow(want);
  });

  test('two partners of one province may both name a place, the same way', () => {
    const both = regionDirectory([{ region: '610700', regionNames: { '610700': '汉中市' } }, { region: '610702', regionNames: { '610700': '汉中市', '610702': '汉台区' } }]);
    expect(both.regionFullName('610702')).toBe('陕西省汉中市汉台区');
    expect(() => regionDirectory([{ region: '610700', regionNames: { '610700': '汉中市' } }, { region: '610702', regionNames: { '610700': '汉中' } }])).toThrow(/610700 is「汉中」, but 610700 names it「汉中市」/);
  });
});
