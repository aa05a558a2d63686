// For tests that look at what a gateway keeps on disk, where personal data is sealed
// (gateway/src/store/personalData.ts): every file under a directory, a case's document, and the
// codec of a world's keyring to read or change a stored blob as the store would.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readKeyringFile } from '../../gateway/src/store/keyring.js';
import { shardOf } from '../../gateway/src/store/paths.js';
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

export const caseFileOf = (dataDir: string, caseId: string): string => path.join(dataDir, 'cases', shardOf(caseId), `${caseId}.json`);

/** the stored record of a case as it is on disk (sealed) */
export async function storedRecord(dataDir: string, caseId: string): Promise<any> {
  return JSON.parse(await readFile(caseFileOf(dataDir, caseId), 'utf8')).record;
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
export async function rewriteBlob(opts: { dataDir: string; keysFile: string; caseId: string; name: string }, change: (bytes: Buffer) => Buffer): Promise<void> {
  const codec = await codecOf(opts.keysFile);
  const file = path.join(opts.dataDir, 'blobs', opts.caseId, opts.name);
  const plain = codec.openBlob(opts.caseId, opts.name, await readFile(file));
  await writeFile(file, codec.sealBlob(opts.caseId, opts.name, change(plain)));
}
