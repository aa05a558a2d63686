// What every decision of ours on an inbound case shares: the approver may decide it (the role, and a
// case a partner region handed to the region they work for), the decision is one transaction of the
// case, and the worker is woken for the report it queued to the sending region.
import { randomUUID } from 'node:crypto';
import type { Clerk } from '../../auth/tokens.js';
import { assertMay } from '../../auth/permissions.js';
import { loadCaseFor } from '../../cases/load.js';
import type { Core } from '../../deps.js';
import type { CaseRecord } from '../../domain/case.js';
import type { DecisionInput } from '../../domain/inboundTransitions.js';
import type { Transitioned } from '../../domain/transitions.js';
import type { NewBlob } from '../../store/types.js';

export type Decide = (c: CaseRecord, input: DecisionInput) => Transitioned;

export async function decideInboundCase(core: Core, clerk: Clerk, caseId: string, decide: Decide, blobs?: NewBlob[]): Promise<CaseRecord> {
  await loadCaseFor(core, clerk, 'inbound.decide', caseId);
  const input: DecisionInput = {
    now: core.now(), by: { username: clerk.username, displayName: clerk.displayName, window: clerk.window },
    maxAttempts: core.config.handoff.maxAttempts, calendar: core.calendar, ids: { handoffJob: randomUUID(), renderJob: randomUUID() },
  };
  const { record } = await core.store.updateCase(caseId, (c) => {
    assertMay(clerk, 'inbound.decide', c);
    const next = decide(c, input);
    Object.assign(c, next.case);
    return next.events;
  }, blobs ? { blobs: () => blobs } : undefined);
  core.kickHandoffs();
  return record;
}
