// The other direction on the simulated 厦门 platform: it hands cases received at its windows to a region
// that decides them (our gateway's receiveCase, through the kit's handover routes) and keeps every
// 办理结果反馈 (gov.kstb.case.feedback) it gets back, each document's SHA-256 recomputed on arrival.
import { createHash } from 'node:crypto';
import type { InboundDecision } from '../../gateway/src/ports/partner.js';
import type { HandedReportSummary, HandoverBook } from '../_kit/handover.js';
import { formatXmTime } from './mapping.js';
import { ok, refuse, type Outcome } from './sim-cases.js';
import type { XmFeedbackBiz } from './types.js';

export interface FeedbackRecord {
  out_request_no: string;
  handle_case_no: string;
  status: XmFeedbackBiz['status'];
  status_time: string;
  handle_dept: string;
  handler: string;
  detail: Pick<XmFeedbackBiz, 'promise_time' | 'supplement_materials' | 'supplement_note' | 'reject_reason' | 'legal_basis' | 'result' | 'delivered'>;
  /** the documents as they arrived: the hash recomputed from the bytes, which matched the declared one */
  documents: Array<{ doc_type: string; doc_name: string; file_name: string; sha256: string; size: number }>;
  receive_time: string;
}

export interface HandedCase { case_no: string; handed_time: string; reports: FeedbackRecord[] }

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** the platform's own reading of its feedback statuses, for the kit's summaries */
const STATUS: Readonly<Record<XmFeedbackBiz['status'], InboundDecision>> = {
  ACCEPTED: 'accepted', SUPPLEMENT: 'needs_supplement', REJECTED: 'rejected', FINISHED: 'completed', DELIVERED: 'delivered',
};

export class FeedbackBook implements HandoverBook {
  private readonly handed = new Map<string, HandedCase>();
  constructor(private readonly now: () => Date) {}

  snapshot(): HandedCase[] { return [...this.handed.values()]; }
  restore(saved: HandedCase[] | undefined): void { for (const h of saved ?? []) this.handed.set(h.case_no, h); }
  views(): HandedCase[] { return this.snapshot(); }

  summaries(caseNo: string): HandedReportSummary[] | undefined {
    return this.handed.get(caseNo)?.reports.map((r) => ({
      decision: STATUS[r.status], partnerStatus: r.status,
      documents: r.documents.map((d) => ({ name: d.doc_name, sha256: d.sha256, size: d.size })),
    }));
  }

  handOver(caseNo: string): void {
    if (!this.handed.has(caseNo)) this.handed.set(caseNo, { case_no: caseNo, handed_time: formatXmTime(this.now()), reports: [] });
  }

  /** one 办理结果反馈: refused for a case the platform did not hand over, or a document whose bytes do not match */
  receive(b: XmFeedbackBiz): Outcome {
    const handed = this.handed.get(b.case_no);
    if (!handed) return refuse('KSTB.CASE_NOT_HANDED', '平台未转出该办件');
    const documents: FeedbackRecord['documents'] = [];
    for (const d of b.documents) {
      const bytes = Buffer.from(d.file_content, 'base64');
      if (sha256(bytes) !== d.file_sha256) return refuse('KSTB.MATERIAL_DIGEST_MISMATCH', `文书「${d.doc_name}」的 SHA-256 与文件内容不符`);
      documents.push({ doc_type: d.doc_type, doc_name: d.doc_name, file_name: d.file_name, sha256: sha256(bytes), size: bytes.length });
    }
    const { out_request_no, handle_case_no, status, status_time, handle_dept, handler, documents: _docs, case_no: _no, ...detail } = b;
    const receive_time = formatXmTime(this.now());
    handed.reports.push({ out_request_no, handle_case_no, status, status_time, handle_dept, handler, detail, documents, receive_time });
    return ok({ case_no: b.case_no, status, receive_time });
  }
}
