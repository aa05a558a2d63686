// GB/T 2260 行政区划代码. Codes are data, not an enum: counties are renamed, merged and split every
// year, so we check the form and the province-level prefix (which has been stable since 1997) and
// name only the regions this project works with.

/** The 34 province-level divisions (省级行政区), keyed by the first two digits. */
export const PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区',
  '21': '辽宁省', '22': '吉林省', '23': '黑龙江省',
  '31': '上海市', '32': '江苏省', '33': '浙江省', '34': '安徽省', '35': '福建省', '36': '江西省', '37': '山东省',
  '41': '河南省', '42': '湖北省', '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省',
  '50': '重庆市', '51': '四川省', '52': '贵州省', '53': '云南省', '54': '西藏自治区',
  '61': '陕西省', '62': '甘肃省', '63': '青海省', '64': '宁夏回族自治区', '65': '新疆维吾尔自治区',
  '71': '台湾省', '81': '香港特别行政区', '82': '澳门特别行政区',
};

/** Our home region and its neighbours (浙江省). Each partner module names its own area (its
 *  `regionNames`); regionDirectory() puts them together. Each entry is the unit's own name; the path is
 *  composed from the code. */
const HOME_NAMES: Readonly<Record<string, string>> = {
  '330100': '杭州市',
  '330600': '绍兴市',
  '330602': '越城区',
  '330603': '柯桥区',
  '330604': '上虞区',
  '330624': '新昌县',
  '330681': '诸暨市',
  '330683': '嵊州市',
};

// Taiwan, Hong Kong and Macao have one code each in GB/T 2260, with no subdivisions.
const WHOLE_ONLY = new Set(['71', '81', '82']);

/** Six digits, a real province-level prefix, and city/county parts that fit together. */
export function isRegionCode(s: string): boolean {
  if (typeof s !== 'string' || !/^\d{6}$/.test(s)) return false;
  const province = s.slice(0, 2);
  const city = s.slice(2, 4);
  const county = s.slice(4, 6);
  if (!(province in PROVINCES)) return false;
  if (WHOLE_ONLY.has(province)) return city === '00' && county === '00';
  // a province-level code has no county part: 33 00 01 is not a code
  return city !== '00' || county === '00';
}

/** What a partner module brings to the directory. */
export interface RegionNameSource {
  region: string;
  regionNames: Readonly<Record<string, string>>;
}

/** The names of the regions this gateway works with: provinces, our home area, each partner's area. */
export interface RegionDirectory {
  isRegionCode(code: string): boolean;
  /** the unit's own name ('诸暨市', '徐汇区', '浙江省'), or undefined when the code is not in our table */
  regionName(code: string): string | undefined;
  /** the full path, e.g. '浙江省绍兴市诸暨市', '上海市徐汇区'; undefined when the unit itself is unknown */
  regionFullName(code: string): string | undefined;
}

/** Built at start; a partner naming a code outside its province, a province, or a code another source
 *  names differently stops the start, naming both. */
export function regionDirectory(sources: readonly RegionNameSource[]): RegionDirectory {
  const names = new Map<string, { name: string; by: string }>(Object.entries(HOME_NAMES).map(([code, name]) => [code, { name, by: 'the home region' }]));
  for (const { region, regionNames } of sources) {
    for (const [code, name] of Object.entries(regionNames)) {
      if (!isRegionCode(code) || code.endsWith('0000') || code.slice(0, 2) !== region.slice(0, 2)) {
        throw new Error(`region names of ${region}: ${code} is not a prefecture or county of its province ${region.slice(0, 2)}`);
      }
      const known = names.get(code);
      if (known && known.name !== name) throw new Error(`region names of ${region}: ${code} is「${name}」, but ${known.by} names it「${known.name}」`);
      names.set(code, { name, by: region });
    }
  }
  const regionName = (code: string): string | undefined => {
    if (!isRegionCode(code)) return undefined;
    if (code.endsWith('0000')) return PROVINCES[code.slice(0, 2)];
    return names.get(code)?.name;
  };
  return {
    isRegionCode,
    regionName,
    regionFullName(code) {
      const own = regionName(code);
      if (own === undefined) return undefined;
      const province = PROVINCES[code.slice(0, 2)] ?? '';
      if (code.endsWith('0000')) return province;
      const prefecture = code.endsWith('00') ? undefined : names.get(`${code.slice(0, 4)}00`)?.name;
      return `${province}${prefecture ?? ''}${own}`;
    },
  };
}
