// The other direction on the simulated 宁夏 platform: it hands cases received at its windows to a region
// that decides them (our gateway's receiveCase, signed with our HMAC scheme), answers that region's 补正
// (supplyInboundMaterials), and keeps every 办理结果反馈 (KYTB1004) it gets back, each document's SHA-256
// recomputed on arrival. The control routes (/__sim/handover …) are how tests and the demo drive it.
import { createHash } from 'node:crypto';
import type { Express } from 'express';
import { signGatewayRequest } from '../../gateway/src/inbound/signature.js';
import type { InboundCredentials } from '../../gateway/src/ports/partner.js';
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

export class FeedbackBook {
  private readonly handed = new Map<string, HandedCase>();
  constructor(private readonly now: () => Date) {}

  snapshot(): HandedCase[] { return [...this.handed.values()]; }
  restore(saved: HandedCase[] | undefined): void { for (const h of saved ?? []) this.handed.set(h.bjbh, h); }
  views(): HandedCase[] { return this.snapshot(); }

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

/** the control routes: hand a case to the gateway, answer its 补正, list what came back */
// (the kit saves the simulator's state after every request, these included)
export function mountHandover(app: Express, book: FeedbackBook, gatewayBaseUrl: string | undefined, inbound: InboundCredentials | undefined): void {
  const send = async (path: string, body: unknown, key: string) => {
    if (!gatewayBaseUrl || !inbound) return { status: 409, body: { error: 'the simulator has no gateway URL or inbound credentials' } };
    const raw = JSON.stringify(body);
    const headers = signGatewayRequest({ appId: inbound.appId, secret: inbound.secret, method: 'POST', path, body: raw });
    const res = await fetch(`${gatewayBaseUrl.replace(/\/+$/, '')}${path}`, { method: 'POST', body: raw, headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': key } });
    return { status: res.status, body: await res.json() as unknown };
  };
  // the whole case, in the gateway's receiveCase shape (contracts/gateway.yaml InboundCase)
  app.post('/__sim/handover', async (req, res) => {
    const c = req.body as { partnerCaseNo: string };
    const out = await send('/api/inbound/cases', c, `${c.partnerCaseNo}:handoff`);
    if (out.status === 201) book.handOver(c.partnerCaseNo);
    res.status(out.status).json(out.body);
  });
  app.post('/__sim/handed/:bjbh/supplement', async (req, res) => {
    const bjbh = String(req.params.bjbh);
    const { round, ...body } = req.body as { round: number; materials: unknown[] };
    const out = await send(`/api/inbound/cases/${encodeURIComponent(bjbh)}/supplements`, body, `${bjbh}:supplement-${round}`);
    res.status(out.status).json(out.body);
  });
  app.get('/__sim/handed', (_req, res) => { res.json({ handed: book.views() }); });
}
