// What `npm run partner:new <code> <name> [单位名称]` may make: the arguments checked against GB/T 2260,
// the registry and what is already on disk, and every value the skeleton's templates need.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { makeCreditCode } from '../../gateway/src/domain/creditCode.js';
import { isRegionCode, PROVINCES } from '../../gateway/src/domain/region.js';

export interface Skeleton {
  region: string;
  slug: string;
  folder: string;
  /** placeholder → value, for the templates */
  values: Record<string, string>;
}

export class Refusal extends Error {}

const USAGE = '用法：npm run partner:new <六位行政区划代码> <小写拼音目录名> [单位名称]，例如 npm run partner:new 370102 lixia 历下区';

export interface Wanted { region: string; slug: string; unit: string | undefined }

/** what the arguments ask for, checked on their own (before the registry is loaded) */
export function parseArgs(args: readonly string[]): Wanted {
  const [region, slug, unit, ...rest] = args;
  if (!region || !slug || rest.length > 0) throw new Refusal(USAGE);
  if (!isRegionCode(region)) throw new Refusal(`「${region}」不是有效的 GB/T 2260 行政区划代码（六位数字，前两位为省级代码）`);
  if (!/^[a-z]{2,32}$/.test(slug)) throw new Refusal(`目录名「${slug}」须为 2 至 32 个小写英文字母（拼音），如 lixia`);
  if (unit !== undefined && !/^[\u4e00-\u9fa5]{2,20}$/.test(unit)) throw new Refusal(`单位名称「${unit}」须为 2 至 20 个汉字，如 历下区`);
  return { region, slug, unit };
}

/** the skeleton to write, unless the region is registered or anything it would write is there; `registered`
 *  are the regions in partners/index.ts */
export function planSkeleton({ region, slug, unit }: Wanted, root: string, registered: readonly string[]): Skeleton {
  if (registered.includes(region)) throw new Refusal(`行政区划 ${region} 已在 partners/index.ts 中登记，不能再生成`);
  const folder = `${region}-${slug}`;
  const sameCode = readdirSync(path.join(root, 'partners')).filter((f) => f.startsWith(`${region}-`));
  if (sameCode.length > 0) throw new Refusal(`partners/${sameCode[0]} 已存在（同一行政区划代码），不覆盖任何文件`);
  for (const rel of [`partners/${folder}`, `contracts/partners/${folder}.yaml`, `contracts/generated/${folder}.ts`]) {
    if (existsSync(path.join(root, rel))) throw new Refusal(`${rel} 已存在，不覆盖任何文件`);
  }
  const province = PROVINCES[region.slice(0, 2)]!;
  const whole = region.endsWith('0000');
  const name = whole ? province : unit ? `${province}${unit}` : `${province}（${region}）`;
  const creditCode = makeCreditCode('11', region, `MB${region}`);
  return {
    region, slug, folder,
    values: {
      REGION: region, SLUG: slug, FOLDER: folder, NAME: name,
      PREFIX: slug.slice(0, 4).toUpperCase(),
      PORT: `71${region.slice(0, 2)}`,
      IMPL_CODE: `${creditCode}000121009000`,
      REGION_NAMES: unit && !whole ? `{ '${region}': '${unit}' }` : '{}',
    },
  };
}
