// The repository root, where the assets the gateway serves and reads are (contracts/, gateway/web,
// remote-window/web): found from this module's place whether it runs from gateway/src (tsx, tests) or
// compiled from dist/gateway/src (production).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'contracts', 'gateway.yaml'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no contracts/gateway.yaml above ${from}`);
  }
}

export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
