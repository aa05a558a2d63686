// What the simulated 厦门 platform keeps of each case (in memory, and in its state file when the simulator
// has a data directory), and what its departments' decisions do to it. Every status change is an event
// with a stable id (event_id), so a re-sent notification carries the same id; a result document is kept
// under an unguessable token, served at its result_url.
import { createHash, randomBytes } from 'node:crypto';
import { materialsView, type Decision, type SimCaseView } from '../_kit/sim-server.js';
import { XM_STATUS, formatXmTime } from './mapping.js';
import type { XmCancelBiz, XmCaseStatus, XmMaterial, XmNotification, XmQueryBiz, XmSubCode, XmSubmitBiz } from './types.js';

/** what the platform answers, before the simulator signs it into `<method>_response` */
export interface Outcome {
  code: '10000' | '20000' | '40001' | '40002' | '40004' | '40006';
  msg?: string;
  sub_code?: XmSubCode;
  sub_msg?: string;
  data?: Record<string, unknown>;
}

export type NotifyDetail = Pick<XmNotification, 'reject_reason' | 'result_name' | 'cert_no' | 'delivery_type' | 'express_no' | 'result_sha256' | 'result_file_name' | 'result_file_type'> & { result_token?: string };

export interface SimEvent { event_id: string; status: XmCaseStatus; status_time: string; detail: NotifyDetail }

export interface SimResultFile { token: string; fileName: string; sha256: string; contentBase64: string }

export interface SimCase {
  ref: string;
  caseNo: string;
  appId: string;
  /** where this case's notifications go: the notify_url it was submitted with */
  notifyUrl: string;
  outRequestNo: string;
  status: XmCaseStatus;
  materials: { code: string; name: string; sha256: string; size: number }[];
  events: SimEvent[];
  files: SimResultFile[];
}

export interface CaseBookSnapshot { counter: number; cases: SimCase[] }

/** what a department may still withdraw from: nothing decided yet */
const CANCELLABLE: ReadonlySet<XmCaseStatus> = new Set(['RECEIVED', 'ACCEPTED']);

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
export const ok = (data: Record<string, unknown>): Outcome => ({ code: '10000', msg: 'Success', data });
export const refuse = (sub_code: XmSubCode, sub_msg: string, data: Record<string, unknown> = {}): Outcome =>
  ({ code: '40004', msg: 'Business Failed', sub_code, sub_msg, data });
const controlError = (status: number, message: string): Error => Object.assign(new Error(message), { status });

