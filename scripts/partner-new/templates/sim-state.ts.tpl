// What the simulated {{NAME}} keeps: its cases with their status history (in memory, and in its state
// file when the simulator has a data directory), and what a department's decision means in its terms.
// It formats its own ids and events (not with our mapping), so a mapping bug cannot hide here.
import { createHash } from 'node:crypto';
import type { Decision } from '../_kit/sim-server.js';
import type { CaseStatus, StatusEvent, SubmitCaseRequest } from './types.js';

export interface StoredCase {
  ref: string;
  caseNo: string;
  idempotencyKey: string;
  status: CaseStatus;
  receivedAt: string;
  /** each material as it arrived: its hash recomputed from the bytes */
  materials: Array<{ code: string; name: string; sha256: string; size: number }>;
  request: Omit<SubmitCaseRequest, 'materials'>;
  events: StatusEvent[];
}

export interface SimSnapshot { seq: number; cases: StoredCase[] }

export const sha256Hex = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

export class SimState {
  readonly cases = new Map<string, StoredCase>();
  private seq = 0;
  constructor(readonly now: () => Date) {}

  /** the region's own case id: {{PREFIX}} + yyyyMMddHHmmss + sequence (假设) */
  nextRef(): string {
    this.seq += 1;
    return `{{PREFIX}}${this.now().toISOString().slice(0, 19).replace(/\D/g, '')}${String(this.seq).padStart(6, '0')}`;
  }

  findByCaseNo(caseNo: string): StoredCase | undefined {
    return [...this.cases.values()].find((c) => c.caseNo === caseNo);
  }

  /** move the case and record the event; its id is fixed once made, so a re-sent callback carries it */
  change(c: StoredCase, status: CaseStatus, extra: Partial<StatusEvent> = {}): StatusEvent {
    const event: StatusEvent = {
      eventId: `evt_${c.ref}_${String(c.events.length + 1).padStart(2, '0')}`,
      ref: c.ref, caseNo: c.caseNo, status, occurredAt: this.now().toISOString(), ...extra,
    };
    c.status = status;
    c.events.push(event);
    return event;
  }

  snapshot(): SimSnapshot {
    return { seq: this.seq, cases: [...this.cases.values()] };
  }

  restore(saved: SimSnapshot | undefined): void {
    if (!saved) return;
    this.seq = saved.seq;
    for (const c of saved.cases) this.cases.set(c.ref, c);
  }
}

const badDecision = (message: string): Error => Object.assign(new Error(message), { status: 400 });

/** what a department decision means in {{NAME}}'s terms */
export function decisionEvent(d: Decision, ref: string): { status: CaseStatus; extra: Partial<StatusEvent> } {
  switch (d.to) {
    case 'accepted':
      return { status: 'ACCEPTED', extra: {} };
    case 'rejected':
      if (!d.reason) throw badDecision('rejected needs a reason');
      return { status: 'REJECTED', extra: { reason: d.reason } };
    case 'completed': {
      const r = d.result ?? { documentName: '办结通知书' };
      const pdf = resultPdf([`{{SLUG}} result for ${ref}`, `Certificate: ${r.certificateNo ?? '-'}`]);
      return {
        status: 'COMPLETED',
        extra: {
          result: {
            documentName: r.documentName,
            ...(r.certificateNo ? { certificateNo: r.certificateNo } : {}),
            document: { fileName: `${ref}-result.pdf`, mediaType: 'application/pdf', contentBase64: pdf.toString('base64'), sha256: sha256Hex(pdf) },
            byPost: r.byPost ?? false,
            ...(r.byPost ? { trackingNo: r.trackingNo ?? `EMS${ref.slice(-10)}` } : {}),
          },
        },
      };
    }
    case 'needs_supplement':
      // TODO(待确认): the region's 补正 operation; until then the simulator cannot ask for one
      throw badDecision('本骨架未实现补正（capabilities.supplement = false）');
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
