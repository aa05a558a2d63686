// receiveCase: a partner region hands us a case for which we are 办理地. The same Idempotency-Key
// returns the original answer; the same key with another body is a conflict.
import { createHash, randomUUID } from 'node:crypto';
import { GatewayError, isGatewayError } from '../errors.js';
import type { Applicant, CaseKind, CaseRecord, Delivery, HandlingForm } from '../domain/case.js';
import type { Core } from '../deps.js';
import { newCaseNo } from '../cases/createCase.js';
import { assertIdentityValid, assertRegionCode } from '../cases/guards.js';
import { checkInboundMaterials, type InboundMaterial } from './materials.js';

export interface InboundCaseInput {
  partnerCaseNo: string;
  itemCode: string;
  implementationCode?: string;
  itemName: string;
  kind: CaseKind;
  handlingForm: HandlingForm;
  acceptRegion: string;
  applicant: Applicant;
  materials: InboundMaterial[];
  promisedDays: number;
  delivery: Delivery;
  receivedAt: string;
}

export interface InboundReply {
  caseId: string;
  caseNo: string;
  partnerCaseNo: string;
  status: string;
  receivedAt: string;
}

/**
 * The case, its materials and its first event are written in one transaction, under the unique index on
 * (partner, Idempotency-Key): of two identical requests racing each other one creates the case and the
 * other, refused by the index, answers as a replay of it. Nothing of a refused request is stored.
 */
export async function receiveCase(core: Core, partner: string, idempotencyKey: string, rawBody: Buffer, input: InboundCaseInput): Promise<{ reply: InboundReply; replayed: boolean }> {
  const bodySha256 = createHash('sha256').update(rawBody).digest('hex');
  const earlier = await replayOf(core, partner, idempotencyKey, bodySha256);
  if (earlier) return earlier;
  assertInboundFacts(core, partner, input);
  const id = randomUUID();
  const now = core.now().toISOString();
  // every material is checked before anything is written
  const files = checkInboundMaterials(input.materials, now, partner);
  const materials = files.map((f) => f.material);
  const record: CaseRecord = {
    id, caseNo: newCaseNo(core.config.homeRegion, core.now()), direction: 'inbound',
    itemCode: input.itemCode, implementationCode: input.implementationCode ?? input.itemCode, itemName: input.itemName,
    kind: input.kind, handlingForm: input.handlingForm, acceptRegion: input.acceptRegion, handlingRegion: core.config.homeRegion,
    partner, status: 'received', applicant: { ...input.applicant, idNumber: input.applicant.idNumber.toUpperCase() },
    materials, promisedDays: input.promisedDays, delivery: input.delivery, handoffs: [],
    createdAt: now, createdBy: `partner:${partner}`, submittedAt: input.receivedAt, updatedAt: now,
    inbound: { partnerCaseNo: input.partnerCaseNo, idempotencyKey, bodySha256, receivedAt: now }, version: 1,
  };
  try {
    await core.store.createCase(record, [
      { at: now, actor: `partner:${partner}`, type: 'case.received_from_partner', data: { partnerCaseNo: input.partnerCaseNo, idempotencyKey, requestSha256: bodySha256, materials: materials.map((m) => ({ code: m.code, sha256: m.sha256 })) } },
    ], files.map((f) => ({ name: f.material.id, bytes: f.bytes })));
  } catch (err) {
    // the same key, written by a request that got there first (another instance, or this one)
    if (isGatewayError(err) && err.code === 'CONCURRENT_UPDATE') {
      const raced = await replayOf(core, partner, idempotencyKey, bodySha256);
      if (raced) return raced;
    }
    throw err;
  }
  return { reply: toInboundReply(record), replayed: false };
}

/** the answer already given for this key, or a conflict when it was given for another body */
async function replayOf(core: Core, partner: string, idempotencyKey: string, bodySha256: string): Promise<{ reply: InboundReply; replayed: true } | undefined> {
  const earlierId = await core.store.findCaseIdByInboundKey(partner, idempotencyKey);
  if (!earlierId) return undefined;
  const earlier = (await core.store.getCase(earlierId))!;
  if (earlier.inbound?.bodySha256 !== bodySha256) throw new GatewayError('IDEMPOTENCY_CONFLICT', `幂等键 ${idempotencyKey} 已用于内容不同的请求`);
  return { reply: toInboundReply(earlier), replayed: true };
}

function assertInboundFacts(core: Core, partner: string, input: InboundCaseInput): void {
  const item = core.catalog.decidedHere(input.itemCode, core.config.homeRegion);
  if (!item) {
    throw new GatewayError('UNKNOWN_ITEM', `事项 ${input.itemCode} 不由本地区（${core.config.homeRegion}）办理，不能转入`, [{ field: '/itemCode', message: 'not an item this region decides' }]);
  }
  if (!item.acceptsFrom?.includes(partner)) {
    throw new GatewayError('ITEM_NOT_AGREED', `本地区未与合作地区 ${partner} 就事项「${item.name}」开展跨域通办，不能转入`, [{ field: '/itemCode', message: 'not agreed with this partner region' }]);
  }
  assertRegionCode(input.acceptRegion, '/acceptRegion');
  // A partner may hand over cases received in its own area only (a province covers its cities).
  const scope = partner.replace(/0000$/, '').replace(/00$/, '');
  if (!input.acceptRegion.startsWith(scope)) {
    throw new GatewayError('VALIDATION_FAILED', `受理地 ${input.acceptRegion} 不在合作地区 ${partner} 范围内`, [{ field: '/acceptRegion', message: 'outside partner region' }]);
  }
  assertIdentityValid(input.applicant);
}

export function toInboundReply(c: CaseRecord): InboundReply {
  return { caseId: c.id, caseNo: c.caseNo, partnerCaseNo: c.inbound?.partnerCaseNo ?? '', status: c.status, receivedAt: c.inbound?.receivedAt ?? c.createdAt };
}
