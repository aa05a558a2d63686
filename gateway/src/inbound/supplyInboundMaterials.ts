// supplyInboundMaterials: the sending region answers our 补正 with the missing materials. Authenticated
// and replay-checked like receiveCase; the same Idempotency-Key returns the original answer, the same key
// with another body is a conflict. Every material is checked on arrival; the materials and the case's
// return to 待受理 are written in one transaction, or nothing is.
import { createHash } from 'node:crypto';
import type { Core } from '../deps.js';
import type { CaseRecord } from '../domain/case.js';
import { applyInboundSupplement } from '../domain/inboundTransitions.js';
import { GatewayError } from '../errors.js';
import { checkInboundMaterials, type InboundMaterial } from './materials.js';

export interface SupplementReply { caseId: string; caseNo: string; partnerCaseNo: string; status: string; round: number; receivedAt: string }

/** another request with this key got there first, between our read and our write */
class Raced extends Error {}

export async function supplyInboundMaterials(core: Core, partner: string, partnerCaseNo: string, idempotencyKey: string, rawBody: Buffer, input: { materials: InboundMaterial[] }): Promise<{ reply: SupplementReply; replayed: boolean }> {
  const bodySha256 = createHash('sha256').update(rawBody).digest('hex');
  const caseId = await core.store.findCaseIdByPartnerCaseNo(partner, partnerCaseNo);
  const found = caseId ? await core.store.getCase(caseId) : undefined;
  if (!caseId || !found) throw new GatewayError('CASE_NOT_FOUND', `没有贵方办件编号为 ${partnerCaseNo.slice(0, 50)} 的转入办件`);
  const earlier = replayOf(found, idempotencyKey, bodySha256);
  if (earlier) return earlier;
  const at = core.now().toISOString();
  const files = checkInboundMaterials(input.materials, at, partner);
  try {
    const { record } = await core.store.updateCase(caseId, (c) => {
      if (c.inbound?.supplements?.some((s) => s.idempotencyKey === idempotencyKey)) throw new Raced();
      const next = applyInboundSupplement(c, { at, partner, idempotencyKey, bodySha256, materials: files.map((f) => f.material) });
      Object.assign(c, next.case);
      return next.events;
    }, { blobs: () => files.map((f) => ({ name: f.material.id, bytes: f.bytes })) });
    return { reply: replyOf(record, idempotencyKey), replayed: false };
  } catch (e) {
    if (!(e instanceof Raced)) throw e;
    return replayOf((await core.store.getCase(caseId))!, idempotencyKey, bodySha256)!;
  }
}

function replayOf(c: CaseRecord, key: string, bodySha256: string): { reply: SupplementReply; replayed: true } | undefined {
  const answer = c.inbound?.supplements?.find((s) => s.idempotencyKey === key);
  if (!answer) return undefined;
  if (answer.bodySha256 !== bodySha256) throw new GatewayError('IDEMPOTENCY_CONFLICT', `幂等键 ${key} 已用于内容不同的请求`);
  return { reply: replyOf(c, key), replayed: true };
}

function replyOf(c: CaseRecord, key: string): SupplementReply {
  const answer = c.inbound!.supplements!.find((s) => s.idempotencyKey === key)!;
  // the status now, as a repeated receiveCase answers it
  return { caseId: c.id, caseNo: c.caseNo, partnerCaseNo: c.inbound!.partnerCaseNo, status: c.status, round: answer.round, receivedAt: answer.receivedAt };
}
