// Generates TypeScript types from every OpenAPI contract under contracts/ with openapi-typescript.
//   tsx scripts/gen-contract-types.ts          write contracts/generated/*.ts
//   tsx scripts/gen-contract-types.ts --check  fail if any generated file is stale (part of npm test)
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contractTypes, generatedFile } from './contract-types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const contractsDir = path.join(root, 'contracts');
const outDir = path.join(contractsDir, 'generated');
const check = process.argv.includes('--check');

async function contracts(): Promise<string[]> {
  const top = (await readdir(contractsDir)).filter((f) => f.endsWith('.yaml')).map((f) => f);
  const partners = (await readdir(path.join(contractsDir, 'partners'))).filter((f) => f.endsWith('.yaml')).map((f) => `partners/${f}`);
  return [...top, ...partners].sort();
}

let stale = 0;
await mkdir(outDir, { recursive: true });
for (const rel of await contracts()) {
  const text = await contractTypes(contractsDir, rel);
  const out = generatedFile(contractsDir, rel);
  const current = await readFile(out, 'utf8').catch(() => '');
  if (current === text) continue;
  if (check) {
    stale += 1;
    console.error(`stale: ${path.relative(root, out)} does not match contracts/${rel} (run npm run contracts:gen)`);
  } else {
    await writeFile(out, text);
    console.log(`wrote ${path.relative(root, out)}`);
  }
}
if (stale > 0) process.exit(1);
console.log(check ? 'contract types are up to date' : 'contract types generated');
