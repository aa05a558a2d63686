// For tests that look at what a gateway keeps on disk, where personal data is sealed
// (gateway/src/store/personalData.ts): every file under a directory, a case's stored row, and the
// codec of a world's keyring to read or change a stored blob as the store would.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readKeyringFile } from '../../gateway/src/store/keyring.js';
import type { Config } from '../../gateway/src/config.js';
import { openDatabase, type SqlDatabase } from '../../gateway/src/store/sql/database.js';
import { createPersonalDataCodec, type PersonalDataCodec } from '../../gateway/src/store/personalData.js';

/** every file under `dir`, recursively */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(p)));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

/** the stored record of a case as the database holds it (sealed) */
export async function storedRecord(database: SqlDatabase, caseId: string): Promise<any> {
  const row = await database.db.selectFrom('cases').select('record').where('id', '=', caseId).executeTakeFirstOrThrow();
  return JSON.parse(row.record);
}

/** a blob as the database holds it (sealed) */
export async function storedBlob(database: SqlDatabase, caseId: string, name: string): Promise<Buffer> {
  const row = await database.db.selectFrom('blobs').select('bytes').where('case_id', '=', caseId).where('name', '=', name).executeTakeFirstOrThrow();
  return Buffer.from(row.bytes);
}

/** the database of a stopped gateway (its config.store), for `use`, then closed again */
export async function whileStopped<T>(store: Config['store'], use: (database: SqlDatabase) => Promise<T>): Promise<T> {
  const database = await openDatabase(store.engine === 'sqlite' ? { engine: 'sqlite', file: store.file } : { engine: 'postgres', url: store.url });
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

/** the key id a sealed value (`pii1.<key id>.…`) or a sealed blob (`KYPB`, 1, length, key id …) was sealed with */
export function sealedKeyId(sealed: string | Buffer): string {
  if (typeof sealed === 'string') return sealed.split('.')[1] ?? '';
  return sealed.subarray(6, 6 + (sealed[5] ?? 0)).toString('latin1');
}

export async function codecOf(keysFile: string): Promise<PersonalDataCodec> {
  return createPersonalDataCodec(await readKeyringFile(keysFile));
}

/** changes a stored blob's content the way a storage fault or tampering before sealing would: it still opens */
export async function rewriteBlob(opts: { database: SqlDatabase; keysFile: string; caseId: string; name: string }, change: (bytes: Buffer) => Buffer): Promise<void> {
  const codec = await codecOf(opts.keysFile);
  const plain = codec.openBlob(opts.caseId, opts.name, await storedBlob(opts.database, opts.caseId, opts.name));
  await opts.database.db.updateTable('blobs').set({ bytes: codec.sealBlob(opts.caseId, opts.name, change(plain)) }).where('case_id', '=', opts.caseId).where('name', '=', opts.name).execute();
}
