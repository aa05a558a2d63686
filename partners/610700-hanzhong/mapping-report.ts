// Our decisions on a case 汉中 handed us (we are 办理地), as 汉中 polls them (contracts/partners/
// 610700-hanzhong.yaml, webhooks fkcx and fkxz): each decision one 流水记录 with a stable jlid, its
// documents listed by a stable wjbh to download. Pure: no I/O, no clock. A code without a mapping throws
// MappingError.
import { createHash } from 'node:crypto';
import type { components } from '../../contracts/generated/610700-hanzhong.js';
import type { DecisionReport, InboundDecision, PublishedCase, ReportDocument } from '../../gateway/src/ports/partner.js';
import { formatSj } from './mapping.js';

export type BldLsjl = components['schemas']['BldLsjl'];
export type FkcxReply = components['schemas']['FkcxReply'];
export type FkxzReply = components['schemas']['FkxzReply'];
type Ws = components['schemas']['Ws'];

export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

/** 办理状态: our decision → 汉中 BldBlzt and its name */
export const DECISION_TO_BLZT: Readonly<Record<InboundDecision, { blzt: BldLsjl['blzt']; blztmc: string }>> = {
  accepted: { blzt: '2', blztmc: '受理' },
  needs_supplement: { blzt: '11', blztmc: '补齐补正' },
  rejected: { blzt: '5', blztmc: '不予受理' },
  completed: { blzt: '4', blztmc: '办结' },
  delivered: { blzt: '6', blztmc: '结果已送达' },
};

/** 文书类型 */
export const DOCUMENT_TO_WSLX: Readonly<Record<string, Ws['wslx']>> = {
  acceptance_notice: 'SLTZS', supplement_notice: 'BZTZS', rejection_notice: 'BYSLTZS', completion_notice: 'BJTZ', result: 'JGWJ', delivery_receipt: 'SDHZ',
};
const FILE_TYPES: Readonly<Record<string, Ws['wjlx']>> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
/** 送达方式: 1 邮寄, 2 电子送达, 3 窗口领取 */
const SDFS = { post: '1', electronic: '2', window: '3' } as const;

function lookup<V>(table: Readonly<Record<string, V>>, code: string, what: string): V {
  if (!Object.hasOwn(table, code)) throw new MappingError(`no 汉中 code for ${what} '${code}'`);
  return table[code] as V;
}

const hex = (s: string): string => createHash('sha256').update(s).digest('hex');
/** the same report always gets the same record id, however often it is polled */
export const jlidOf = (r: DecisionReport): string => hex(r.idempotencyKey).slice(0, 32);
export const wjbhOf = (r: DecisionReport, d: ReportDocument): string => `WS${hex(`${r.idempotencyKey}\n${d.fileName}`).slice(0, 32)}`;

/** one 流水记录 of the fkcx answer: the decision of one report */
export function toFkcxRecord(r: DecisionReport): BldLsjl {
  const { blzt, blztmc } = lookup(DECISION_TO_BLZT, r.decision, '办理状态');
  const x = r.delivered;
  return {
    jlid: jlidOf(r), blzt, blztmc, clsj: formatSj(r.occurredAt), sldw: r.decidedBy.department, blr: r.decidedBy.clerk,
    ...(r.note ? { blyj: r.note } : {}),
    ...(r.promisedAt ? { cnbjsj: formatSj(r.promisedAt) } : {}),
    ...(r.missing ? { bqclqd: r.missing.map((m) => m.name), bqclmx: r.missing.map((m) => ({ ...(m.code ? { clbm: m.code } : {}), clmc: m.name })) } : {}),
    ...(r.reason ? { byslyy: r.reason } : {}),
    ...(r.legalBasis ? { flyj: r.legalBasis } : {}),
    ...(r.result ? {
      bjjg: {
        jgmc: r.result.documentName, ...(r.result.certificateNo ? { zzbh: r.result.certificateNo } : {}),
        sfyj: r.result.delivery.method === 'post' ? '1' : '0', ...(r.result.delivery.trackingNo ? { yjdh: r.result.delivery.trackingNo } : {}),
      },
    } : {}),
    ...(x ? { sdxx: { sdfs: SDFS[x.method], ...(x.trackingNo ? { yjdh: x.trackingNo } : {}), sdsj: formatSj(x.at) } } : {}),
    wslb: r.documents.map((d) => ({
      wjbh: wjbhOf(r, d), wslx: lookup(DOCUMENT_TO_WSLX, d.type, '文书类型'), wsmc: d.title, wjmc: d.fileName,
      wjlx: lookup(FILE_TYPES, d.mediaType, '文件类型'), wjdx: d.size, wjhash: d.sha256,
    })),
  };
}

/** operationId fkcx: the case and every published decision, oldest first; 1 收件 while none is */
export function toFkcxReply(c: PublishedCase): FkcxReply {
  const lsjl = c.reports.map(toFkcxRecord);
  return { code: '0', msg: '成功', data: { bjbh: c.partnerCaseNo, bldbh: c.caseNo, bldqhdm: c.handlingRegion, blzt: lsjl.at(-1)?.blzt ?? '1', lsjl } };
}

/** the document a wjbh names, with the report it belongs to */
export function findDocument(c: PublishedCase, wjbh: string): { report: DecisionReport; document: ReportDocument } | undefined {
  for (const report of c.reports) {
    const document = report.documents.find((d) => wjbhOf(report, d) === wjbh);
    if (document) return { report, document };
  }
  return undefined;
}

/** operationId fkxz: one document; its hash is the one of the bytes sent */
export function toFkxzReply(wjbh: string, d: ReportDocument, bytes: Buffer): FkxzReply {
  return {
    code: '0', msg: '成功',
    data: { wjbh, wjmc: d.fileName, wjlx: lookup(FILE_TYPES, d.mediaType, '文件类型'), wjnr: bytes.toString('base64'), wjhash: createHash('sha256').update(bytes).digest('hex') },
  };
}
