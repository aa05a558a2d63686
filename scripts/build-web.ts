// Bundles the remote window's browser code (remote-window/src/client/pages/*.ts, with mediasoup-client)
// into remote-window/web/dist/ with esbuild. Run by `npm run build:web`, and by scripts/test.sh,
// scripts/demo.sh and the Dockerfile before anything starts. `--watch` rebuilds on change.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pages = ['applicant', 'clerk'];

const options: esbuild.BuildOptions = {
  entryPoints: pages.map((p) => path.join(root, 'remote-window/src/client/pages', `${p}.ts`)),
  outdir: path.join(root, 'remote-window/web/dist'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome100', 'safari15', 'firefox100'],
  sourcemap: true,
  minify: true,
  // mediasoup-client's `debug` dependency looks at process.env in some builds.
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

if (process.argv.includes('--watch')) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  console.log('build:web watching remote-window/src/client …');
} else {
  const result = await esbuild.build({ ...options, metafile: true });
  const out = Object.entries(result.metafile?.outputs ?? {}).filter(([f]) => f.endsWith('.js'));
  for (const [file, o] of out) console.log(`build:web ${path.relative(root, file)} ${(o.bytes / 1024).toFixed(0)} KB`);
}
