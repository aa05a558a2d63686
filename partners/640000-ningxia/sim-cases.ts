// What the simulated 宁夏 platform keeps of each case (in memory, and in its state file when the
// simulator has a data directory), and what its department's decisions do
// to it. Every status change is an event with a stable id (sjbh), so a re-pushed change carries the same id.
import { createHash } from 'node:crypto';
import { materialsView, type Decision, type SimCaseView } from '../_kit/sim-server.js';
import { NX_STATUS, formatNxTime, type NxRtnCode } from './mapping.js';
import { REGION, type NxCaseResult, type NxMaterial, type NxNotifyBody, type NxQueryBody, type NxStatus, type NxSubmitBody, type NxSupplementBody, type NxWithdrawBody } from './types.js';

/** what the platform answers, before the simulator wraps it in a signed reply head */
export interface Outcome {
  rtnCode: NxRtnCode;
  rtnMsg?: string;
  body: Record<string, unknown>;
}

export interface SimEvent {
  sjbh: string;
  ztdm: NxStatus;
  bgsj: string;
  detail: Pick<NxNotifyBody, 'bzcl' | 'bzsm' | 'byslyy' | 'bjjg'>;
}

export interface SimCase {
  ref: string;
  caseNo: string;
  appId: string;
  /** the submitting node (our region): the receiver of the callbacks */
  sender: string;
  idempotencyKey: string;
  status: NxStatus;
  materials: { code: string; name: string; sha256: string; size: number }[];
  events: SimEvent[];
}

/** the case book as plain data, for the simulator's state file */
export interface CaseBookSnapshot {
  counter: number;
  cases: SimCase[];
}

const DECISION_TO_NX: Readonly<Record<Decision['to'], NxStatus>> = {
  accepted: '02', needs_supplement: '03', completed: '04', rejected: '05',
};

/** the statuses from which the applicant may still withdraw: nothing decided yet */
const WITHDRAWABLE: ReadonlySet<NxStatus> = new Set(['01', '02', '03']);

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const fail = (rtnCode: NxRtnCode, zd: string, yy: string): Outcome => ({ rtnCode, body: { cwxx: [{ zd, yy }] } });

