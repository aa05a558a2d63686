import { describe, expect, test } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from '../../../gateway/src/domain/case.js';
import { isGatewayError } from '../../../gateway/src/errors.js';
import {
  STATUS_RANK,
  TRANSITIONS,
  assertTransition,
  canTransition,
  nextStatuses,
  planPartnerStatus,
  statusLabel,
  transitionOf,
} from '../../../gateway/src/domain/stateMachine.js';

const ALL = Object.keys(CASE_STATUSES) as CaseStatus[];

// The allowed moves, written out independently of the module's table, as the design states them.
const ALLOWED: Record<CaseStatus, CaseStatus[]> = {
  draft: ['received', 'withdrawn'],
  received: ['forwarded', 'withdrawn'],
  // withdrawn from forwarded/accepted only through the partner's cancel operation (撤件), never at our window
  forwarded: ['accepted', 'needs_supplement', 'rejected', 'completed', 'withdrawn'],
  accepted: ['needs_supplement', 'completed', 'rejected', 'withdrawn'],
  needs_supplement: ['received', 'withdrawn', 'rejected', 'accepted'],
  completed: ['delivered'],
  rejected: [],
  withdrawn: [],
  delivered: [],
};

describe('the case state machine', () => {
  test.each(TRANSITIONS.map((t) => [`${t.from} → ${t.to} on ${t.event}`, { given: t, want: true }] as const))('%s is allowed', (_name, { given, want }) => {
    expect(canTransition(given.from, given.to)).toBe(want);
    expect(() => assertTransition(given.from, given.to)).not.toThrow();
  });

  test('the table and canTransition agree with the design for all 81 pairs', () => {
    for (const from of ALL) {
      for (const to of ALL) {
        expect(canTransition(from, to), `${from} → ${to}`).toBe(ALLOWED[from].includes(to));
      }
    }
    expect(TRANSITIONS).toHaveLength(Object.values(ALLOWED).flat().length);
  });

  test.each([
    ['a draft cannot be forwarded before it is received', { given: ['draft', 'forwarded'] as const, want: /“草稿”，不能变为“已转递”/ }],
    ['a forwarded case cannot go back to 已收件', { given: ['forwarded', 'received'] as const, want: /已转递.*已收件/ }],
    ['a completed case cannot be rejected', { given: ['completed', 'rejected'] as const, want: /办结.*不予受理/ }],
    ['a rejected case is final', { given: ['rejected', 'accepted'] as const, want: /不予受理.*已受理/ }],
    ['a withdrawn case is final', { given: ['withdrawn', 'received'] as const, want: /已撤回.*已收件/ }],
    ['a delivered case is final', { given: ['delivered', 'completed'] as const, want: /已送达.*办结/ }],
    ['received cannot jump to accepted without the partner’s acknowledgement', { given: ['received', 'accepted'] as const, want: /received → accepted/ }],
    ['no state moves to itself', { given: ['accepted', 'accepted'] as const, want: /已受理/ }],
  ])('%s', (_name, { given: [from, to], want }) => {
    expect(canTransition(from, to)).toBe(false);
    let thrown: unknown;
    try {
      assertTransition(from, to);
    } catch (e) {
      thrown = e;
    }
    expect(isGatewayError(thrown) && thrown.code).toBe('ILLEGAL_TRANSITION');
    expect((thrown as Error).message).toMatch(want);
  });

  test('assertTransition throws exactly for the pairs the table lacks', () => {
    for (const from of ALL) for (const to of ALL) {
      const throws = (() => { try { assertTransition(from, to); return false; } catch { return true; } })();
      expect(throws, `${from} → ${to}`).toBe(!canTransition(from, to));
    }
  });

  test('each move says what causes it and who', () => {
    expect(transitionOf('draft', 'received')).toEqual({ from: 'draft', to: 'received', event: 'submit', by: 'clerk' });
    expect(transitionOf('needs_supplement', 'received')).toMatchObject({ event: 'supplement_submitted', by: 'clerk' });
    expect(transitionOf('forwarded', 'completed')).toMatchObject({ event: 'partner_completed', by: 'partner' });
    expect(transitionOf('completed', 'rejected')).toBeUndefined();
    expect(nextStatuses('accepted').sort()).toEqual(['completed', 'needs_supplement', 'rejected', 'withdrawn']);
    // the partner's answer to our cancel causes it, on our clerk's request: a partner's report never does
    expect(transitionOf('accepted', 'withdrawn')).toMatchObject({ event: 'partner_withdrew', by: 'clerk' });
    expect(planPartnerStatus('accepted', 'withdrawn')).toBe('illegal');
  });

  test('statusLabel gives the Chinese label', () => {
    expect(ALL.map(statusLabel)).toEqual(Object.values(CASE_STATUSES));
  });
});

