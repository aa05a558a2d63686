// submitCase: 形式审查 passed. In ONE durable write the case becomes 已收件 and its handoff job is
// queued; only then does the clerk see 已收件. The worker delivers it afterwards. A case waiting for
// 补正 is submitted the same way once the missing materials are added: its job is the next
// 'supplement-N' step, and the time limit runs again from the day the materials are complete.
// The step's documents (受理回执, 材料流转单) are rendered by a job of their own, queued with the
// delivery job: the worker renders first and delivers once they are stored (handoff/renderDocuments.ts).
import { randomUUID } from 'node:crypto';
import { GatewayError } from '../errors.js';
import type { CaseRecord } from '../domain/case.js';
import { submit } from '../domain/transitions.js';
import type { Clerk } from '../auth/tokens.js';
import type { Core } from '../deps.js';
import { loadCaseFor } from './load.js';
import { assertMay } from '../auth/permissions.js';
import { newPublicCode } from '../receipts/publicCode.js';


export async function submitCase(core: Core, clerk: Clerk, caseId: string): Promise<CaseRecord> {
  await loadCaseFor(core, clerk, 'case.submit', caseId);
  const now = core.now();
  const { record } = await core.store.updateCase(caseId, (c) => {
    assertMay(clerk, 'case.submit', c);
    const item = core.catalog.ofCase(c);
    if (!item) throw new GatewayError('UNKNOWN_ITEM', `事项 ${c.itemCode} 已不在目录中`);
    const next = submit(c, {
      now, actor: `clerk:${clerk.username}`, item, maxAttempts: core.config.handoff.maxAttempts, calendar: core.calendar,
      ids: { handoffJob: randomUUID(), renderJob: randomUUID(), publicCode: newPublicCode() },
    });
    Object.assign(c, next.case);
    return next.events;
  });
  core.kickHandoffs();
  return record;
}