/** a tiny but well-formed one-page PDF standing in for the 结果文书 */
function resultPdf(label: string): Buffer {
  const safe = label.replace(/[^A-Za-z0-9-]/g, '');
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n' +
    `4 0 obj<</Title(Xiamen result ${safe})/Producer(350200 simulator)>>endobj\ntrailer<</Root 1 0 R/Info 4 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

export class CaseBook {
  private readonly byRef = new Map<string, SimCase>();
  private readonly byCaseNo = new Map<string, SimCase>();
  private counter = 0;

  constructor(private readonly now: () => Date) {}

  snapshot(): CaseBookSnapshot { return { counter: this.counter, cases: [...this.byRef.values()] }; }

  restore(saved: CaseBookSnapshot): void {
    this.counter = saved.counter;
    for (const c of saved.cases) {
      this.byRef.set(c.ref, c);
      this.byCaseNo.set(`${c.appId}|${c.caseNo}`, c);
    }
  }

  /** the materials as they arrived (`arrived` may damage one: the kit's corruptSha256 fault) */
  submit(appId: string, notifyUrl: string, b: XmSubmitBiz, arrived: (bytes: Buffer) => Buffer): Outcome {
    const materials: SimCase['materials'] = [];
    for (const m of b.materials) {
      const bytes = arrived(Buffer.from(m.file_content, 'base64'));
      if (sha256(bytes) !== m.file_sha256) return refuse('KSTB.MATERIAL_DIGEST_MISMATCH', `材料「${m.material_name}」的 SHA-256 与文件内容不符`);
      materials.push(materialOf(m, bytes));
    }
    if (this.byCaseNo.has(`${appId}|${b.case_no}`)) return refuse('KSTB.CASE_NO_EXISTS', '该办件编号已以其他请求流水号提交');
    this.counter += 1;
    const day = formatXmTime(this.now()).slice(0, 10).replaceAll('-', '');
    const c: SimCase = {
      ref: `XM${day}${String(this.counter).padStart(10, '0')}`, caseNo: b.case_no, appId, notifyUrl,
      outRequestNo: b.out_request_no, status: 'RECEIVED', materials, events: [], files: [],
    };
    this.byRef.set(c.ref, c);
    this.byCaseNo.set(`${appId}|${c.caseNo}`, c);
    const e = this.change(c, 'RECEIVED', {});
    return ok({ out_request_no: b.out_request_no, case_no: c.caseNo, platform_case_no: c.ref, status: c.status, receive_time: e.status_time });
  }

  query(appId: string, b: XmQueryBiz): Outcome {
    const c = this.byRef.get(b.platform_case_no);
    if (!c || c.appId !== appId || (b.case_no !== undefined && b.case_no !== c.caseNo)) return refuse('KSTB.CASE_NOT_FOUND', '办件不存在');
    return ok({ platform_case_no: c.ref, case_no: c.caseNo, status: c.status, events: c.events.map((e) => ({ event_id: e.event_id, status: e.status, status_time: e.status_time })) });
  }

  /** 撤件 while nothing is decided; whichever the platform records first wins */
  cancel(appId: string, b: XmCancelBiz): Outcome {
    const c = this.byRef.get(b.platform_case_no);
    if (!c || c.appId !== appId || c.caseNo !== b.case_no) return refuse('KSTB.CASE_NOT_FOUND', '办件不存在');
    if (!CANCELLABLE.has(c.status)) {
      return refuse('KSTB.CASE_ALREADY_DECIDED', `办件已${XM_STATUS[c.status].name}，不能撤件`, { platform_case_no: c.ref, case_no: c.caseNo, status: c.status });
    }
    const e = this.change(c, 'CANCELLED', {});
    return ok({ platform_case_no: c.ref, case_no: c.caseNo, status: 'CANCELLED', cancel_time: e.status_time });
  }

  /** a department decides; the simulator then notifies. This platform has no 补正. */
  decide(ref: string, d: Decision): { case: SimCase; event: SimEvent } | undefined {
    const c = this.byRef.get(ref);
    if (!c) return undefined;
    if (c.status === 'CANCELLED') throw controlError(409, `办件 ${ref} 已撤回，不能再作出决定`);
    if (d.to === 'needs_supplement') throw controlError(400, '厦门开放平台没有补正环节：材料不全的办件不予受理');
    if (d.to === 'accepted') return { case: c, event: this.change(c, 'ACCEPTED', {}) };
    if (d.to === 'rejected') return { case: c, event: this.change(c, 'REJECTED', { reject_reason: d.reason ?? '不符合受理条件' }) };
    if (d.to !== 'completed') return undefined;
    const name = d.result?.documentName ?? '办结通知书';
    const pdf = resultPdf(d.result?.certificateNo ?? c.ref);
    const file: SimResultFile = { token: randomBytes(16).toString('hex'), fileName: `${name}.pdf`, sha256: sha256(pdf), contentBase64: pdf.toString('base64') };
    c.files.push(file);
    return {
      case: c,
      event: this.change(c, 'FINISHED', {
        result_name: name, ...(d.result?.certificateNo ? { cert_no: d.result.certificateNo } : {}),
        delivery_type: d.result?.byPost ? 'EXPRESS' : 'ONLINE', ...(d.result?.byPost && d.result.trackingNo ? { express_no: d.result.trackingNo } : {}),
        result_token: file.token, result_sha256: file.sha256, result_file_name: file.fileName, result_file_type: 'PDF',
      }),
    };
  }

  /** a result document by its token */
  file(token: string): SimResultFile | undefined {
    for (const c of this.byRef.values()) {
      const f = c.files.find((x) => x.token === token);
      if (f) return f;
    }
    return undefined;
  }

  views(): SimCaseView[] {
    return [...this.byRef.values()].map((c) => ({ ref: c.ref, caseNo: c.caseNo, idempotencyKey: c.outRequestNo, status: c.status, ...materialsView(c.materials) }));
  }

  private change(c: SimCase, status: XmCaseStatus, detail: NotifyDetail): SimEvent {
    const event: SimEvent = { event_id: `${c.ref}-${String(c.events.length + 1).padStart(2, '0')}`, status, status_time: formatXmTime(this.now()), detail };
    c.events.push(event);
    c.status = status;
    return event;
  }
}

function materialOf(m: XmMaterial, bytes: Buffer): SimCase['materials'][number] {
  return { code: m.material_code, name: m.material_name, sha256: sha256(bytes), size: bytes.length };
}
