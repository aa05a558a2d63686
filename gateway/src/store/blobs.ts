// Material files and result documents: blobs/<caseId>/<name>, each written durably.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDir, isNotFound, writeFileDurable } from './durableFile.js';
import { assertSafeName, type Layout } from './paths.js';

/** Not in the HTTP error catalogue on purpose: a missing blob of a stored case is an internal fault (500). */
export class BlobNotFoundError extends Error {
  readonly code = 'BLOB_NOT_FOUND';
  constructor(
    readonly caseId: string,
    readonly blobName: string,
  ) {
    super(`blob ${blobName} of case ${caseId} is not in the store`);
    this.name = 'BlobNotFoundError';
  }
}

export function createBlobs(layout: Layout, fsync: boolean) {
  const knownDirs = new Set<string>();

  async function ensureDir(caseId: string): Promise<string> {
    const dir = layout.blobDir(caseId);
    if (knownDirs.has(dir)) return dir;
    const created = await mkdir(dir, { recursive: true });
    // a new directory entry is durable only once its parent is synced
    if (created !== undefined && fsync) await fsyncDir(layout.blobsDir);
    knownDirs.add(dir);
    return dir;
  }

  return {
    async put(caseId: string, name: string, bytes: Buffer): Promise<void> {
      assertSafeName('case id', caseId);
      assertSafeName('blob name', name);
      await writeFileDurable(join(await ensureDir(caseId), name), bytes, fsync);
    },
    async get(caseId: string, name: string): Promise<Buffer> {
      assertSafeName('case id', caseId);
      assertSafeName('blob name', name);
      try {
        return await readFile(join(layout.blobDir(caseId), name));
      } catch (e) {
        if (isNotFound(e)) throw new BlobNotFoundError(caseId, name);
        throw e;
      }
    },
  };
}
