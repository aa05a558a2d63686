// Material files and documents (blobs) in the store's database, on both engines.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { BlobNotFoundError, type Store } from '../../../gateway/src/store/index.js';
import { TINY_PDF } from '../../support/fixtures.js';
import { ENGINES, testStores, type TestStores } from '../../support/storeTargets.js';

describe.each(ENGINES)('blobs on %s', (engine) => {
  let stores: TestStores;
  let store: Store;
  beforeEach(async () => {
    stores = await testStores(engine, 'blobs');
    store = (await stores.open()).store;
  });
  afterEach(async () => { await stores.dispose(); });

  test('a stored blob reads back byte for byte after a restart', async () => {
    const big = Buffer.concat([TINY_PDF, Buffer.alloc(3 * 1024 * 1024, 0x5a)]);
    await store.putBlob('case-00001', 'm1', big);
    await stores.closeAll();
    store = (await stores.open()).store;
    expect((await store.getBlob('case-00001', 'm1')).equals(big)).toBe(true);
  });

  test('storing a blob again replaces it whole', async () => {
    await store.putBlob('case-00001', 'm1', Buffer.alloc(1000, 1));
    await store.putBlob('case-00001', 'm1', Buffer.from('short'));
    expect((await store.getBlob('case-00001', 'm1')).toString()).toBe('short');
  });

  test('a blob that is not there is a BlobNotFoundError naming the case and the name', async () => {
    const err = await store.getBlob('case-00001', 'nope').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlobNotFoundError);
    expect(err).toMatchObject({ caseId: 'case-00001', blobName: 'nope' });
  });
});
