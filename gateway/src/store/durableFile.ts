// Durable file writes. steno (lowdb's own writer) renames a temp file but never fsyncs and reuses one
// temp name; a file that must survive a power cut (blobs, the checkpoint records, documents rewritten
// at start) is written here as unique temp file → fsync → rename over the target → fsync the
// directory (the rename itself is only durable once the directory is). A SIGKILL at any point leaves
// either the old or the new file. Case writes no longer come here on their hot path: the write-ahead
// log makes them durable (wal.ts), and checkpoints fsync documents in batches (syncPaths).
//
// Which steps block the event loop was decided by measurement (1k cases, 16 updates in flight, fsync
// and audit chainer on, four alternating runs on a noisy 2-CPU VM, ext4, when every update went
// through writeFileDurable):
//   everything async (FileHandle API)        1,130–1,320 updates/s, event-loop delay p99 5.7–6.2 ms
//   everything sync except the fsyncs        1,170–1,930 updates/s, event-loop delay p99 10.5–14.9 ms
//   open(O_CREAT) + rename async, rest sync  1,360–1,430 updates/s, event-loop delay p99 6.2–9.2 ms
// Async, each small step is a round trip through libuv's four-thread pool, queued behind fsyncs;
// sync, open(O_CREAT) and rename wait on the ext4 journal while other writes commit and stall the
// loop (creating a file also costs ~300 µs of CPU here). So only the steps that touch metadata
// (create, rename) and the fsyncs use the pool; writes of small buffers, close and reads of small
// files hit the page cache and are done in place.
import {
  closeSync, fdatasync, fsync, open as openCb, openSync, readFileSync, rename as renameCb, unlinkSync, write as writeAsync, writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

export const TEMP_SUFFIX = '.tmp';
/** bigger writes (material files) go through the pool rather than hold the event loop */
const SYNC_WRITE_LIMIT = 256 * 1024;
const fsyncAsync = promisify(fsync);
export const openAsync = promisify(openCb);
const renameAsync = promisify(renameCb);
export const fdatasyncAsync = promisify(fdatasync);
const writeBufferAsync = (fd: number, buffer: Uint8Array, offset: number, length: number): Promise<number> =>
  new Promise((resolve, reject) => writeAsync(fd, buffer, offset, length, null, (err, n) => (err ? reject(err) : resolve(n))));
let tempCounter = 0;

export function isNotFound(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

export async function fsyncDir(dir: string): Promise<void> {
  const fd = openSync(dir, 'r');
  try {
    await fsyncAsync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function writeAll(fd: number, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let done = 0;
  while (done < bytes.length) {
    const left = bytes.length - done;
    done += left <= SYNC_WRITE_LIMIT ? writeSync(fd, bytes, done, left) : await writeBufferAsync(fd, bytes, done, left);
  }
}

export async function writeFileDurable(target: string, data: string | Uint8Array, fsync: boolean): Promise<void> {
  const temp = `${target}.${process.pid}-${++tempCounter}${TEMP_SUFFIX}`;
  let fd: number | undefined;
  try {
    fd = await openAsync(temp, 'wx');
    await writeAll(fd, data);
    if (fsync) await fdatasyncAsync(fd);
    closeSync(fd);
    fd = undefined;
    await renameAsync(temp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // the temp file may never have been created
    }
    throw e;
  }
  if (fsync) await fsyncDir(dirname(target));
}

/**
 * fsyncs (or fdatasyncs) each path, `concurrency` at a time through libuv's pool, which it shares with
 * the write-ahead log's fdatasync: a small bound keeps a thread free for the log. A path deleted
 * meanwhile is skipped. Returns how many were synced.
 */
export async function syncPaths(paths: Iterable<string>, concurrency: number, dataOnly: boolean): Promise<number> {
  const list = [...paths];
  let next = 0;
  let synced = 0;
  const worker = async (): Promise<void> => {
    while (next < list.length) {
      const path = list[next++] as string;
      let fd: number;
      try {
        fd = openSync(path, 'r');
      } catch (e) {
        if (isNotFound(e)) continue;
        throw e;
      }
      try {
        await (dataOnly ? fdatasyncAsync(fd) : fsyncAsync(fd));
        synced++;
      } finally {
        closeSync(fd);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, list.length)) }, worker));
  return synced;
}

export function readTextIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** writes all of `bytes` at `position` (small buffers: the page cache, done in place) */
export function writeAllAtSync(fd: number, bytes: Uint8Array, position: number): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}
