// Compiles the gateway's server code (gateway/src, partners, remote-window/src/server and the protocol)
// to plain JavaScript in dist/, one file per source file, the tree kept (dist/gateway/src/main.js …), so
// that production runs `node dist/gateway/src/main.js` with no TypeScript loader in the process. Run by
// `npm run build` (and so by `npm run gateway`, the benches and the Dockerfile). Assets (contracts/,
// gateway/web, remote-window/web) are read from the repository root (gateway/src/root.ts).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['gateway/src', 'partners', 'remote-window/src/server', 'remote-window/src/protocol.ts'];

function tsFiles(rel: string): string[] {
  const abs = path.join(root, rel);
  if (rel.endsWith('.ts')) return [abs];
  return readdirSync(abs, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

const result = await esbuild.build({
  entryPoints: SOURCES.flatMap(tsFiles),
  outdir: path.join(root, 'dist'),
  outbase: root,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
if (result.errors.length > 0) process.exit(1);
console.log(`build: ${SOURCES.flatMap(tsFiles).length} files → dist/ (node dist/gateway/src/main.js)`);
