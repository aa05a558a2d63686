// createCase: a clerk opens a case (草稿) for a catalog item on behalf of an applicant.
import { randomBytes, randomUUID } from 'node:crypto';
import { GatewayError } from '../errors.js';
import type { Applicant, CaseRecord, Delivery, HandlingForm } from '../domain/case.js';
import type { Clerk } from '../auth/tokens.js';
import type { Core } from '../deps.js';
import { assertApplicantValid, assertRegionCode } from './guards.js';
import { assertMay } from '../auth/permissions.js';

export interface CreateCaseInput {
  /** 事项基本编码 or 实施编码 */
  itemCode: string;
  /** the region that decides (办理地): needed when two partners offer the itemCode */
  partner?: string;
  applicant: Applicant;
  handlingForm?: HandlingForm;
  delivery: Delivery;
}

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 办件编号: <受理地区划>-<yyyyMMdd>-<8 random chars>, well under the 50 characters GB/T 39046 allows. */
export function newCaseNo(region: string, now: Date): string {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  const suffix = [...randomBytes(8)].map((b) => BASE32[b % BASE32.length]).join('');
  return `${region}-${day}-${suffix}`;
}

export async function createCase(core: Core, clerk: Clerk, input: CreateCaseInput): Promise<CaseRecord> {
  assertMay(clerk, 'case.create');
  const item = core.catalog.find(input.itemCode, input.partner);
  if (!item) throw new GatewayError('UNKNOWN_ITEM', `事项编码 ${input.itemCode} 不在${input.partner ? ` ${input.partner} 的` : ''}跨域通办事项目录中`, [{ field: '/itemCode', message: '未知事项' }]);
  assertRegionCode(clerk.region, '/acceptRegion');
  assertApplicantValid(input.applicant, item);
  if (input.delivery.byPost && !input.delivery.address) {
    throw new GatewayError('VALIDATION_FAILED', '选择寄递送达时须填写收件地址', [{ field: '/delivery/address', message: '必填' }]);
  }
  const now = core.now().toISOString();
  const record: CaseRecord = {
    id: randomUUID(),
    caseNo: newCaseNo(clerk.region, core.now()),
    direction: 'outbound',
    itemCode: item.itemCode,
    implementationCode: item.implementationCode,
    itemName: item.name,
    kind: item.kind,
    handlingForm: input.handlingForm ?? '1',
    acceptRegion: clerk.region,
    handlingRegion: item.partner,
    partner: item.partner,
    status: 'draft',
    applicant: { ...input.applicant, idNumber: input.applicant.idNumber.toUpperCase() },
    materials: [],
    promisedDays: item.promisedDays,
    delivery: input.delivery,
    handoffs: [],
    createdAt: now,
    createdBy: clerk.username,
    receivedBy: { window: clerk.window, clerkName: clerk.displayName },
    updatedAt: now,
    version: 1,
  };
  const { record: saved } = await core.store.createCase(record, [
    { at: now, actor: `clerk:${clerk.username}`, type: 'case.created', data: { itemCode: item.itemCode, caseNo: record.caseNo, window: clerk.window } },
  ]);
  return saved;
}
