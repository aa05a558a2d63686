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

/** Prefectures and counties we name. Each entry is the unit's own name; the path is composed from the code. */
const LOCAL_NAMES: Readonly<Record<string, string>> = {
  // 浙江省: our home region and its neighbours
  '330100': '杭州市',
  '330600': '绍兴市',
  '330602': '越城区',
  '330603': '柯桥区',
  '330604': '上虞区',
  '330624': '新昌县',
  '330681': '诸暨市',
  '330683': '嵊州市',
  // 上海市: 310100 is 市辖区, a statistical grouping that is not part of a place's name
  '310101': '黄浦区',
  '310104': '徐汇区',
  // 陕西省
  '610100': '西安市',
  '610700': '汉中市',
  '610702': '汉台区',
  '610703': '南郑区',
  // 宁夏回族自治区
  '640100': '银川市',
  '640104': '兴庆区',
  '640200': '石嘴山市',
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

/** The unit's own name ('诸暨市', '徐汇区', '浙江省'), or undefined when the code is not in our table. */
export function regionName(code: string): string | undefined {
  if (!isRegionCode(code)) return undefined;
  if (code.endsWith('0000')) return PROVINCES[code.slice(0, 2)];
  return LOCAL_NAMES[code];
}

/** The full path, e.g. '浙江省绍兴市诸暨市', '上海市徐汇区'; undefined when the unit itself is unknown. */
export function regionFullName(code: string): string | undefined {
  const own = regionName(code);
  if (own === undefined) return undefined;
  const province = PROVINCES[code.slice(0, 2)] ?? '';
  if (code.endsWith('0000')) return province;
  const prefecture = code.endsWith('00') ? undefined : LOCAL_NAMES[`${code.slice(0, 4)}00`];
  return `${province}${prefecture ?? ''}${own}`;
}
