// The gateway as a real child process (the TypeScript source through tsx, or the built dist/), for the
// crash tests and the benches.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env } from './world.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface GatewayProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** Children still running; killed when this test process exits, so a test that times out leaks none. */
const live = new Set<ChildProcess>();
process.once('exit', () => { for (const c of live) c.kill('SIGKILL'); });

/**
 * `built`: the production artifact (node dist/gateway/src/main.js, made by `npm run build`), as the
 * benches run it; otherwise the TypeScript source through tsx.
 */
export async function spawnGateway(env: Env, baseUrl: string, opts: { built?: boolean } = {}): Promise<GatewayProcess> {
  const entry = opts.built ? ['--enable-source-maps', path.join(root, 'dist/gateway/src/main.js')] : ['--import', 'tsx', path.join(root, 'gateway/src/main.ts')];
  const child = spawn(process.execPath, [...(process.env.KYTB_CHILD_NODE_ARGS ?? '').split(' ').filter(Boolean), ...entry], {
    cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  live.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => { live.delete(child); resolve(code); }));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gateway exited during start: ${out}`);
    try {
      const r = await fetch(`${baseUrl}/readyz`);
      if (r.status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`gateway did not become ready: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => out, exited };
}
