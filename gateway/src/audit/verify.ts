// Re-computes a case's chain and holds it against the events stored with the case, so an edit of
// either copy, a deletion or a reordering is found, with the first seq where they part.
// (Rewriting both copies and re-hashing the whole chain is only detectable against a head kept
// elsewhere: the verdict returns the head for that.)
import type { Store } from '../store/types.js';
import { canonicalJson } from './canonical.js';
import { entryHash, GENESIS } from './hash.js';

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  head: string;
  firstBadSeq?: number;
  reason?: string;
}

export async function verifyCaseAudit(store: Pick<Store, 'readAudit' | 'events'>, caseId: string): Promise<AuditVerdict> {
  const [entries, events] = await Promise.all([store.readAudit(caseId), store.events(caseId)]);
  let head = GENESIS;
  const bad = (seq: number, reason: string): AuditVerdict => ({ ok: false, entries: entries.length, head, firstBadSeq: seq, reason });

  for (const [i, entry] of entries.entries()) {
    const seq = i + 1;
    if (entry.seq !== seq || entry.event?.seq !== seq) {
      return bad(seq, `audit entry ${seq} is out of place (it carries seq ${entry.seq}): an entry was deleted or reordered`);
    }
    if (entry.event.caseId !== caseId) return bad(seq, `audit entry ${seq} belongs to case ${entry.event.caseId}`);
    if (entry.prev !== head) return bad(seq, `audit entry ${seq} does not link to the entry before it`);
    if (entryHash(head, entry.event) !== entry.hash) return bad(seq, `audit entry ${seq}: the hash does not match the event (edited in the audit file)`);
    const stored = events[i];
    if (!stored) return bad(seq, `event ${seq} is in the audit trail but missing from the case (deleted from the case file)`);
    if (canonicalJson(stored) !== canonicalJson(entry.event)) {
      return bad(seq, `event ${seq} stored with the case differs from the audited one (edited, deleted or reordered in the case file)`);
    }
    head = entry.hash;
  }
  if (events.length > entries.length) {
    return bad(entries.length + 1, `event ${entries.length + 1} of the case is not in the audit trail (not chained yet, or its entry was deleted)`);
  }
  return { ok: true, entries: entries.length, head };
}
