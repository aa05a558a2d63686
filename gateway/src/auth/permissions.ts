// Who may do what, in one place. Every use case asks `assertMay(clerk, action, case)` before it reads or
// changes a case; routes without a case ask it without one. A rule names the roles that may act and
// where the case must be for them:
//   'window'  the clerk works for the region whose window received the case (收件地): our own clerks
//   'visible' the clerk's region received the case or decides it (办理地): partner clerks for 三方连线
//   'ours'    the clerk's region runs the case's outbox: it received the case (outbound), or decides it
//             and reports to the sending region (inbound)
//   'handling' the case was handed to us by a partner region and the clerk's region decides it (we are 办理地)
import { GatewayError } from '../errors.js';
import type { Role } from '../store/sql/users.js';
import type { Clerk } from './tokens.js';

interface Rule { roles: readonly Role[]; where: 'window' | 'visible' | 'handling' | 'ours' }

const WINDOW_CLERK: Rule = { roles: ['clerk'], where: 'window' };
const ANY_CLERK_WHO_SEES_IT: Rule = { roles: ['clerk', 'partner_clerk', 'approver'], where: 'visible' };

export const RULES = {
  'case.create': WINDOW_CLERK,
  'case.read': ANY_CLERK_WHO_SEES_IT,
  'case.addMaterial': WINDOW_CLERK,
  'case.submit': WINDOW_CLERK,
  'case.withdraw': WINDOW_CLERK,
  'case.deliver': WINDOW_CLERK,
  // a dead-lettered delivery of a case we received, or report of a decision of ours
  'handoff.retry': { roles: ['clerk', 'operator', 'approver'], where: 'ours' },
  'document.download': ANY_CLERK_WHO_SEES_IT,
  'document.reprint': WINDOW_CLERK,
  'audit.read': ANY_CLERK_WHO_SEES_IT,
  'audit.anchors': { roles: ['clerk', 'operator'], where: 'window' },
  'session.create': WINDOW_CLERK,
  'session.manage': WINDOW_CLERK,
  'session.join': ANY_CLERK_WHO_SEES_IT,
  'inbound.decide': { roles: ['approver'], where: 'handling' },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;

const ROLE_NAMES: Record<Role, string> = { clerk: '窗口人员', operator: '运维', partner_clerk: '合作地区人员', approver: '审批人员' };

export interface CaseScope { acceptRegion: string; handlingRegion: string; direction?: 'outbound' | 'inbound' }

/** A clerk sees the cases received at their region's windows, and those their region decides. */
export function canSee(clerk: Clerk, c: CaseScope): boolean {
  return c.acceptRegion === clerk.region || c.handlingRegion === clerk.region;
}

/**
 * Throws FORBIDDEN when the clerk's roles do not allow the action, CASE_OUT_OF_REGION when the case is
 * not theirs to see, FORBIDDEN when they see it but may not act on it from their region. The messages
 * never name the other region's case.
 */
export function assertMay(clerk: Clerk, action: Action, c?: CaseScope): void {
  const rule: Rule = RULES[action];
  if (!rule.roles.some((r) => clerk.roles.includes(r))) {
    throw new GatewayError('FORBIDDEN', `此操作需要「${rule.roles.map((r) => ROLE_NAMES[r]).join('」或「')}」角色`);
  }
  if (!c) return;
  if (!canSee(clerk, c)) throw new GatewayError('CASE_OUT_OF_REGION', `该办件不属于本地区（${clerk.region}）`);
  if (rule.where === 'window' && c.acceptRegion !== clerk.region) {
    throw new GatewayError('FORBIDDEN', '只有收件地窗口可以办理此操作');
  }
  if (rule.where === 'ours' && (c.direction === 'inbound' ? c.handlingRegion : c.acceptRegion) !== clerk.region) {
    throw new GatewayError('FORBIDDEN', '只有收件地窗口（本地收件的办件）或办理地（合作地区转来的办件）可以重发');
  }
  if (rule.where === 'handling' && (c.direction !== 'inbound' || c.handlingRegion !== clerk.region)) {
    throw new GatewayError('FORBIDDEN', '只有合作地区转来、由本地区办理的办件，才由本地区审批人员作出决定');
  }
}
