// Key files: read, or made once (mode 0600, written whole to a temporary file and linked into place, so
// that two processes starting together end up with one key and nobody reads half a file). What a key
// is and how it is made belongs to its owner (receipts/keys.ts); where it lives and how it is written, here.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

export const readKeyFile = (file: string): Promise<Buffer> => readFile(file);

/** the file's content, or, when there is no file yet, `make()`'s, written there first */
export async function readOrCreateKeyFile(file: string, make: () => string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const made = Buffer.from(make());
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(made);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(tmp, file);
    return made;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return readFile(file);
  } finally {
    await unlink(tmp);
  }
}
