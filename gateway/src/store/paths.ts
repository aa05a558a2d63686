// Where things live in the data directory. Case documents and audit trails are sharded into 256
// subdirectories by a hash of the case id, so no directory grows past a few hundred entries at 50k cases.
import { hash } from 'node:crypto';
import { join } from 'node:path';
import { GatewayError } from '../errors.js';

/** Names that become file names: no separators, no '..', nothing a shell or a path join could reinterpret. */
const SAFE_NAME = /^[A-Za-z0-9._-]{1,128}$/;

export function assertSafeName(what: string, name: string): void {
  if (typeof name !== 'string' || !SAFE_NAME.test(name) || /^\.+$/.test(name)) {
    throw new GatewayError('VALIDATION_FAILED', `${what} ${JSON.stringify(name)} may contain only A–Z a–z 0–9 . _ - (at most 128)`);
  }
}

export const SEGMENT_SUFFIX = '.log';

/** the number of a segment file name, or undefined for anything else in the log directory */
export function segmentNumber(name: string): number | undefined {
  const m = /^(\d{8,})\.log$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

export const SHARDS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function shardOf(id: string): string {
  // one-shot hash: a third of createHash's cost, and it runs on every write of a case
  return hash('sha1', id, 'hex').slice(0, 2);
}

export interface Layout {
  root: string;
  casesDir: string;
  auditDir: string;
  blobsDir: string;
  checkpointFile: string;
  /** the write-ahead log: numbered segments plus the record of the last checkpoint */
  walDir: string;
  walCheckpointFile: string;
  segmentFile(n: number): string;
  caseFile(id: string): string;
  auditFile(id: string): string;
  blobDir(caseId: string): string;
}

export function layoutOf(root: string): Layout {
  const casesDir = join(root, 'cases');
  const auditDir = join(root, 'audit');
  const blobsDir = join(root, 'blobs');
  const walDir = join(root, 'wal');
  return {
    root,
    casesDir,
    auditDir,
    blobsDir,
    checkpointFile: join(auditDir, 'checkpoint.json'),
    walDir,
    walCheckpointFile: join(walDir, 'checkpoint.json'),
    segmentFile: (n) => join(walDir, `${String(n).padStart(8, '0')}${SEGMENT_SUFFIX}`),
    caseFile: (id) => join(casesDir, shardOf(id), `${id}.json`),
    auditFile: (id) => join(auditDir, shardOf(id), `${id}.jsonl`),
    blobDir: (caseId) => join(blobsDir, caseId),
  };
}
