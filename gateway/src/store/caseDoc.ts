// One case = one small lowdb document holding the record and all its events, so an update
// rewrites ~2 KB whatever the number of cases.
import { Low } from 'lowdb';
import type { CaseEvent, CaseRecord } from '../domain/case.js';
import { DurableJsonFile } from './durableFile.js';

export interface CaseDoc {
  /** store-wide logical write counter (see auditBacklog.ts) */
  lsn: number;
  record: CaseRecord;
  events: CaseEvent[];
}

export type CaseDb = Low<CaseDoc | null>;

export function caseDb(file: string, fsync: boolean): CaseDb {
  return new Low<CaseDoc | null>(new DurableJsonFile<CaseDoc | null>(file, fsync), null);
}

/** a document that parsed but is not one of ours fails loudly rather than becoming a half-indexed case */
export function assertCaseDoc(doc: unknown, id: string): asserts doc is CaseDoc {
  const d = doc as Partial<CaseDoc> | null;
  if (!d || typeof d.lsn !== 'number' || !d.record || d.record.id !== id || !Array.isArray(d.events)) {
    throw new Error(`not a case document of ${id}`);
  }
}
