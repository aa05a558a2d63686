// Re-computes a case's chain and holds it against the events stored with the case, so an edit of
// either copy, a deletion or a reordering is found, with the first seq where they part.
// Rewriting both copies and re-hashing the chain from the edit on is found against the head that the
// latest signed anchor holds for the case (anchors.ts): the chain must pass through it.
import type { Store } from '../store/types.js';
import type { AnchorStatus, CaseAnchor, LogBreak } from './anchors.js';
import { canonicalJson } from './canonical.js';
import { entryHash, GENESIS } from './hash.js';

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  head: string;
  firstBadSeq?: number;
  reason?: string;
  /** the head the latest anchor holds for the case (none yet: anchored at the next interval) */
  anchor?: CaseAnchor;
  /** the anchor log failed its check at start (see anchors.ts) */
  anchorLogBroken?: LogBreak;
}

export interface AnchorSource {
  anchorOf(caseId: string): Promise<CaseAnchor | undefined>;
  status(): AnchorStatus;
}

export async function verifyCaseAudit(store: Pick<Store, 'readAudit' | 'events'>, caseId: string, anchors?: AnchorSource): Promise<AuditVerdict> {
  const [entries, events, anchor] = await Promise.all([store.readAudit(caseId), store.events(caseId), anchors?.anchorOf(caseId)]);
  const broken = anchors?.status().broken ?? undefined;
  const extra = { ...(anchor ? { anchor } : {}), ...(broken ? { anchorLogBroken: broken } : {}) };
  let head = GENESIS;
  const bad = (seq: number, reason: string): AuditVerdict => ({ ok: false, entries: entries.length, head, firstBadSeq: seq, reason, ...extra });

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
    if (anchor && seq === anchor.seq && entry.hash !== anchor.hash) {
      return bad(seq, `audit entry ${seq} is not the one anchored at ${anchor.at} (anchor ${anchor.n}): the trail was rewritten and re-hashed`);
    }
    head = entry.hash;
  }
  if (anchor && entries.length < anchor.seq) {
    return bad(entries.length + 1, `the trail ends at entry ${entries.length}, but anchor ${anchor.n} (${anchor.at}) holds entry ${anchor.seq}: entries were deleted`);
  }
  if (events.length > entries.length) {
    return bad(entries.length + 1, `event ${entries.length + 1} of the case is not in the audit trail (not chained yet, or its entry was deleted)`);
  }
  if (broken) return { ok: false, entries: entries.length, head, reason: `the audit anchor log fails its check at record ${broken.n}: ${broken.reason}`, ...extra };
  return { ok: true, entries: entries.length, head, ...extra };
}
