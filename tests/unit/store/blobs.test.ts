import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { BlobNotFoundError } from '../../../gateway/src/store/blobs.js';
import { createLowStore, type LowStore } from '../../../gateway/src/store/lowStore.js';
import { TINY_PDF, TINY_PNG } from '../../support/fixtures.js';

let dir: string;
let root: string;
const opened: LowStore[] = [];

async function open(): Promise<LowStore> {
  const store = createLowStore({ dataDir: dir });
  await store.init();
  opened.push(store);
  return store;
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'store-blobs-'));
  dir = join(root, 'data');
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await rm(root, { recursive: true, force: true });
});

describe('material files and result documents (blobs)', () => {
  test('a stored blob is on disk when the promise resolves and reads back byte for byte after a restart', async () => {
    const first = await open();
    await first.putBlob('case-00001', 'm1.pdf', TINY_PDF);
    await first.putBlob('case-00001', 'm2.png', TINY_PNG);
    expect(await readFile(join(dir, 'blobs', 'case-00001', 'm1.pdf'))).toEqual(TINY_PDF);
    await first.close();

    const second = await open();
    expect(await second.getBlob('case-00001', 'm1.pdf')).toEqual(TINY_PDF);
    expect(await second.getBlob('case-00001', 'm2.png')).toEqual(TINY_PNG);
    // no temp file is left beside them
    expect((await readdir(join(dir, 'blobs', 'case-00001'))).sort()).toEqual(['m1.pdf', 'm2.png']);
  });

  test('storing a blob again replaces it whole', async () => {
    const store = await open();
    await store.putBlob('case-00001', 'result.pdf', TINY_PNG);
    await store.putBlob('case-00001', 'result.pdf', TINY_PDF);
    expect(await store.getBlob('case-00001', 'result.pdf')).toEqual(TINY_PDF);
  });

  test.each([['../../etc/passwd'], ['..'], ['.'], ['a/b'], ['a\\b'], [''], ['结果.pdf'], ['x'.repeat(129)], ['a\u0000b']])(
    'the name %j is refused and nothing is written',
    async (name) => {
      const store = await open();
      await expect(store.putBlob('case-00001', name, TINY_PDF)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(store.putBlob(name, 'm1.pdf', TINY_PDF)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(store.getBlob('case-00001', name)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(await readdir(join(dir, 'blobs'))).toEqual([]);
      expect((await readdir(root)).sort()).toEqual(['data']);
    },
  );

  test('a blob that is not there is a BlobNotFoundError naming the case and the file', async () => {
    const store = await open();
    const err = await store.getBlob('case-00001', 'missing.pdf').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlobNotFoundError);
    expect(err).toMatchObject({ code: 'BLOB_NOT_FOUND', caseId: 'case-00001', blobName: 'missing.pdf' });
    expect(String((err as Error).message)).toContain('missing.pdf');
  });
});
