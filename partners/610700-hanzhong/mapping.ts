// Our case ⇄ 汉中's contract (contracts/partners/610700-hanzhong.yaml): request builders named after the
// operation they build, the code tables, and the 北京时间 date format. Pure functions; a code missing
// from a table is an error, never a silent default.
import { createHash } from 'node:crypto';
import type { Applicant, IdType } from '../../gateway/src/domain/case.js';
import {
  PartnerFailure, type CancelAnswer, type CancelRequest, type OutboundCase, type OutboundMaterial, type PartnerReportedStatus, type PartnerResultDocument,
  type PartnerStatusUpdate,
} from '../../gateway/src/ports/partner.js';
import type { Blzt, BqbzRequest, Cl, ClscRequest, CxsqData, CxsqRequest, Reply, CxztData, CxztRequest, JgxzData, JgxzRequest, Lsjl, SbRequest, Wjlx, Zjlx } from './types.js';

const unmapped = (table: string, code: string): PartnerFailure =>
  new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `汉中代码表 ${table} 中没有代码 "${code}"`, false);

/** 证件类型: GA/T 2000.156 → 汉中 zjlx */
export const ZJLX: Readonly<Record<IdType, Zjlx>> = {
  '111': '01', '112': '02', '113': '03', '414': '04', '511': '05', '516': '06', '553': '07', '990': '99',
};
/** 汉中 files organisations under their 统一社会信用代码, not under 证件类型 "其他" */
export const ORGANIZATION_ZJLX: Zjlx = '49';

export function toZjlx(applicant: Pick<Applicant, 'kind' | 'idType'>): Zjlx {
  if (applicant.kind === 'organization') return ORGANIZATION_ZJLX;
  const code = (ZJLX as Record<string, Zjlx | undefined>)[applicant.idType];
  if (!code) throw unmapped('zjlx', applicant.idType);
  return code;
}

/** 办理状态 blzt → canonical; 'inherit' keeps whatever the case was before (99 其他 says nothing new) */
export const BLZT: Readonly<Record<Blzt, { mc: string; status: PartnerReportedStatus | 'inherit' }>> = {
  '1': { mc: '收件', status: 'forwarded' },
  '2': { mc: '受理', status: 'accepted' },
  '3': { mc: '审核', status: 'accepted' },
  '4': { mc: '办结', status: 'completed' },
  '5': { mc: '不予受理', status: 'rejected' },
  '11': { mc: '补齐补正', status: 'needs_supplement' },
  '12': { mc: '挂起', status: 'accepted' },
  '13': { mc: '申请人撤回', status: 'withdrawn' },
  '99': { mc: '其他', status: 'inherit' },
};

export function fromBlzt(code: string, previous: PartnerReportedStatus = 'forwarded'): PartnerReportedStatus {
  const entry = (BLZT as Record<string, (typeof BLZT)[Blzt] | undefined>)[code];
  if (!entry) throw unmapped('blzt', code);
  return entry.status === 'inherit' ? previous : entry.status;
}

/** 文件类型 wjlx ⇄ media type */
export const WJLX: Readonly<Record<string, Wjlx>> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

export function toWjlx(mediaType: string): Wjlx {
  const code = WJLX[mediaType];
  if (!code) throw unmapped('wjlx', mediaType);
  return code;
}

export function fromWjlx(wjlx: string): string {
  const found = Object.entries(WJLX).find(([, code]) => code === wjlx);
  if (!found) throw unmapped('wjlx', wjlx);
  return found[0];
}

