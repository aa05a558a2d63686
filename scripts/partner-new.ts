// npm run partner:new <code> <name> [单位名称]: a skeleton partner region that passes the conformance kit
// against its own simulator: partners/<code>-<name>/, contracts/partners/<code>-<name>.yaml and its
// generated types. It writes nothing when an argument is wrong, and never overwrites a file.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contractTypes, generatedFile } from './contract-types.js';
import { parseArgs, planSkeleton, Refusal, type Skeleton } from './partner-new/args.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const templates = path.join(root, 'scripts', 'partner-new', 'templates');

function render(text: string, values: Record<string, string>, file: string): string {
  const out = text.replace(/\{\{([A-Z_]+)\}\}/g, (all, key: string) => values[key] ?? all);
  const left = /\{\{[A-Z_]+\}\}/.exec(out);
  if (left) throw new Error(`${file}: no value for ${left[0]}`);
  return out;
}

async function write(s: Skeleton): Promise<string[]> {
  const contract = `partners/${s.folder}.yaml`;
  const written: string[] = [];
  const put = async (rel: string, text: string): Promise<void> => {
    // 'wx': a file that appeared since the checks is not overwritten
    await writeFile(path.join(root, rel), text, { flag: 'wx' });
    written.push(rel);
  };
  await mkdir(path.join(root, 'partners', s.folder));
  try {
    for (const t of (await readdir(templates)).sort()) {
      const text = render(await readFile(path.join(templates, t), 'utf8'), s.values, t);
      const name = t.replace(/\.tpl$/, '');
      await put(name === 'contract.yaml' ? `contracts/${contract}` : `partners/${s.folder}/${name}`, text);
    }
    await put(path.relative(root, generatedFile(path.join(root, 'contracts'), contract)), await contractTypes(path.join(root, 'contracts'), contract));
  } catch (e) {
    // half a skeleton helps nobody: take back what this run wrote
    await Promise.all([...written.map((f) => rm(path.join(root, f), { force: true })), rm(path.join(root, 'partners', s.folder), { recursive: true, force: true })]);
    throw e;
  }
  return written;
}

try {
  const wanted = parseArgs(process.argv.slice(2));
  // the registry loads every partner: only once the arguments are known to be well-formed
  const { PARTNERS } = await import('../partners/index.js');
  const s = planSkeleton(wanted, root, PARTNERS.map((m) => m.region));
  const written = await write(s);
  console.log(`已生成 ${s.values.NAME}（${s.region}）的骨架：\n${written.map((f) => `  ${f}`).join('\n')}`);
  console.log(`\n在 partners/index.ts 中登记：加入这一行，并把 ${s.slug} 加进 PARTNERS 列表\n  import { partner as ${s.slug} } from './${s.folder}/index.js';`);
  console.log([
    '\n接下来：',
    `  1. 按对方正式接口规范修改 contracts/partners/${s.folder}.yaml，替换 partners/${s.folder}/README.md 中的“假设”“待确认”`,
    '  2. npm run contracts:gen                          # 契约改动后重新生成类型',
    `  3. npx vitest run partners/${s.folder}            # 映射表测试`,
    '  4. npx vitest run tests/conformance               # 一致性测试套件（登记后）',
    `  5. npm run -s deps:check && npx tsc --noEmit -p . && npx eslint partners/${s.folder}`,
  ].join('\n'));
} catch (e) {
  if (!(e instanceof Refusal)) throw e;
  console.error(e.message);
  process.exit(2);
}
