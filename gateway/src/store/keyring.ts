// The keys that protect personal data at rest (personalData.ts): AES-256-GCM keys by id, one of them
// current (new values are sealed with it, old ones open with the key their id names), and one HMAC key
// for the blind index of ID numbers, which never rotates (a new one would orphan every index entry).
// Kept in one JSON file outside the data directory (PII_KEYS_FILE), mode 0600, like the signing key:
// a copy of the data directory alone reveals no personal data.
//
//   { "format": "kytb-pii-keys/1", "current": "<id>",
//     "keys": { "<id>": { "key": "<base64, 32 bytes>", "createdAt": "<ISO>" }, … },
//     "lookupKey": "<base64, 32 bytes>" }
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

export const KEYRING_FORMAT = 'kytb-pii-keys/1';
const KEY_BYTES = 32;
/** ids appear inside every sealed value, so they are short and safe between its separators */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export interface DataKey {
  key: Buffer;
  createdAt: string;
}

export interface Keyring {
  /** the id of the key new values are sealed with */
  current: string;
  keys: ReadonlyMap<string, DataKey>;
  /** HMAC-SHA256 key of the blind index (lookups by ID number); does not rotate */
  lookupKey: Buffer;
}

/** A keyring file that cannot be used; the message says what is wrong with it, not its content. */
export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringError';
  }
}

const newKeyId = (): string => randomBytes(4).toString('hex');

export function generateKeyring(now: Date = new Date()): Keyring {
  const id = newKeyId();
  return { current: id, keys: new Map([[id, { key: randomBytes(KEY_BYTES), createdAt: now.toISOString() }]]), lookupKey: randomBytes(KEY_BYTES) };
}

/** a new data key, made current; the old ones stay to open what they sealed; the lookup key stays */
export function rotateKeyring(ring: Keyring, now: Date = new Date()): Keyring {
  let id = newKeyId();
  while (ring.keys.has(id)) id = newKeyId();
  return { current: id, keys: new Map([...ring.keys, [id, { key: randomBytes(KEY_BYTES), createdAt: now.toISOString() }]]), lookupKey: ring.lookupKey };
}

function key32(value: unknown, what: string): Buffer {
  const bytes = typeof value === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : undefined;
  if (!bytes || bytes.length !== KEY_BYTES) throw new KeyringError(`${what} must be ${KEY_BYTES} bytes in base64`);
  return bytes;
}

export function parseKeyring(text: string): Keyring {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new KeyringError('is not JSON');
  }
  const o = raw as { format?: unknown; current?: unknown; keys?: unknown; lookupKey?: unknown } | null;
  if (!o || typeof o !== 'object' || o.format !== KEYRING_FORMAT) throw new KeyringError(`is not a keyring (format must be "${KEYRING_FORMAT}")`);
  if (!o.keys || typeof o.keys !== 'object') throw new KeyringError('has no "keys"');
  const keys = new Map<string, DataKey>();
  for (const [id, entry] of Object.entries(o.keys as Record<string, { key?: unknown; createdAt?: unknown }>)) {
    if (!KEY_ID.test(id)) throw new KeyringError(`key id ${JSON.stringify(id)} may contain only A–Z a–z 0–9 _ - (at most 32)`);
    if (typeof entry?.createdAt !== 'string' || Number.isNaN(Date.parse(entry.createdAt))) throw new KeyringError(`key ${id} needs an ISO "createdAt"`);
    keys.set(id, { key: key32(entry.key, `key ${id}`), createdAt: entry.createdAt });
  }
  if (typeof o.current !== 'string' || !keys.has(o.current)) throw new KeyringError('"current" must name one of its keys');
  return { current: o.current, keys, lookupKey: key32(o.lookupKey, '"lookupKey"') };
}

export function keyringJson(ring: Keyring): string {
  const keys = Object.fromEntries([...ring.keys].map(([id, k]) => [id, { key: k.key.toString('base64'), createdAt: k.createdAt }]));
  return `${JSON.stringify({ format: KEYRING_FORMAT, current: ring.current, keys, lookupKey: ring.lookupKey.toString('base64') }, null, 2)}\n`;
}

/** the whole file written to a temporary file (0600) and synced, so nobody ever reads half a keyring */
async function writeTemp(file: string, ring: Keyring): Promise<string> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(keyringJson(ring));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return tmp;
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** replaces the file atomically (rename), keeping mode 0600 */
export async function writeKeyringFile(file: string, ring: Keyring): Promise<void> {
  const tmp = await writeTemp(file, ring);
  try {
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  syncDir(path.dirname(file));
}

export async function readKeyringFile(file: string): Promise<Keyring> {
  const { mode } = await stat(file);
  // like ssh with its private keys: a key others can read is refused, not silently used
  if ((mode & 0o077) !== 0) throw new KeyringError(`is readable by group or others (mode ${(mode & 0o777).toString(8)}); chmod 600 it`);
  return parseKeyring(await readFile(file, 'utf8'));
}

/** a new keyring linked into place, or undefined when `file` exists: link() never replaces a file */
async function linkNew(file: string): Promise<Keyring | undefined> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const made = generateKeyring();
  const tmp = await writeTemp(file, made);
  try {
    await link(tmp, file);
    syncDir(path.dirname(file));
    return made;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw e;
  } finally {
    await unlink(tmp);
  }
}

/** a new keyring in `file` (its directory made 0700 if need be); one already there is an error, never replaced */
export async function createKeyringFile(file: string): Promise<Keyring> {
  const made = await linkNew(file);
  if (!made) throw new KeyringError('already exists: a new keyring in its place would make everything it sealed unreadable');
  return made;
}

/**
 * The keyring in `file`. When it does not exist: with `create` (development, tests) a new one is made
 * there, otherwise (production) that is an error: a fresh keyring where one was expected would make
 * every sealed value unreadable.
 */
export async function openKeyringFile(opts: { file: string; create: boolean }): Promise<Keyring> {
  try {
    return await readKeyringFile(opts.file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    if (!opts.create) throw new KeyringError('names a file that does not exist');
  }
  // another process may have made it meanwhile: then that one is used
  return (await linkNew(opts.file)) ?? readKeyringFile(opts.file);
}
