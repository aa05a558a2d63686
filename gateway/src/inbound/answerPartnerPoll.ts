// answerPartnerPoll: a region that cannot receive pushes polls the reports of our decisions on a case it
// handed us. The adapter answers, in the region's style, from what the core gives it: the case found by
// the region's own 办件编号 and the reports whose step is delivered (published: `report` of a polling
// region only publishes). The request's and the answer's hashes go into the case's audit trail.
import { createHash } from 'node:crypto';
import type { CaseRecord } from '../domain/case.js';
import type { Core } from '../deps.js';
import { toDecisionReport } from '../handoff/decisionReport.js';
import type { PartnerAdapter, PartnerReply, PollQuery, PublishedCase } from '../ports/partner.js';

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** the answer with its body as the bytes to send, so that what is hashed is what goes out */
export interface SentReply { status: number; contentType: string; body: Buffer }

export async function answerPartnerPoll(core: Core, adapter: PartnerAdapter, query: PollQuery, rawBody: Buffer): Promise<SentReply> {
  const caseId = await core.store.findCaseIdByPartnerCaseNo(adapter.region, query.partnerCaseNo);
  const record = caseId ? await core.store.getCase(caseId) : undefined;
  const found = record?.direction === 'inbound' && record.partner === adapter.region ? published(core, record) : undefined;
  const reply = toBytes(await adapter.answerPoll!(query, found));
  if (found && record) {
    const at = core.now().toISOString();
    await core.store.updateCase(record.id, () => [{
      at, actor: `partner:${adapter.region}`, type: 'partner.polled',
      data: { operationId: query.operationId, requestSha256: sha256(rawBody), status: reply.status, responseSha256: sha256(reply.body), reports: found.reports.length },
    }]);
  }
  return reply;
}

/** what the region may see: the reports already published, oldest first */
function published(core: Core, c: CaseRecord): PublishedCase {
  const delivered = c.handoffs.filter((j) => j.step.startsWith('report-') && j.status === 'delivered');
  const reports = (c.decisions ?? []).flatMap((d) => {
    const job = delivered.find((j) => j.step === d.step);
    return job ? [toDecisionReport(c, job, (blob) => core.store.getBlob(c.id, blob))] : [];
  });
  return { partnerCaseNo: c.inbound!.partnerCaseNo, caseNo: c.caseNo, handlingRegion: c.handlingRegion, reports };
}

export function toBytes(reply: PartnerReply): SentReply {
  const body = Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
  return { status: reply.status, contentType: reply.contentType, body };
}
