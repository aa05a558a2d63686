// The other direction on the simulated 徐汇区 platform: the cases its windows received and handed to the
// region that decides them (the kit's handover, partners/_kit/handover.ts), and the reports that region
// sends back through reportHandlingResult, each document resolved to the material uploaded before and its
// SHA-256 (recomputed from the uploaded bytes) compared with the one the report declares.
import type { Express, RequestHandler } from 'express';
import type { InboundDecision } from '../../gateway/src/ports/partner.js';
import type { HandedReportSummary, HandoverBook } from '../_kit/handover.js';
import type { SimKit } from '../_kit/sim-server.js';
import type { XhHandlingReport } from './mapping-report.js';
import { answeredFromLedger, checkBody, idempotencyKey, reply, sendError } from './sim-http.js';
import { randomId, type XhState } from './sim-state.js';

export interface XhReceivedReport extends Omit<XhHandlingReport, 'documents'> {
  reportId: string;
  idempotencyKey: string;
  receivedAt: string;
  /** as they arrived: the hash is the one recomputed from the uploaded bytes, which matched the declared one */
  documents: Array<{ documentType: string; title: string; materialId: string; materialCode: string; fileName: string; sha256: string; size: number }>;
}

export interface XhHandedCase { handoverCaseNo: string; handedAt: string; reports: XhReceivedReport[] }

/** 徐汇区's own reading of the report statuses, for the kit's summaries */
const STATUS: Readonly<Record<XhHandlingReport['status'], InboundDecision>> = {
  ACCEPTED: 'accepted', SUPPLEMENT_REQUIRED: 'needs_supplement', REJECTED: 'rejected', COMPLETED: 'completed', DELIVERED: 'delivered',
};

export class XhHandoverBook implements HandoverBook {
  readonly handed = new Map<string, XhHandedCase>();
  constructor(private readonly state: XhState) {}

  handOver(no: string): void {
    if (!this.handed.has(no)) this.handed.set(no, { handoverCaseNo: no, handedAt: this.state.nowText(), reports: [] });
  }
  views(): XhHandedCase[] { return [...this.handed.values()]; }
  summaries(no: string): HandedReportSummary[] | undefined {
    return this.handed.get(no)?.reports.map((r) => ({
      decision: STATUS[r.status], partnerStatus: r.status, documents: r.documents.map((d) => ({ name: d.title, sha256: d.sha256, size: d.size })),
    }));
  }
  snapshot(): XhHandedCase[] { return this.views(); }
  restore(saved: XhHandedCase[] | undefined): void { for (const h of saved ?? []) this.handed.set(h.handoverCaseNo, h); }
}

/** operationId reportHandlingResult */
export function mountReports(app: Express, kit: SimKit, state: XhState, book: XhHandoverBook, bearer: RequestHandler): void {
  app.post('/api/v1/handovers/:handoverCaseNo/reports', bearer, (req, res) => {
    const key = idempotencyKey(req, res);
    if (key === undefined || !checkBody(res, 'reportHandlingResult', req.body)) return;
    const body = req.body as XhHandlingReport;
    const no = String(req.params.handoverCaseNo);
    const fingerprint = { operation: 'reportHandlingResult', no, body };
    if (answeredFromLedger(kit, res, key, fingerprint)) return;
    const handed = book.handed.get(no);
    if (!handed) return sendError(res, 404, 'NOT_FOUND', `徐汇区未转出办件 ${no}`);
    const documents: XhReceivedReport['documents'] = [];
    for (const [i, d] of body.documents.entries()) {
      const m = state.materials.get(d.materialId);
      if (!m) return sendError(res, 422, 'MATERIAL_NOT_FOUND', `文书 ${d.materialId} 未上传`, [{ field: `/documents/${i}/materialId`, message: 'unknown materialId' }]);
      if (m.sha256 !== d.sha256) {
        return sendError(res, 422, 'MATERIAL_HASH_MISMATCH', `文书「${d.title}」的 SHA-256 与上传时不一致`, [{ field: `/documents/${i}/sha256`, message: `uploaded ${m.sha256}` }]);
      }
      documents.push({ documentType: d.documentType, title: d.title, materialId: m.materialId, materialCode: m.materialCode, fileName: m.fileName, sha256: m.sha256, size: m.size });
    }
    const received: XhReceivedReport = { ...body, reportId: randomId('rpt'), idempotencyKey: key, receivedAt: state.nowText(), documents };
    handed.reports.push(received);
    reply(kit, res, key, fingerprint, 201, { reportId: received.reportId, handoverCaseNo: no, status: body.status, receivedAt: received.receivedAt });
  });
}