const BEIJING_OFFSET_MS = 8 * 3600_000;
const SJ = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** yyyyMMddHHmmss in 北京时间, whatever the machine's TZ */
export function formatSj(at: Date | string): string {
  const d = new Date(new Date(at).getTime() + BEIJING_OFFSET_MS);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${String(at)}`);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

export function parseSj(sj: string): Date {
  const m = SJ.exec(sj);
  if (!m) throw new RangeError(`not yyyyMMddHHmmss: "${sj}"`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s) - BEIJING_OFFSET_MS);
  // Date.UTC rolls 0230 over into March; a real calendar date formats back to itself
  if (formatSj(at) !== sj) throw new RangeError(`not a calendar date: "${sj}"`);
  return at;
}

/** qqlsh per step, so every call of a multi-call delivery is repeat-safe on its own */
export const clscQqlsh = (idempotencyKey: string, materialId: string): string => `${idempotencyKey}:cl:${materialId}`;
export const sbQqlsh = (idempotencyKey: string): string => `${idempotencyKey}:sb`;
export const bqbzQqlsh = (idempotencyKey: string): string => `${idempotencyKey}:bqbz`;
export const cxsqQqlsh = (idempotencyKey: string): string => `${idempotencyKey}:cxsq`;

/** operationId cxsq: the applicant's 撤件 of the case 汉中 filed as sblsh */
export function toCxsqRequest(req: CancelRequest): CxsqRequest {
  return { qqlsh: cxsqQqlsh(req.idempotencyKey), sblsh: req.partnerRef, bjbh: req.caseNo, cxyy: req.reason, sqsj: formatSj(req.requestedAt) };
}

/** cxsq's answer: code 0 (blzt 13, withdrawn) or 3008 (already decided, data.blzt says how) */
export function fromCxsqReply(reply: Reply<CxsqData | { blzt?: string }>): CancelAnswer {
  const data: { blzt?: string; cxsj?: string } = reply.data ?? {};
  if (reply.code === '0' && data.cxsj !== undefined) return { outcome: 'withdrawn', partnerStatus: data.blzt ?? '13', occurredAt: parseSj(data.cxsj).toISOString() };
  const blzt = typeof data.blzt === 'string' ? data.blzt : undefined;
  return { outcome: 'refused', partnerStatus: blzt ?? reply.code, reason: reply.msg, ...(blzt ? { decided: fromBlzt(blzt) } : {}) };
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** operationId clsc: the declared size and hash travel as declared, so the partner can catch a bad copy */
export function toClscRequest(c: OutboundCase, m: OutboundMaterial, content: Buffer, qqlsh: string): ClscRequest {
  return {
    qqlsh, bjbh: c.caseNo, clbm: m.code, clmc: m.name, wjmc: m.fileName, wjlx: toWjlx(m.mediaType),
    wjdx: m.size, ys: m.pages, wjnr: content.toString('base64'), wjhash: m.sha256,
  };
}

function toCllb(c: OutboundCase, clbh: ReadonlyMap<string, string>): Cl[] {
  return c.materials.map((m) => ({ clbh: clbh.get(m.id) ?? '', clbm: m.code, clmc: m.name }));
}

/** operationId sb. PIPL: of the applicant only name, ID, phone (and agent); an address only to post the result. */
export function toSbRequest(c: OutboundCase, clbh: ReadonlyMap<string, string>, qqlsh: string): SbRequest {
  const a = c.applicant;
  const byPost = c.delivery.byPost;
  return {
    qqlsh, bjbh: c.caseNo, sxbm: c.itemCode, ssbm: c.implementationCode, sxmc: c.itemName,
    bjlx: c.kind, blxs: c.handlingForm, sjdqhdm: c.acceptRegion, bldqhdm: c.handlingRegion,
    sqrlx: a.kind === 'organization' ? '2' : '1', sqrxm: a.name, zjlx: toZjlx(a), zjhm: a.idNumber, lxdh: a.phone,
    ...(a.kind === 'organization' && a.agentName ? { jbrxm: a.agentName } : {}),
    sqsj: formatSj(c.submittedAt), cnbjsx: c.promisedDays, cnbjsj: formatSj(c.promisedAt),
    sjdw: c.receivedBy.window, sjr: c.receivedBy.clerk,
    sfyj: byPost ? '1' : '0',
    ...(byPost && (c.delivery.address ?? a.address) ? { yjdz: c.delivery.address ?? a.address } : {}),
    cllb: toCllb(c, clbh),
  };
}

/** operationId bqbz: the complete material list after 补正, the case found by our 办件编号 */
export function toBqbzRequest(c: OutboundCase, clbh: ReadonlyMap<string, string>, qqlsh: string): BqbzRequest {
  return { qqlsh, bjbh: c.caseNo, cllb: toCllb(c, clbh) };
}

/** operationId cxzt */
export const toCxztRequest = (sblsh: string): CxztRequest => ({ sblsh });
/** operationId jgxz */
export const toJgxzRequest = (sblsh: string, jgwjbh: string): JgxzRequest => ({ sblsh, jgwjbh });

function toUpdate(data: CxztData, e: Lsjl, status: PartnerReportedStatus): PartnerStatusUpdate {
  return {
    partnerRef: data.sblsh, caseNo: data.bjbh, status, partnerStatus: e.blzt,
    occurredAt: parseSj(e.clsj).toISOString(), eventId: e.jlid,
    ...(e.blyj ? { note: e.blyj } : {}),
    ...(status === 'needs_supplement' ? { missing: e.bqclqd ?? [] } : {}),
    ...(status === 'rejected' && e.byslyy ? { reason: e.byslyy } : {}),
    ...(e.blzt === '4' && e.bjjg ? {
      result: {
        documentName: e.bjjg.jgmc,
        ...(e.bjjg.zzbh ? { certificateNo: e.bjjg.zzbh } : {}),
        delivery: { byPost: e.bjjg.sfyj === '1', electronic: e.bjjg.sfyj !== '1', ...(e.bjjg.yjdh ? { trackingNo: e.bjjg.yjdh } : {}) },
      },
    } : {}),
  };
}

/** cxzt reply → the status changes, oldest first (the result document is fetched separately via jgxz) */
export function fromCxztData(data: CxztData): PartnerStatusUpdate[] {
  let previous: PartnerReportedStatus = 'forwarded';
  return data.lsjl.map((e) => {
    previous = fromBlzt(e.blzt, previous);
    return toUpdate(data, e, previous);
  });
}

/** jgxz reply → the result document, refused when the bytes are not the ones the partner hashed */
export function fromJgxzData(data: JgxzData): PartnerResultDocument {
  const bytes = Buffer.from(data.wjnr, 'base64');
  if (sha256(bytes) !== data.wjhash) {
    throw new PartnerFailure('PARTNER_CONTRACT_VIOLATION', `汉中结果文件 ${data.jgwjbh} 的内容与 wjhash 不一致`, false);
  }
  return { fileName: data.wjmc, mediaType: fromWjlx(data.wjlx), contentBase64: data.wjnr, sha256: data.wjhash };
}
