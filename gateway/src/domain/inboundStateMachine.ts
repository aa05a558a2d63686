// The state machine of an inbound case, one a partner region handed us: we are 办理地 and our approvers
// decide it. One table says which moves exist and who causes each; every function here is derived from
// it. (Outbound cases, where we are 收件地, have their own table: stateMachine.ts.)
import type { CaseStatus } from './case.js';
import { GatewayError } from '../errors.js';

export type InboundEvent = 'accept' | 'request_supplement' | 'reject' | 'complete' | 'deliver' | 'supplement_supplied';

export interface InboundTransition {
  from: CaseStatus;
  to: CaseStatus;
  event: InboundEvent;
  /** who causes it: our approver, or the sending region (the applicant's answer to a 补正, through it) */
  by: 'approver' | 'partner';
}

export const INBOUND_TRANSITIONS: readonly InboundTransition[] = [
  { from: 'received', to: 'accepted', event: 'accept', by: 'approver' },
  { from: 'received', to: 'needs_supplement', event: 'request_supplement', by: 'approver' },
  { from: 'received', to: 'rejected', event: 'reject', by: 'approver' },
  // 补齐补正 comes before 受理 (《中华人民共和国行政许可法》第三十二条): once the materials are complete the
  // application waits for its decision again
  { from: 'needs_supplement', to: 'received', event: 'supplement_supplied', by: 'partner' },
  // not supplied in time, or supplied and still not acceptable
  { from: 'needs_supplement', to: 'rejected', event: 'reject', by: 'approver' },
  { from: 'accepted', to: 'completed', event: 'complete', by: 'approver' },
  { from: 'completed', to: 'delivered', event: 'deliver', by: 'approver' },
];

/** how an inbound case's states read to the 办理地's staff */
export const INBOUND_STATUS_LABELS: Readonly<Partial<Record<CaseStatus, string>>> = {
  received: '待受理',
  accepted: '已受理',
  needs_supplement: '待补正',
  rejected: '不予受理',
  completed: '办结',
  delivered: '已送达',
};

const BY_PAIR = new Map<string, InboundTransition>(INBOUND_TRANSITIONS.map((t) => [`${t.from}>${t.to}`, t]));

export const inboundTransitionOf = (from: CaseStatus, to: CaseStatus): InboundTransition | undefined => BY_PAIR.get(`${from}>${to}`);

export const canInboundTransition = (from: CaseStatus, to: CaseStatus): boolean => BY_PAIR.has(`${from}>${to}`);

export const nextInboundStatuses = (from: CaseStatus): CaseStatus[] => INBOUND_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);

export const inboundStatusLabel = (s: CaseStatus): string => INBOUND_STATUS_LABELS[s] ?? s;

export function assertInboundTransition(from: CaseStatus, to: CaseStatus): void {
  if (!canInboundTransition(from, to)) {
    throw new GatewayError('ILLEGAL_TRANSITION', `办件当前状态为“${inboundStatusLabel(from)}”，不能变为“${inboundStatusLabel(to)}”（${from} → ${to}）`);
  }
}
