// The public status page of a case (the 受理回执's QR code): with the 办件编号 and the 查询码 printed on
// the receipt, anyone holding it sees how far the case has got. No personal data; a wrong code and an
// unknown number get the same answer.
import { timingSafeEqual } from 'node:crypto';
import type { Core } from '../deps.js';
import { CASE_STATUSES, type CaseStatus } from '../domain/case.js';
import { unknownYearsBetween, workingDaysLeft } from '../domain/workdays.js';
import { GatewayError } from '../errors.js';
import { deliveryWords } from './text.js';

const same = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const OPEN: CaseStatus[] = ['received', 'forwarded', 'accepted', 'needs_supplement'];
const WITHDRAWAL_LABELS = { requested: '撤件申请已提交，等待办理地答复', withdrawn: '办理地已同意撤件', refused: '办理地已作出决定，撤件未成功' } as const;

export async function getPublicCaseStatus(core: Core, caseNo: string, code: string) {
  const id = await core.store.findCaseIdByNo(caseNo);
  const c = id ? await core.store.getCase(id) : undefined;
  if (!c || !c.publicCode || !same(code.toUpperCase(), c.publicCode)) throw new GatewayError('CASE_NOT_FOUND', '办件编号或查询码不正确');
  const progress = (await core.store.events(c.id))
    .filter((e) => e.type === 'case.status_changed')
    .map((e) => ({ at: e.at, status: e.data.to as CaseStatus, label: CASE_STATUSES[e.data.to as CaseStatus] ?? String(e.data.to) }));
  return {
    caseNo: c.caseNo,
    itemName: c.itemName,
    status: c.status,
    statusLabel: CASE_STATUSES[c.status],
    acceptRegionName: core.regions.regionFullName(c.acceptRegion) ?? c.acceptRegion,
    handlingRegionName: core.regions.regionFullName(c.handlingRegion) ?? c.handlingRegion,
    submittedAt: c.submittedAt ?? null,
    promisedAt: c.promisedAt ?? null,
    workingDaysLeft: c.promisedAt && OPEN.includes(c.status) ? workingDaysLeft(core.now(), new Date(c.promisedAt), core.calendar) : null,
    // counted through a year whose official holiday list is not in the calendar yet: may still move
    deadlineProvisional: (c.promisedAtUnknownYears ?? []).length > 0
      || (c.promisedAt !== undefined && OPEN.includes(c.status) && unknownYearsBetween(core.now(), new Date(c.promisedAt), core.calendar).length > 0),
    supplement: c.status === 'needs_supplement' && c.supplement ? { missing: c.supplement.missing, requestedAt: c.supplement.requestedAt } : null,
    // 撤件: whether the partner region withdrew the case or had already decided it
    withdrawal: c.withdrawal ? { state: c.withdrawal.state, stateLabel: WITHDRAWAL_LABELS[c.withdrawal.state], requestedAt: c.withdrawal.requestedAt, answeredAt: c.withdrawal.answeredAt ?? null } : null,
    result: c.result ? { documentName: c.result.documentName, completedAt: c.result.completedAt, delivery: deliveryWords(c.result.delivery ?? c.delivery) } : null,
    progress,
    updatedAt: c.updatedAt,
  };
}
