// The audit trail on disk: one JSON Lines file per case, appended by the chainer. Appends are not
// fsynced here: auditSync.ts syncs the touched files in batches before the audit checkpoint moves.
import { closeSync, constants, fstatSync, ftruncateSync, openSync, readFileSync, readSync } from 'node:fs';
import { isNotFound, openAsync, readTextIfExists, writeAll } from './durableFile.js';
import type { StoreLogger } from './logger.js';
import type { AuditEntry } from './types.js';

/** prev of a case's first audit entry (as audit/hash.ts, which the store does not import) */
const GENESIS = '0'.repeat(64);

/**
 * Appends the entries. An existing file is opened in place (a few µs); only a new one goes through
 * libuv's pool, because creating a file is slow here (~300 µs). A crash in the middle of an earlier
 * append can leave a torn last line: it is cut off first, so new lines never get glued onto garbage.
 * Returns whether the file was created (its directory then needs a sync).
 */
export async function appendAuditFile(path: string, entries: AuditEntry[], log: StoreLogger): Promise<{ created: boolean }> {
  if (entries.length === 0) return { created: false };
  const text = entries.map((e) => JSON.stringify(e)).join('\n') + '\n';
  let fd: number;
  let created = false;
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_APPEND);
  } catch (e) {
    if (!isNotFound(e)) throw e;
    fd = await openAsync(path, 'a+');
    created = true;
  }
  try {
    const { size } = fstatSync(fd);
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) {
        const keep = readFileSync(path).lastIndexOf(0x0a) + 1;
        ftruncateSync(fd, keep);
        log.warn({ path, dropped: size - keep }, 'cut a torn last line off an audit file (an append was interrupted)');
      }
    }
    await writeAll(fd, text);
  } finally {
    closeSync(fd);
  }
  return { created };
}

/**
 * The seq and hash of the last complete entry, parsing only that line (a chainer whose head cache
 * missed needs nothing else). Undefined when the file's end is not a clean entry: the caller then
 * reads the whole trail, which logs what is wrong.
 */
export function readAuditHead(path: string): { seq: number; hash: string } | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    if (isNotFound(e)) return { seq: 0, hash: GENESIS };
    throw e;
  }
  if (buf.length === 0) return { seq: 0, hash: GENESIS };
  if (buf[buf.length - 1] !== 0x0a) return undefined;
  try {
    const last = JSON.parse(buf.toString('utf8', buf.lastIndexOf(0x0a, buf.length - 2) + 1, buf.length - 1)) as Partial<AuditEntry>;
    return typeof last.seq === 'number' && typeof last.hash === 'string' ? { seq: last.seq, hash: last.hash } : undefined;
  } catch {
    return undefined;
  }
}

export async function readAuditFile(path: string, log: StoreLogger): Promise<AuditEntry[]> {
  const text = readTextIfExists(path);
  if (text === undefined) return [];
  const lines = text.split('\n');
  // the last piece is '' after a complete final line; otherwise it is the torn end of an interrupted append
  const tail = lines.pop();
  if (tail) log.warn({ path, bytes: tail.length }, 'ignoring a torn last line of an audit file');
  const entries: AuditEntry[] = [];
  lines.forEach((line, i) => {
    try {
      entries.push(JSON.parse(line) as AuditEntry);
    } catch {
      // kept out rather than thrown: verification then reports the gap with its seq
      log.error({ path, line: i + 1 }, 'audit file line is not JSON');
    }
  });
  return entries;
}