/** a tiny but well-formed one-page PDF standing in for the 结果文书 */
function resultPdf(label: string): Buffer {
  const safe = label.replace(/[^A-Za-z0-9-]/g, '');
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n' +
    `4 0 obj<</Title(Ningxia result ${safe})/Producer(640000 simulator)>>endobj\ntrailer<</Root 1 0 R/Info 4 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

export class CaseBook {
  private readonly byRef = new Map<string, SimCase>();
  private readonly byCaseNo = new Map<string, SimCase>();
  private counter = 0;

  constructor(private readonly now: () => Date) {}

  snapshot(): CaseBookSnapshot {
    return { counter: this.counter, cases: [...this.byRef.values()] };
  }

  restore(saved: CaseBookSnapshot): void {
    this.counter = saved.counter;
    for (const c of saved.cases) {
      this.byRef.set(c.ref, c);
      this.byCaseNo.set(`${c.appId}|${c.caseNo}`, c);
    }
  }

  submit(appId: string, sender: string, b: NxSubmitBody): Outcome {
    const bad = checkMaterials(b.clxx);
    if (bad) return bad;
    if (this.byCaseNo.has(`${appId}|${b.bjbh}`)) return fail('2005', '/body/bjbh', '该办件编号已以其他业务流水号提交');
    this.counter += 1;
    const day = formatNxTime(this.now()).slice(0, 10).replaceAll('-', '');
    const c: SimCase = {
      ref: `${REGION}${day}${String(this.counter).padStart(7, '0')}`, caseNo: b.bjbh, appId, sender,
      idempotencyKey: b.bizSerial, status: '01', materials: materialsOf(b.clxx), events: [],
    };
    this.byRef.set(c.ref, c);
    this.byCaseNo.set(`${appId}|${c.caseNo}`, c);
    this.change(c, '01', {});
    return { rtnCode: '0000', body: ack(c) };
  }

  supplement(appId: string, b: NxSupplementBody): Outcome {
    const c = this.byCaseNo.get(`${appId}|${b.bjbh}`);
    if (!c) return fail('2003', '/body/bjbh', '办件不存在');
    if (c.status !== '03') return fail('2004', '/body/bjbh', `办件状态为 ${c.status} ${NX_STATUS[c.status].name}，不需补正`);
    const bad = checkMaterials(b.clxx);
    if (bad) return bad;
    c.materials = materialsOf(b.clxx);
    this.change(c, '01', {});
    return { rtnCode: '0000', body: ack(c) };
  }

  query(appId: string, b: NxQueryBody): Outcome {
    const c = this.byRef.get(b.sbbh);
    if (!c || c.appId !== appId || (b.bjbh !== undefined && b.bjbh !== c.caseNo)) return fail('2003', '/body/sbbh', '办件不存在');
    return {
      rtnCode: '0000',
      body: {
        sbbh: c.ref, bjbh: c.caseNo, ztdm: c.status, ztmc: NX_STATUS[c.status].name,
        lsjl: c.events.map((e) => ({ sjbh: e.sjbh, ztdm: e.ztdm, bgsj: e.bgsj })),
      },
    };
  }

  /** 撤件: withdrawn while nothing is decided (01, 02, 03); whichever the platform records first wins */
  withdraw(appId: string, b: NxWithdrawBody): Outcome {
    const c = this.byRef.get(b.sbbh);
    if (!c || c.appId !== appId || c.caseNo !== b.bjbh) return fail('2003', '/body/sbbh', '办件不存在');
    if (!WITHDRAWABLE.has(c.status)) return { rtnCode: '2006', body: { sbbh: c.ref, bjbh: c.caseNo, ztdm: c.status, cwxx: [{ zd: '/body/sbbh', yy: `办理地已作出决定（${NX_STATUS[c.status].name}），不能撤件` }] } };
    const e = this.change(c, '07', {});
    return { rtnCode: '0000', body: { sbbh: c.ref, bjbh: c.caseNo, ztdm: '07', chsj: e.bgsj } };
  }

  /** the department decides; the simulator then pushes the change */
  decide(ref: string, d: Decision): { case: SimCase; event: SimEvent } | undefined {
    const c = this.byRef.get(ref);
    if (!c) return undefined;
    // a department decides nothing on a withdrawn case: the withdrawal came first
    if (c.status === '07') throw Object.assign(new Error(`办件 ${ref} 已撤回，不能再作出决定`), { status: 409 });
    const ztdm = DECISION_TO_NX[d.to];
    if (!ztdm) return undefined;
    const detail: SimEvent['detail'] =
      d.to === 'needs_supplement' ? { bzcl: d.missing?.length ? d.missing : ['申请材料'], bzsm: '请按补齐补正告知书补充材料后重新提交' }
        : d.to === 'rejected' ? { byslyy: d.reason ?? '不符合受理条件' }
          : d.to === 'completed' ? { bjjg: resultOf(c, d.result) }
            : {};
    return { case: c, event: this.change(c, ztdm, detail) };
  }

  /** the push of a decision (a withdrawal is never pushed: its answer is the caseWithdraw reply) */
  notifyBody(c: SimCase, e: SimEvent): NxNotifyBody {
    if (e.ztdm === '07') throw new Error('a withdrawal is not pushed');
    return { sjbh: e.sjbh, sbbh: c.ref, bjbh: c.caseNo, ztdm: e.ztdm, ztmc: NX_STATUS[e.ztdm].name, bgsj: e.bgsj, ...e.detail };
  }

  views(): SimCaseView[] {
    return [...this.byRef.values()].map((c) => ({
      ref: c.ref, caseNo: c.caseNo, idempotencyKey: c.idempotencyKey, status: c.status, ...materialsView(c.materials),
    }));
  }

  private change(c: SimCase, ztdm: NxStatus, detail: SimEvent['detail']): SimEvent {
    const event: SimEvent = { sjbh: `${c.ref}-${String(c.events.length + 1).padStart(2, '0')}`, ztdm, bgsj: formatNxTime(this.now()), detail };
    c.events.push(event);
    c.status = ztdm;
    return event;
  }
}

function ack(c: SimCase): Record<string, unknown> {
  return { sbbh: c.ref, bjbh: c.caseNo, ztdm: c.status, jssj: c.events.at(-1)?.bgsj };
}

function checkMaterials(clxx: NxMaterial[]): Outcome | undefined {
  for (const [i, m] of clxx.entries()) {
    if (sha256(Buffer.from(m.wjnr, 'base64')) !== m.sha256) return fail('2001', `/body/clxx/${i}/sha256`, `${m.clmc} 的 SHA-256 与文件内容不符`);
  }
  return undefined;
}

function materialsOf(clxx: NxMaterial[]): SimCase['materials'] {
  return clxx.map((m) => {
    const bytes = Buffer.from(m.wjnr, 'base64');
    return { code: m.clbm, name: m.clmc, sha256: sha256(bytes), size: bytes.length };
  });
}

function resultOf(c: SimCase, r: Decision['result']): NxCaseResult {
  const documentName = r?.documentName ?? '办结通知书';
  const pdf = resultPdf(r?.certificateNo ?? c.ref);
  return {
    jgmc: documentName,
    ...(r?.certificateNo ? { zzbh: r.certificateNo } : {}),
    sdfs: r?.byPost ? '1' : '2',
    ...(r?.byPost && r.trackingNo ? { kddh: r.trackingNo } : {}),
    jgwj: { wjm: `${documentName}.pdf`, wjlx: 'pdf', wjnr: pdf.toString('base64'), sha256: sha256(pdf) },
  };
}
