// What clients see of a case: built field by field (whitelist), personal data masked.
import { CASE_STATUSES, ID_TYPES, type CaseEvent, type CaseRecord } from '../domain/case.js';
import type { CaseSummary } from '../store/types.js';
import type { PartnerAdapter } from '../ports/partner.js';
import { maskIdNumber, maskPhone } from '../domain/mask.js';
import type { RegionDirectory } from '../domain/region.js';
import { unknownYearsBetween, workingDaysLeft, type WorkCalendar } from '../domain/workdays.js';
import { INBOUND_STATUS_LABELS } from '../domain/inboundStateMachine.js';

/** an inbound case reads as the 办理地 sees it (待受理, 待补正 …) */
const statusLabelOf = (direction: string, status: keyof typeof CASE_STATUSES): string =>
  (direction === 'inbound' ? INBOUND_STATUS_LABELS[status] : undefined) ?? CASE_STATUSES[status];


const running = (promisedAt: string | undefined, status: string): promisedAt is string =>
  promisedAt !== undefined && !['completed', 'delivered', 'rejected', 'withdrawn', 'draft'].includes(status);

const deadline = (promisedAt: string | undefined, status: string, now: Date, calendar: WorkCalendar) =>
  running(promisedAt, status) ? workingDaysLeft(now, new Date(promisedAt), calendar) : null;

/**
 * The years without an official holiday list that the 承诺办结时间 or the working days left were counted
 * through (weekends only). A 承诺办结时间 counted so stays flagged after the year's list is added: it was
 * counted without it (recounting stored deadlines is not done yet)
 */
const provisionalYears = (c: { promisedAt?: string | undefined; promisedAtUnknownYears?: number[] | undefined; status: string }, now: Date, calendar: WorkCalendar): number[] => {
  if (!c.promisedAt) return [];
  const left = running(c.promisedAt, c.status) ? unknownYearsBetween(now, new Date(c.promisedAt), calendar) : [];
  return [...new Set([...(c.promisedAtUnknownYears ?? []), ...left])].sort();
};

/** past its 承诺办结时间 and not yet decided to the end */
const overdue = (promisedAt: string | undefined, status: string, now: Date): boolean =>
  running(promisedAt, status) && now.getTime() > Date.parse(promisedAt);

/** `core` gives the time (for the working days left) and the regions' names */
export function toCaseView(c: CaseRecord, core: { now(): Date; regions: RegionDirectory; calendar: WorkCalendar }) {
  const now = core.now();
  return {
    id: c.id,
    caseNo: c.caseNo,
    direction: c.direction,
    itemCode: c.itemCode,
    implementationCode: c.implementationCode,
    itemName: c.itemName,
    kind: c.kind,
    handlingForm: c.handlingForm,
    acceptRegion: c.acceptRegion,
    acceptRegionName: core.regions.regionName(c.acceptRegion) ?? null,
    handlingRegion: c.handlingRegion,
    handlingRegionName: core.regions.regionName(c.handlingRegion) ?? null,
    partner: c.partner,
    partnerRef: c.partnerRef ?? null,
    status: c.status,
    statusLabel: statusLabelOf(c.direction, c.status),
    applicant: {
      kind: c.applicant.kind,
      name: c.applicant.name,
      idType: c.applicant.idType,
      idTypeLabel: ID_TYPES[c.applicant.idType],
      idNumberMasked: c.applicant.kind === 'organization' ? c.applicant.idNumber : maskIdNumber(c.applicant.idNumber),
      phoneMasked: maskPhone(c.applicant.phone),
    },
    materials: c.materials.map((m) => ({ id: m.id, code: m.code, name: m.name, fileName: m.fileName, mediaType: m.mediaType, size: m.size, sha256: m.sha256, pages: m.pages, addedAt: m.addedAt, ...(m.source ? { source: m.source } : {}) })),
    promisedDays: c.promisedDays,
    promisedAt: c.promisedAt ?? null,
    workingDaysLeft: deadline(c.promisedAt, c.status, now, core.calendar),
    deadlineProvisionalYears: provisionalYears(c, now, core.calendar),
    overdue: overdue(c.promisedAt, c.status, now),
    delivery: { byPost: c.delivery.byPost, electronic: c.delivery.electronic ?? false, trackingNo: c.delivery.trackingNo ?? null },
    result: c.result
      ? {
          documentName: c.result.documentName,
          certificateNo: c.result.certificateNo ?? null,
          completedAt: c.result.completedAt,
          document: c.result.document ? { fileName: c.result.document.fileName, mediaType: c.result.document.mediaType, size: c.result.document.size, sha256: c.result.document.sha256 } : null,
          delivery: c.result.delivery ? { byPost: c.result.delivery.byPost, trackingNo: c.result.delivery.trackingNo ?? null } : null,
        }
      : null,
    supplement: c.supplement ? { missing: c.supplement.missing, note: c.supplement.note ?? null, requestedAt: c.supplement.requestedAt } : null,
    rejection: c.rejection ? { reason: c.rejection.reason, legalBasis: c.rejection.legalBasis ?? null, at: c.rejection.at } : null,
    decisions: (c.decisions ?? []).map((d) => ({ step: d.step, decision: d.decision, at: d.at, department: d.by.department, clerk: d.by.clerk })),
    withdrawal: c.withdrawal
      ? { state: c.withdrawal.state, reason: c.withdrawal.reason, requestedAt: c.withdrawal.requestedAt, answeredAt: c.withdrawal.answeredAt ?? null, refusal: c.withdrawal.refusal ?? null }
      : null,
    handoffs: c.handoffs.map((j) => ({
      id: j.id, partner: j.partner, step: j.step, status: j.status, attempts: j.attempts, maxAttempts: j.maxAttempts,
      nextAttemptAt: j.status === 'pending' ? j.nextAttemptAt : null, deliveredAt: j.deliveredAt ?? null, lastError: j.lastError ?? null,
    })),
    partnerCaseNo: c.inbound?.partnerCaseNo ?? null,
    createdAt: c.createdAt,
    createdBy: c.createdBy,
    submittedAt: c.submittedAt ?? null,
    updatedAt: c.updatedAt,
  };
}

