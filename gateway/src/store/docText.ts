// The JSON of a case document, kept beside it while it is in memory: a write serialises the record
// and its new events once, and the log entry, the document file and the next write's draft are all
// built from those strings (JSON.stringify of a ~4 KB document costs ~24 µs, and every update would
// otherwise pay it two or three times), with their UTF-8 lengths, so that neither the log nor the
// flusher has to measure or convert a string before writing it.
import type { CaseEvent, CaseRecord } from '../domain/case.js';
import type { CaseDoc } from './caseDoc.js';

interface DocText {
  record?: string;
  events?: string;
  /** UTF-8 bytes of record and events */
  recordBytes?: number;
  eventsBytes?: number;
}
const texts = new WeakMap<CaseDoc, DocText>();

function textOf(doc: CaseDoc): DocText {
  let t = texts.get(doc);
  if (!t) texts.set(doc, (t = {}));
  return t;
}

/** the next state of a case: `prev` (undefined for a new case) plus `added` events and the new record */
export function nextDoc(prev: CaseDoc | undefined, lsn: number, record: CaseRecord, added: CaseEvent[]): { doc: CaseDoc; addedJson: string; addedBytes: number } {
  const doc: CaseDoc = { lsn, record, events: prev ? [...prev.events, ...added] : added };
  const addedJson = JSON.stringify(added);
  const before = prev ? eventsJson(prev) : '[]';
  const events = before === '[]' ? addedJson : addedJson === '[]' ? before : `${before.slice(0, -1)},${addedJson.slice(1)}`;
  const recordText = JSON.stringify(record);
  const addedBytes = Buffer.byteLength(addedJson);
  // joining two arrays' JSON drops a bracket from each and adds a comma
  const joinedBytes = before === '[]' ? addedBytes : addedJson === '[]' ? eventsBytes(prev as CaseDoc) : eventsBytes(prev as CaseDoc) + addedBytes - 1;
  texts.set(doc, { record: recordText, events, recordBytes: Buffer.byteLength(recordText), eventsBytes: joinedBytes });
  return { doc, addedJson, addedBytes };
}

export function recordJson(doc: CaseDoc): string {
  const t = textOf(doc);
  return (t.record ??= JSON.stringify(doc.record));
}

export function eventsJson(doc: CaseDoc): string {
  const t = textOf(doc);
  return (t.events ??= JSON.stringify(doc.events));
}

export function eventsBytes(doc: CaseDoc): number {
  const t = textOf(doc);
  return (t.eventsBytes ??= Buffer.byteLength(eventsJson(doc)));
}

export function recordBytes(doc: CaseDoc): number {
  const t = textOf(doc);
  return (t.recordBytes ??= Buffer.byteLength(recordJson(doc)));
}

const docHead = (doc: CaseDoc): string => `{"lsn":${doc.lsn},"record":`;
export const docJson = (doc: CaseDoc): string => `${docHead(doc)}${recordJson(doc)},"events":${eventsJson(doc)}}`;

/** the UTF-8 length of docJson(doc), from lengths kept as the document was built */
export function docBytes(doc: CaseDoc): number {
  return docHead(doc).length + recordBytes(doc) + ',"events":'.length + eventsBytes(doc) + 1;
}
