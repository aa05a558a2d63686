// What the simulated 徐汇区 keeps: uploaded materials and applications with their status history (in
// memory, and in its state file when the simulator has a data directory). It formats its own dates and ids (not with our mapping), so a mapping bug cannot hide here.
import { createHash, randomBytes } from 'node:crypto';
import type { Decision } from '../_kit/sim-server.js';
import type { XhApplicationRequest, XhEventType, XhStatus, XhStatusEvent } from './types.js';

export interface StoredMaterial {
  materialId: string;
  materialCode: string;
  materialName: string;
  fileName: string;
  mediaType: string;
  /** recomputed from the bytes that arrived */
  sha256: string;
  size: number;
  receivedAt: string;
}

export interface StoredApplication {
  applicationId: string;
  externalCaseNo: string;
  idempotencyKey: string;
  status: XhStatus;
  receivedAt: string;
  updatedAt: string;
  request: XhApplicationRequest;
  materials: StoredMaterial[];
  events: XhStatusEvent[];
  /** the applicant's 撤件, once it succeeded */
  withdrawal?: { reason: string; requestedAt: string; withdrawnAt: string };
}

/** XhState as plain data, for the simulator's state file */
export interface XhSnapshot {
  seq: number;
  materials: StoredMaterial[];
  applications: StoredApplication[];
}

const EVENT_TYPE: Record<Exclude<XhStatus, 'WITHDRAWN'>, XhEventType> = {
  RECEIVED: 'application.received',
  ACCEPTED: 'application.accepted',
  SUPPLEMENT_REQUIRED: 'application.supplement_required',
  SUPPLEMENTED: 'application.supplemented',
  COMPLETED: 'application.completed',
  REJECTED: 'application.rejected',
};

/** 2026-11-22T10:00:00+08:00 */
export function beijingTime(d: Date): string {
  return `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

export const sha256Hex = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
export const randomId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('hex')}`;

export class XhState {
  readonly materials = new Map<string, StoredMaterial>();
  readonly applications = new Map<string, StoredApplication>();
  private seq = 0;

  constructor(readonly now: () => Date) {}

  nowText(): string {
    return beijingTime(this.now());
  }

  /** 申报流水号: XH + yyyyMMddHHmmss (Beijing) + 6-digit sequence */
  nextApplicationId(): string {
    this.seq += 1;
    const stamp = beijingTime(this.now()).slice(0, 19).replace(/\D/g, '');
    return `XH${stamp}${String(this.seq).padStart(6, '0')}`;
  }

  snapshot(): XhSnapshot {
    return { seq: this.seq, materials: [...this.materials.values()], applications: [...this.applications.values()] };
  }

  restore(saved: XhSnapshot): void {
    this.seq = saved.seq;
    for (const m of saved.materials) this.materials.set(m.materialId, m);
    for (const a of saved.applications) this.applications.set(a.applicationId, a);
  }

  findByCaseNo(externalCaseNo: string): StoredApplication | undefined {
    return [...this.applications.values()].find((a) => a.externalCaseNo === externalCaseNo);
  }

  /** move the application to `status` and record the change; the event id is fixed once made, so a
   *  re-sent callback carries the same id */
  change(app: StoredApplication, status: Exclude<XhStatus, 'WITHDRAWN'>, extra: Partial<XhStatusEvent> = {}): XhStatusEvent {
    // a department decides nothing on a withdrawn application: the withdrawal came first
    if (app.status === 'WITHDRAWN') throw Object.assign(new Error(`申报 ${app.applicationId} 已撤回，不能再作出决定`), { status: 409 });
    const at = this.nowText();
    const event: XhStatusEvent = {
      eventId: `evt_${app.applicationId}_${String(app.events.length + 1).padStart(2, '0')}`,
      eventType: EVENT_TYPE[status],
      occurredAt: at,
      applicationId: app.applicationId,
      externalCaseNo: app.externalCaseNo,
      status,
      ...extra,
    };
    app.status = status;
    app.updatedAt = at;
    app.events.push(event);
    return event;
  }
}

/** statuses from which the applicant may still withdraw: nothing decided yet */
export const WITHDRAWABLE: ReadonlySet<XhStatus> = new Set(['RECEIVED', 'ACCEPTED', 'SUPPLEMENT_REQUIRED', 'SUPPLEMENTED']);

const badDecision = (message: string): Error => Object.assign(new Error(message), { status: 400 });

/** what a department decision means in 徐汇区's terms */
export function decisionEvent(d: Decision, applicationId: string): { status: Exclude<XhStatus, 'WITHDRAWN'>; extra: Partial<XhStatusEvent> } {
  switch (d.to) {
    case 'accepted':
      return { status: 'ACCEPTED', extra: {} };
    case 'needs_supplement':
      if (!d.missing?.length) throw badDecision('needs_supplement needs the missing materials');
      return { status: 'SUPPLEMENT_REQUIRED', extra: { supplement: { items: d.missing.map((materialName) => ({ materialName })), note: '请按清单补齐补正材料后重新提交' } } };
    case 'rejected':
      if (!d.reason) throw badDecision('rejected needs a reason');
      return { status: 'REJECTED', extra: { rejection: { reasonCode: 'R01', reason: d.reason } } };
    case 'completed': {
      const r = d.result ?? { documentName: '办结通知书' };
      const pdf = resultPdf([`Xuhui District result for ${applicationId}`, `Certificate: ${r.certificateNo ?? '-'}`]);
      return {
        status: 'COMPLETED',
        extra: {
          result: {
            documentName: r.documentName,
            ...(r.certificateNo ? { certificateNo: r.certificateNo } : {}),
            document: { fileName: `${applicationId}-result.pdf`, mediaType: 'application/pdf', contentBase64: pdf.toString('base64'), sha256: sha256Hex(pdf) },
            delivery: r.byPost
              ? { method: 'EXPRESS', expressCompany: 'EMS', trackingNo: r.trackingNo ?? `EMS${applicationId.slice(-10)}` }
              : { method: 'ELECTRONIC' },
          },
        },
      };
    }
    default:
      throw badDecision(`unknown decision ${String((d as { to?: unknown }).to)}`);
  }
}

/** a one-page PDF with a few ASCII lines: a real, openable result document */
export function resultPdf(lines: string[]): Buffer {
  const text = lines.map((l, i) => `BT /F1 12 Tf 72 ${770 - i * 18} Td (${l.replace(/[()\\]/g, '')}) Tj ET`).join('\n');
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>',
    `<</Length ${Buffer.byteLength(text, 'latin1')}>>stream\n${text}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = Buffer.byteLength(out, 'latin1');
    out += `${i + 1} 0 obj${body}endobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
