// One line of the write-ahead log per committed write of a case:
//
//   <crc32 of the JSON, 8 hex digits> <JSON>\n
//   JSON = {"lsn":412,"id":"case-00001","full":true,"record":{…},"events":[…]}
//
// `record` is the whole record after the write. `events` are the events the write added, except in
// the first entry of a case in each segment ("full"), which carries all of the case's events: a
// full image, so that replay never depends on a document the flusher may have been overwriting
// when the machine stopped (PostgreSQL's full-page writes, for the same reason). The checksum tells
// a torn or damaged line from a good one.
import { crc32 } from 'node:zlib';
import type { CaseEvent, CaseRecord } from '../domain/case.js';
import type { CaseDoc } from './caseDoc.js';
import { eventsBytes, eventsJson, recordBytes, recordJson } from './docText.js';

export interface WalEntry {
  lsn: number;
  id: string;
  full?: true;
  record: CaseRecord;
  events: CaseEvent[];
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/**
 * The line of a write whose new state is `doc`, built from the strings nextDoc made, and its UTF-8
 * length (from lengths kept with them: measuring the line again would cost as much as writing it).
 * `added`: the JSON of the events the write added and its length. Case ids are ASCII (paths.ts).
 */
export function encodeEntry(id: string, doc: CaseDoc, added: { json: string; bytes: number }, full: boolean): { line: string; bytes: number } {
  const head = `{"lsn":${doc.lsn},"id":${JSON.stringify(id)},${full ? '"full":true,' : ''}"record":`;
  const json = `${head}${recordJson(doc)},"events":${full ? eventsJson(doc) : added.json}}`;
  const bytes = 9 + head.length + recordBytes(doc) + ',"events":'.length + (full ? eventsBytes(doc) : added.bytes) + 2;
  return { line: `${hex8(crc32(json))} ${json}\n`, bytes };
}

/** the entry of one line (without its newline), or a reason why the line is not a good one */
export function decodeLine(line: string): WalEntry | string {
  if (line.length < 10 || line[8] !== ' ') return 'no checksum';
  const json = line.slice(9);
  if (hex8(crc32(json)) !== line.slice(0, 8)) return 'checksum mismatch';
  let e: Partial<WalEntry>;
  try {
    e = JSON.parse(json) as Partial<WalEntry>;
  } catch {
    return 'not JSON';
  }
  if (typeof e.lsn !== 'number' || typeof e.id !== 'string' || e.record?.id !== e.id || !Array.isArray(e.events)) {
    return 'not a log entry';
  }
  return e as WalEntry;
}

/** applies one entry to the state replay has of its case so far; throws if they do not fit together */
export function applyEntry(current: CaseDoc | undefined, e: WalEntry): CaseDoc {
  if (e.full) return { lsn: e.lsn, record: e.record, events: e.events };
  if (!current) throw new Error(`entry of ${e.id} at lsn ${e.lsn} continues a case that has no full entry before it`);
  const first = e.events[0];
  const lastSeq = current.events.at(-1)?.seq ?? 0;
  if (first && first.seq !== lastSeq + 1) throw new Error(`entry of ${e.id} at lsn ${e.lsn} adds event ${first.seq} after event ${lastSeq}`);
  return { lsn: e.lsn, record: e.record, events: e.events.length === 0 ? current.events : [...current.events, ...e.events] };
}
