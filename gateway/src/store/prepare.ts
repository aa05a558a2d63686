// Data directory set-up at start: every directory a write may need is created (and made durable)
// here, so the hot path never has to mkdir.
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDir } from './durableFile.js';
import type { StoreLogger } from './logger.js';
import { SHARDS, type Layout } from './paths.js';

export async function prepareDataDir(layout: Layout, fsync: boolean): Promise<void> {
  await mkdir(layout.root, { recursive: true });
  for (const dir of [layout.casesDir, layout.auditDir]) {
    await mkdir(dir, { recursive: true });
    await Promise.all(SHARDS.map((s) => mkdir(join(dir, s), { recursive: true })));
    if (fsync) await fsyncDir(dir);
  }
  await mkdir(layout.blobsDir, { recursive: true });
  await mkdir(layout.walDir, { recursive: true });
  if (fsync) await fsyncDir(layout.root);
}

/** temp files of writes a crash interrupted: their promise never resolved, so nobody was told they succeeded */
export async function removeLeftovers(paths: string[], log: StoreLogger): Promise<void> {
  if (paths.length === 0) return;
  log.warn({ count: paths.length, files: paths.slice(0, 10) }, 'removing temp files left by interrupted writes');
  await Promise.all(paths.map((p) => unlink(p).catch((err: unknown) => log.error({ err, file: p }, 'cannot remove temp file'))));
}
