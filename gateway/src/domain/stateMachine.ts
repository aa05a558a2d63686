// The case (办件) state machine. One table says which moves exist and what causes each; every other
// function here is derived from it, so the table is the thing to read and to change.
import { CASE_STATUSES, type CaseStatus } from './case.js';
import { GatewayError } from '../errors.js';

export type TransitionEvent =
  | 'submit'
  | 'withdraw'
  | 'partner_acknowledged'
  | 'partner_accepted'
  | 'partner_requested_supplement'
  | 'partner_rejected'
  | 'partner_completed'
  | 'supplement_submitted'
  | 'partner_withdrew'
  | 'result_delivered';

export interface Transition {
  from: CaseStatus;
  to: CaseStatus;
  event: TransitionEvent;
  /** who causes it: a clerk at our window, or the partner region that decides */
  by: 'clerk' | 'partner';
}

export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'received', event: 'submit', by: 'clerk' },
  { from: 'draft', to: 'withdrawn', event: 'withdraw', by: 'clerk' },
  { from: 'received', to: 'forwarded', event: 'partner_acknowledged', by: 'partner' },
  { from: 'received', to: 'withdrawn', event: 'withdraw', by: 'clerk' },
  { from: 'forwarded', to: 'accepted', event: 'partner_accepted', by: 'partner' },
  { from: 'forwarded', to: 'needs_supplement', event: 'partner_requested_supplement', by: 'partner' },
  { from: 'forwarded', to: 'rejected', event: 'partner_rejected', by: 'partner' },
  // 即办件: the partner may decide on the spot, with no separate 受理 step
  { from: 'forwarded', to: 'completed', event: 'partner_completed', by: 'partner' },
  { from: 'accepted', to: 'needs_supplement', event: 'partner_requested_supplement', by: 'partner' },
  { from: 'accepted', to: 'completed', event: 'partner_completed', by: 'partner' },
  { from: 'accepted', to: 'rejected', event: 'partner_rejected', by: 'partner' },
  // the supplement goes back through our window and is handed off again, hence 'received'
  { from: 'needs_supplement', to: 'received', event: 'supplement_submitted', by: 'clerk' },
  { from: 'needs_supplement', to: 'withdrawn', event: 'withdraw', by: 'clerk' },
  { from: 'needs_supplement', to: 'rejected', event: 'partner_rejected', by: 'partner' },
  // a partner may accept once the missing item reaches it by another way (e.g. the original by post)
  { from: 'needs_supplement', to: 'accepted', event: 'partner_accepted', by: 'partner' },
  { from: 'completed', to: 'delivered', event: 'result_delivered', by: 'clerk' },
  // 撤件 of a case the partner has: the partner's cancel operation answered withdrawn (transitions.ts
  // recordCancelAttempt); a partner's report never causes it
  { from: 'forwarded', to: 'withdrawn', event: 'partner_withdrew', by: 'clerk' },
  { from: 'accepted', to: 'withdrawn', event: 'partner_withdrew', by: 'clerk' },
];

const BY_PAIR = new Map<string, Transition>(TRANSITIONS.map((t) => [`${t.from}>${t.to}`, t]));

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return BY_PAIR.has(`${from}>${to}`);
}

/** The transition from → to, or undefined when there is none. */
export function transitionOf(from: CaseStatus, to: CaseStatus): Transition | undefined {
  return BY_PAIR.get(`${from}>${to}`);
}

export function nextStatuses(from: CaseStatus): CaseStatus[] {
  return TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}

export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  if (!canTransition(from, to)) {
    throw new GatewayError('ILLEGAL_TRANSITION', `办件当前状态为“${statusLabel(from)}”，不能变为“${statusLabel(to)}”（${from} → ${to}）`);
  }
}

export function statusLabel(s: CaseStatus): string {
  return CASE_STATUSES[s];
}

/**
 * How far a case has progressed, to tell a late or repeated partner report from a new one.
 * needs_supplement ranks with accepted: a partner may ask for a supplement before or after 受理 and
 * may accept after one, so neither is "further" than the other, and a report moving between them
 * is applied when the table allows it. The order of two such reports cannot be recovered from the
 * statuses alone; a caller that has the partner's own timestamps should compare those.
 * The end states (completed, rejected, withdrawn) share a rank: moving between them is never stale,
 * only illegal.
 */
export const STATUS_RANK: Readonly<Record<CaseStatus, number>> = {
  draft: 0,
  received: 1,
  forwarded: 2,
  accepted: 3,
  needs_supplement: 3,
  completed: 4,
  rejected: 4,
  withdrawn: 4,
  delivered: 5,
};

export type PartnerStatusPlan = 'apply' | 'ignore-same' | 'ignore-stale' | 'illegal';

/**
 * What to do with a status a partner reports, given the case's current status. Partners repeat
 * callbacks and deliver them out of order, so a report behind the case is ignored, not refused.
 * - 'illegal': the partner cannot know a draft, a withdrawn case only takes 'withdrawn' again, a
 *   partner never reports 'draft', a partner cannot cause a clerk's move (withdrawn, delivered), and
 *   any other move the table does not have (e.g. received → accepted, which skips the
 *   acknowledgement, or completed ↔ rejected).
 */
export function planPartnerStatus(current: CaseStatus, reported: CaseStatus): PartnerStatusPlan {
  if (current === 'draft' || reported === 'draft') return 'illegal';
  if (reported === current) return 'ignore-same';
  if (current === 'withdrawn') return 'illegal';
  if (STATUS_RANK[reported] < STATUS_RANK[current]) return 'ignore-stale';
  return transitionOf(current, reported)?.by === 'partner' ? 'apply' : 'illegal';
}
