// One case = one small lowdb document holding the record and all its events, so an update
// rewrites ~2 KB whatever the number of cases.
//
// The document is not what makes a write durable: the write-ahead log is (wal.ts). Documents are
// written after the commit by the flusher (flusher.ts) and fsynced at the next checkpoint, so:
// - a new document is created as a temp file renamed into place (a reader never sees half a file);
// - an existing one is overwritten in place, in one write at offset 0, padded with spaces to the old
//   length so nothing of the old text is left after it (JSON allows trailing whitespace). Creating a
//   file costs ~300 µs of CPU on this machine (measured: open(O_CREAT) of a new name), an in-place
//   overwrite ~13 µs and no directory change. A write that a crash tears (a power cut; a SIGKILL
//   between two pages of a document over 4 KB) is repaired at start from the log, which holds a full
//   image of every document changed since the last checkpoint.
import { closeSync, constants, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { Low, type Adapter } from 'lowdb';
import type { CaseEvent, CaseRecord } from '../domain/case.js';
import { isNotFound, writeAllAtSync, writeFileDurable } from './durableFile.js';

export interface CaseDoc {
  /** store-wide logical write counter of the write that produced this state (see auditBacklog.ts) */
  lsn: number;
  record: CaseRecord;
  events: CaseEvent[];
}

/** lowdb adapter for one case document; reads and writes never fsync (the checkpoint does). */
export class CaseDocFile implements Adapter<CaseDoc | null> {
  readonly path: string;
  /** whether the file is known to exist, so that the next write may overwrite it in place */
  exists = false;

  constructor(path: string) {
    this.path = path;
  }

  async read(): Promise<CaseDoc | null> {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
    this.exists = true;
    return JSON.parse(text) as CaseDoc;
  }

  async write(doc: CaseDoc | null): Promise<void> {
    const text = JSON.stringify(doc);
    if (this.exists) this.overwrite(text, Buffer.byteLength(text));
    else await this.create(text);
  }

  /** in place, synchronously (page cache only); `length` is the UTF-8 length of `text` (docText.ts keeps it) */
  overwrite(text: string, length: number): void {
    let fd: number;
    try {
      fd = openSync(this.path, constants.O_WRONLY);
    } catch (e) {
      if (isNotFound(e)) this.exists = false;
      throw e;
    }
    try {
      const { size } = fstatSync(fd);
      // one write of the whole text (a string: no Buffer to allocate), so a SIGKILL cannot tear a document of one page
      const padded = length < size ? text + ' '.repeat(size - length) : text;
      const written = writeSync(fd, padded, 0, 'utf8');
      if (written < Math.max(length, size)) writeAllAtSync(fd, Buffer.from(padded).subarray(written), written);
    } finally {
      closeSync(fd);
    }
  }

  /** a temp file renamed over the target, unsynced; the caller fsyncs the file and its directory later */
  async create(text: string): Promise<void> {
    await writeFileDurable(this.path, text, false);
    this.exists = true;
  }
}

export type CaseDb = Low<CaseDoc | null>;

export function caseDb(file: string): CaseDb {
  return new Low<CaseDoc | null>(new CaseDocFile(file), null);
}

export function fileOf(db: CaseDb): CaseDocFile {
  return db.adapter as CaseDocFile;
}

/** a document that parsed but is not one of ours fails loudly rather than becoming a half-indexed case */
export function assertCaseDoc(doc: unknown, id: string): asserts doc is CaseDoc {
  const d = doc as Partial<CaseDoc> | null;
  if (!d || typeof d.lsn !== 'number' || !d.record || d.record.id !== id || !Array.isArray(d.events)) {
    throw new Error(`not a case document of ${id}`);
  }
}
