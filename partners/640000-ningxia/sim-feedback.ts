// The other direction on the simulated 宁夏 platform: it hands cases received at its windows to a region
// that decides them (our gateway's receiveCase, signed with our HMAC scheme), answers that region's 补正
// (supplyInboundMaterials), and keeps every 办理结果反馈 (KYTB1004) it gets back, each document's SHA-256
// recomputed on arrival. The kit's control routes (partners/_kit/handover.ts) are how tests and the demo drive it.
import { createHash } from 'node:crypto';
import type { InboundDecision } from '../../gateway/src/ports/partner.js';
import type { HandedReportSummary, HandoverBook } from '../_kit/handover.js';
import { formatNxTime } from './mapping.js';
import type { Outcome } from './sim-cases.js';
import type { NxFeedbackBody } from './types.js';

export interface FeedbackRecord {
  bizSerial: string;
  /** the sender's (办理地's) 办件编号 */
  bldbh: string;
  ztdm: string;
  ztmc: string;
  bgsj: string;
  blbm: string;
  blr: string;
  detail: Pick<NxFeedbackBody, 'cnbjsj' | 'bzcl' | 'bzsm' | 'byslyy' | 'flyj' | 'bjjg' | 'sdxx'>;
  /** the documents as they arrived: the hash recomputed from the bytes, which matched the declared one */
  documents: Array<{ wslx: string; wsmc: string; wjm: string; sha256: string; size: number }>;
  receivedAt: string;
}

export interface HandedCase { bjbh: string; handedAt: string; reports: FeedbackRecord[] }

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** the platform's own reading of its 办理状态 codes (FeedbackStatusCode), for the kit's summaries */
const ZTDM: Readonly<Record<string, InboundDecision>> = { '02': 'accepted', '03': 'needs_supplement', '04': 'completed', '05': 'rejected', '06': 'delivered' };

export class FeedbackBook implements HandoverBook {
  private readonly handed = new Map<string, HandedCase>();
  constructor(private readonly now: () => Date) {}

  snapshot(): HandedCase[] { return [...this.handed.values()]; }
  restore(saved: HandedCase[] | undefined): void { for (const h of saved ?? []) this.handed.set(h.bjbh, h); }
  views(): HandedCase[] { return this.snapshot(); }

  summaries(bjbh: string): HandedReportSummary[] | undefined {
    return this.handed.get(bjbh)?.reports.map((r) => ({
      decision: ZTDM[r.ztdm] as InboundDecision, partnerStatus: r.ztdm,
      documents: r.documents.map((d) => ({ name: d.wsmc, sha256: d.sha256, size: d.size })),
    }));
  }

  handOver(bjbh: string): void {
    if (!this.handed.has(bjbh)) this.handed.set(bjbh, { bjbh, handedAt: formatNxTime(this.now()), reports: [] });
  }

  /** one 办理结果反馈: refused (2003) for a case the platform did not hand over, (2001) for a document whose bytes do not match */
  receive(b: NxFeedbackBody): Outcome {
    const handed = this.handed.get(b.bjbh);
    if (!handed) return { rtnCode: '2003', body: { cwxx: [{ zd: '/body/bjbh', yy: '平台未转出该办件' }] } };
    const documents: FeedbackRecord['documents'] = [];
    for (const [i, d] of b.wsxx.entries()) {
      const bytes = Buffer.from(d.wjnr, 'base64');
      if (sha256(bytes) !== d.sha256) return { rtnCode: '2001', body: { cwxx: [{ zd: `/body/wsxx/${i}/sha256`, yy: `${d.wsmc} 的 SHA-256 与文件内容不符` }] } };
      documents.push({ wslx: d.wslx, wsmc: d.wsmc, wjm: d.wjm, sha256: sha256(bytes), size: bytes.length });
    }
    const { bizSerial, bldbh, ztdm, ztmc, bgsj, blbm, blr, wsxx: _docs, bjbh: _no, ...detail } = b;
    const receivedAt = formatNxTime(this.now());
    handed.reports.push({ bizSerial, bldbh, ztdm, ztmc, bgsj, blbm, blr, detail, documents, receivedAt });
    return { rtnCode: '0000', body: { bjbh: b.bjbh, ztdm, jssj: receivedAt } };
  }
}
