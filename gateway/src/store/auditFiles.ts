// The audit trail on disk: one JSON Lines file per case, appended and fsynced by the chainer.
import { appendLinesDurable, readTextIfExists } from './durableFile.js';
import type { StoreLogger } from './logger.js';
import type { AuditEntry } from './types.js';

export async function appendAuditFile(path: string, entries: AuditEntry[], fsync: boolean, log: StoreLogger): Promise<void> {
  if (entries.length === 0) return;
  const text = entries.map((e) => JSON.stringify(e)).join('\n') + '\n';
  const dropped = await appendLinesDurable(path, text, fsync);
  if (dropped > 0) log.warn({ path, dropped }, 'cut a torn last line off an audit file (an append was interrupted)');
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
