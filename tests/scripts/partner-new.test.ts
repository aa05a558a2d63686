// npm run partner:new through its front door (the command line): the skeleton it writes into the
// repository passes every conformance check that applies to what its adapter declares, against its own
// simulator, and every file it wrote is removed afterwards, also when a check fails. It refuses, writing
// nothing, what it must not make.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PartnerModule } from '../../gateway/src/ports/partner.js';
import { ROOT } from '../../gateway/src/root.js';
import { checksFor, simControl, startPartnerWorld, type KitWorld } from '../conformance/kit/index.js';
import { devSettings } from '../support/world.js';

// 济南市历下区: a real county code no registered partner uses
const REGION = '370102';
const FOLDER = `${REGION}-lixia`;
const WRITTEN = [`partners/${FOLDER}`, `contracts/partners/${FOLDER}.yaml`, `contracts/generated/${FOLDER}.ts`];

interface Run { code: number; stdout: string; stderr: string }

async function partnerNew(...args: string[]): Promise<Run> {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, ['scripts/partner-new.ts', ...args], { cwd: ROOT, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const removeSkeleton = () => Promise.all(WRITTEN.map((f) => rm(path.join(ROOT, f), { recursive: true, force: true })));

// Generated while the file is collected, since which checks run depends on the adapter it makes. What an
// earlier run that was killed left behind goes first; whatever fails here takes the skeleton with it.
await removeSkeleton();
const made = await partnerNew(REGION, 'lixia', '历下区');
let skeleton: PartnerModule;
try {
  if (made.code !== 0) throw new Error(`partner:new failed (${made.code}): ${made.stderr}`);
  skeleton = ((await import(pathToFileURL(path.join(ROOT, 'partners', FOLDER, 'index.ts')).href)) as { partner: PartnerModule }).partner;
} catch (e) {
  await removeSkeleton();
  throw e;
}

describe(`npm run partner:new ${REGION} lixia 历下区`, () => {
  let world: KitWorld | undefined;
  beforeAll(async () => { world = await startPartnerWorld(skeleton); });
  afterAll(async () => {
    try {
      await world?.close();
    } finally {
      await removeSkeleton();
    }
  });

  test('writes the folder, the contract and its generated types, and says what to add to partners/index.ts and what to run next', () => {
    expect(WRITTEN.map((f) => existsSync(path.join(ROOT, f)))).toEqual([true, true, true]);
    expect(made.stdout).toContain(`import { partner as lixia } from './${FOLDER}/index.js';`);
    expect(made.stdout).toContain('npm run contracts:gen');
    expect(made.stdout).toContain('npx vitest run tests/conformance');
    expect({ region: skeleton.region, name: skeleton.name, regionNames: skeleton.regionNames }).toEqual({ region: REGION, name: '山东省历下区', regionNames: { [REGION]: '历下区' } });
  });

  test('the skeleton declares only what it implements: delivery and status by callback, no 补正, no 撤件', () => {
    const adapter = skeleton.createAdapter(devSettings(skeleton));
    expect(adapter.capabilities).toEqual({ supplement: false, cancel: false, statusBy: 'callback', results: 'inline' });
    expect([adapter.cancel, adapter.report, adapter.pollStatus]).toEqual([undefined, undefined, undefined]);
  });

  test('a second run for the same region refuses and leaves the skeleton as it is', async () => {
    const again = await partnerNew(REGION, 'lixia');
    expect([again.code, again.stderr.trim()]).toEqual([2, `partners/${FOLDER} 已存在（同一行政区划代码），不覆盖任何文件`]);
    const other = await partnerNew(REGION, 'jinan');
    expect([other.code, other.stderr.trim()]).toEqual([2, `partners/${FOLDER} 已存在（同一行政区划代码），不覆盖任何文件`]);
    expect(existsSync(path.join(ROOT, 'partners', `${REGION}-jinan`))).toBe(false);
  });

  describe('holds to the conformance kit against its own simulator', () => {
    for (const check of checksFor(skeleton.createAdapter(devSettings(skeleton)))) {
      test(check.name, () => check.run(world!, simControl(world!.sim.url)));
    }
  });
});

describe('npm run partner:new refuses, writing nothing', () => {
  test.concurrent.each<[string, { given: string[]; want: string; folder?: string }]>([
    ['a code with no province behind it', { given: ['990101', 'nowhere'], want: '「990101」不是有效的 GB/T 2260 行政区划代码（六位数字，前两位为省级代码）', folder: '990101-nowhere' }],
    ['five digits', { given: ['37010', 'lixia'], want: '「37010」不是有效的 GB/T 2260 行政区划代码（六位数字，前两位为省级代码）' }],
    ['a province with a county part', { given: ['370001', 'lixia'], want: '「370001」不是有效的 GB/T 2260 行政区划代码（六位数字，前两位为省级代码）', folder: '370001-lixia' }],
    ['a folder name with capitals', { given: ['370103', 'Shizhong'], want: '目录名「Shizhong」须为 2 至 32 个小写英文字母（拼音），如 lixia', folder: '370103-Shizhong' }],
    ['a folder name that climbs out', { given: ['370103', '../x'], want: '目录名「../x」须为 2 至 32 个小写英文字母（拼音），如 lixia' }],
    ['a registered region', { given: ['310104', 'xuhuierqi'], want: '行政区划 310104 已在 partners/index.ts 中登记，不能再生成', folder: '310104-xuhuierqi' }],
    ['no folder name', { given: ['370103'], want: '用法：npm run partner:new <六位行政区划代码> <小写拼音目录名> [单位名称]，例如 npm run partner:new 370102 lixia 历下区' }],
  ])('%s', async (_name, { given, want, folder }) => {
    const run = await partnerNew(...given);
    expect([run.code, run.stderr.trim(), run.stdout]).toEqual([2, want, '']);
    if (folder) {
      expect([existsSync(path.join(ROOT, 'partners', folder)), existsSync(path.join(ROOT, 'contracts', 'partners', `${folder}.yaml`))]).toEqual([false, false]);
    }
  }, 60_000);
});