/** a partner region as the console lists it (more of what it supports will join region and name) */
/** a partner region and what its contract offers, so a console offers a clerk only that */
export function toPartnerView(p: Pick<PartnerAdapter, 'region' | 'name' | 'capabilities'>) {
  const c = p.capabilities;
  return {
    region: p.region, name: p.name,
    capabilities: { supplement: c.supplement, cancel: c.cancel, statusBy: c.statusBy, reportsBy: c.reportsBy ?? 'push', results: c.results },
  };
}

export function toSummaryView(s: CaseSummary, now: Date, calendar: WorkCalendar) {
  return {
    id: s.id,
    caseNo: s.caseNo,
    direction: s.direction,
    itemCode: s.itemCode,
    itemName: s.itemName,
    status: s.status,
    statusLabel: statusLabelOf(s.direction, s.status),
    partner: s.partner,
    acceptRegion: s.acceptRegion,
    handlingRegion: s.handlingRegion,
    promisedAt: s.promisedAt ?? null,
    workingDaysLeft: deadline(s.promisedAt, s.status, now, calendar),
    deadlineProvisionalYears: provisionalYears(s, now, calendar),
    overdue: overdue(s.promisedAt, s.status, now),
    handoffStatus: s.handoffStatus ?? null,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

const EVENT_LABELS: Record<CaseEvent['type'], string> = {
  'case.created': '创建办件',
  'case.material_added': '上传材料',
  'case.submitted': '形式审查通过，已收件',
  'case.status_changed': '状态变更',
  'case.received_from_partner': '收到合作地区转来的办件',
  'case.withdrawn': '撤回办件',
  'case.withdrawal_requested': '申请撤件',
  'case.withdrawal_refused': '办理地拒绝撤件',
  'partner.queried': '查询办理地进度',
  'case.result_delivered': '办理结果已送达申请人',
  'case.viewed': '查看办件',
  'inbound.accepted': '本地受理（已受理），承诺办结时间已确定',
  'inbound.supplement_requested': '一次性告知补齐补正',
  'inbound.supplement_received': '收到补正材料，待重新受理',
  'inbound.rejected': '不予受理',
  'inbound.completed': '本地办结',
  'inbound.delivered': '办理结果已送达',
  'handoff.queued': '转递任务入队',
  'handoff.attempt': '转递尝试',
  'handoff.delivered': '转递成功，办理地已接收',
  'handoff.failed': '转递失败，稍后重试',
  'handoff.dead_lettered': '转递失败，已转入死信，需人工处理',
  'handoff.retried': '人工重新转递',
  'partner.status_received': '收到办理地状态',
  'partner.status_ignored': '办理地状态已记录（重复或过期，未改变办件）',
  'partner.result_received': '收到办理结果',
  'partner.polled': '转出地查询了本地办理结果',
  'document.issued': '出具文书（电子签名）',
  'document.downloaded': '下载文书',
  'document.reprinted': '补打文书（副本）',
  'document.render_failed': '随件文书生成失败',
  'session.created': '发起远程帮办',
  'session.participant_waiting': '远程帮办：有人进入等候室',
  'session.participant_joined': '远程帮办：工作人员加入',
  'session.admitted': '远程帮办：准入',
  'session.declined': '远程帮办：拒绝准入',
  'session.waiting_expired': '远程帮办：等候超时',
  'session.left': '远程帮办：离开会话',
  'session.reconnecting': '远程帮办：连接中断，等待重连',
  'session.reconnected': '远程帮办：已重新连接',
  'session.removed': '远程帮办：移出会话',
  'session.partner_invited': '远程帮办：邀请办理地工作人员（三方连线）',
  'session.capture_requested': '远程帮办：拍摄材料，待申请人同意',
  'session.capture_consented': '远程帮办：申请人同意，拍摄件已存为材料',
  'session.capture_refused': '远程帮办：申请人拒绝，拍摄件未保存',
  'session.capture_failed': '远程帮办：拍摄件保存失败',
  'session.media_restarted': '远程帮办：媒体服务恢复，重新连接音视频',
  'session.ended': '远程帮办结束',
};

export function toTimelineEntry(e: CaseEvent) {
  return { seq: e.seq, at: e.at, actor: e.actor, type: e.type, label: EVENT_LABELS[e.type] ?? e.type, data: e.data };
}