describe('planPartnerStatus: partner reports arrive late, twice, or out of order', () => {
  const cases: [string, { given: [CaseStatus, CaseStatus]; want: ReturnType<typeof planPartnerStatus> }][] = [
    ['the acknowledgement of a received case', { given: ['received', 'forwarded'], want: 'apply' }],
    ['acceptance of a forwarded case', { given: ['forwarded', 'accepted'], want: 'apply' }],
    ['a 即办件 completed at once', { given: ['forwarded', 'completed'], want: 'apply' }],
    ['a supplement requested after acceptance', { given: ['accepted', 'needs_supplement'], want: 'apply' }],
    ['acceptance once the supplement arrived', { given: ['needs_supplement', 'accepted'], want: 'apply' }],
    ['rejection after a supplement request', { given: ['needs_supplement', 'rejected'], want: 'apply' }],
    ['the same callback twice', { given: ['accepted', 'accepted'], want: 'ignore-same' }],
    ['a repeated completion', { given: ['completed', 'completed'], want: 'ignore-same' }],
    ['a partner confirming our withdrawal', { given: ['withdrawn', 'withdrawn'], want: 'ignore-same' }],
    ['"accepted" arriving after "completed"', { given: ['completed', 'accepted'], want: 'ignore-stale' }],
    ['"forwarded" arriving after "accepted"', { given: ['accepted', 'forwarded'], want: 'ignore-stale' }],
    ['"forwarded" arriving after a supplement request', { given: ['needs_supplement', 'forwarded'], want: 'ignore-stale' }],
    ['"accepted" arriving after "rejected"', { given: ['rejected', 'accepted'], want: 'ignore-stale' }],
    ['"completed" arriving after we delivered the result', { given: ['delivered', 'completed'], want: 'ignore-stale' }],
    ['anything about a draft, which the partner cannot know', { given: ['draft', 'accepted'], want: 'illegal' }],
    ['anything about a withdrawn case', { given: ['withdrawn', 'accepted'], want: 'illegal' }],
    ['a late status for a withdrawn case is still illegal, not stale', { given: ['withdrawn', 'forwarded'], want: 'illegal' }],
    ['"draft" reported by a partner', { given: ['received', 'draft'], want: 'illegal' }],
    ['acceptance before the acknowledgement was recorded (skips a step)', { given: ['received', 'accepted'], want: 'illegal' }],
    ['"rejected" for a completed case (a conflict for a person to look at)', { given: ['completed', 'rejected'], want: 'illegal' }],
    ['a partner cannot withdraw for the applicant', { given: ['received', 'withdrawn'], want: 'illegal' }],
    ['a partner cannot mark our delivery', { given: ['completed', 'delivered'], want: 'illegal' }],
  ];
  test.each(cases)('%s', (_name, { given: [current, reported], want }) => {
    expect(planPartnerStatus(current, reported)).toBe(want);
  });

  test('over all 81 pairs: "apply" only for a partner move in the table, "stale" only for a report behind the case', () => {
    for (const current of ALL) for (const reported of ALL) {
      const plan = planPartnerStatus(current, reported);
      const where = `${current} ← ${reported}`;
      if (plan === 'apply') expect(transitionOf(current, reported)?.by, where).toBe('partner');
      if (plan === 'ignore-same') expect(reported, where).toBe(current);
      if (plan === 'ignore-stale') expect(STATUS_RANK[reported] < STATUS_RANK[current], where).toBe(true);
      if (current === 'draft' || (current === 'withdrawn' && reported !== 'withdrawn')) expect(plan, where).toBe('illegal');
    }
  });

  test('needs_supplement ranks with accepted: either may follow the other', () => {
    expect(STATUS_RANK.needs_supplement).toBe(STATUS_RANK.accepted);
  });
});
