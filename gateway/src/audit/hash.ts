// The chain rule, shared by the chainer and the verifier.
import { createHash } from 'node:crypto';
import type { CaseEvent } from '../domain/case.js';
import type { AuditEntry } from '../store/types.js';
import { canonicalJson } from './canonical.js';

/** prev of a case's first entry */
export const GENESIS = '0'.repeat(64);

export function entryHash(prev: string, event: CaseEvent): string {
  return createHash('sha256').update(prev).update(canonicalJson(event)).digest('hex');
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export function headOf(entries: AuditEntry[]): ChainHead {
  const last = entries.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS };
}

/** entries continuing the chain from `head`; events must be the seqs right after head.seq, in order */
export function chainEvents(head: ChainHead, events: CaseEvent[]): AuditEntry[] {
  let prev = head.hash;
  return events.map((event) => {
    const hash = entryHash(prev, event);
    const entry = { seq: event.seq, prev, hash, event };
    prev = hash;
    return entry;
  });
}
