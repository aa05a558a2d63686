// The other direction on a simulated partner platform, the part every region shares: it hands a case
// received at one of its windows to the region that decides it (our gateway's receiveCase, signed with
// our HMAC scheme, contracts/gateway.yaml partnerHmac) and answers that region's 补正
// (supplyInboundMaterials), each with a stable Idempotency-Key. What is the region's own (how it records
// a handed case, the reports it gets back and their format) is the HandoverBook it plugs in.
// Control routes: POST /__sim/handover, POST /__sim/handed/:no/supplement, GET /__sim/handed,
// GET /__sim/handed/:no/reports. (The kit saves the simulator's state after every request, these included.)
import type { Express } from 'express';
import { signGatewayRequest } from '../../gateway/src/inbound/signature.js';
import type { InboundCredentials, InboundDecision } from '../../gateway/src/ports/partner.js';

/** one report a region got back, in the kit's common terms (its own record is in `views()`) */
export interface HandedReportSummary {
  /** what the report says, read back from the region's own status code */
  decision: InboundDecision;
  /** the region's own status code, as it recorded it */
  partnerStatus: string;
  /** each document as it arrived: its hash recomputed from the bytes (a mismatch was refused) */
  documents: Array<{ name: string; sha256: string; size: number }>;
}

/** what a simulator keeps of the cases it handed over */
export interface HandoverBook {
  /** a case our gateway took (receiveCase answered 201) */
  handOver(partnerCaseNo: string): void;
  /** the handed cases and their reports in the region's own format, for GET /__sim/handed */
  views(): unknown[];
  /** the reports of one handed case in the kit's terms; undefined for a case it did not hand over */
  summaries(partnerCaseNo: string): HandedReportSummary[] | undefined;
}

export interface HandoverTarget {
  /** our gateway's base URL */
  gatewayBaseUrl?: string | undefined;
  /** our gateway's inbound credentials for this region */
  inbound?: InboundCredentials | undefined;
}

export interface GatewayAnswer { status: number; body: unknown }

/** one signed POST to our gateway's inbound API */
export async function postToGateway(target: HandoverTarget, path: string, body: unknown, idempotencyKey: string): Promise<GatewayAnswer> {
  const { gatewayBaseUrl, inbound } = target;
  if (!gatewayBaseUrl || !inbound) return { status: 409, body: { error: 'the simulator has no gateway URL or inbound credentials' } };
  const raw = JSON.stringify(body);
  const headers = signGatewayRequest({ appId: inbound.appId, secret: inbound.secret, method: 'POST', path, body: raw });
  const res = await fetch(`${gatewayBaseUrl.replace(/\/+$/, '')}${path}`, {
    method: 'POST', body: raw, headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // a body that is not JSON is passed on as text
  }
  return { status: res.status, body: parsed };
}

/** the Idempotency-Keys of the handover and of the N-th answer to a 补正: stable, so a repeat is a replay */
export const handoverKey = (partnerCaseNo: string): string => `${partnerCaseNo}:handoff`;
export const supplementKey = (partnerCaseNo: string, round: number): string => `${partnerCaseNo}:supplement-${round}`;

export function mountHandover(app: Express, book: HandoverBook, target: HandoverTarget): void {
  // the whole case, in the gateway's receiveCase shape (contracts/gateway.yaml InboundCase)
  app.post('/__sim/handover', async (req, res) => {
    const c = (req.body ?? {}) as { partnerCaseNo?: unknown };
    if (typeof c.partnerCaseNo !== 'string' || c.partnerCaseNo === '') {
      res.status(400).json({ error: 'partnerCaseNo is required' });
      return;
    }
    const out = await postToGateway(target, '/api/inbound/cases', c, handoverKey(c.partnerCaseNo));
    if (out.status === 201) book.handOver(c.partnerCaseNo);
    res.status(out.status).json(out.body);
  });
  // the answer to the gateway's N-th 补正, in the gateway's supplyInboundMaterials shape
  app.post('/__sim/handed/:no/supplement', async (req, res) => {
    const no = String(req.params.no);
    const { round, ...body } = (req.body ?? {}) as { round?: unknown; materials?: unknown[] };
    if (!Number.isInteger(round) || (round as number) < 1) {
      res.status(400).json({ error: 'round (1, 2, …) is required' });
      return;
    }
    const out = await postToGateway(target, `/api/inbound/cases/${encodeURIComponent(no)}/supplements`, body, supplementKey(no, round as number));
    res.status(out.status).json(out.body);
  });
  app.get('/__sim/handed', (_req, res) => { res.json({ handed: book.views() }); });
  app.get('/__sim/handed/:no/reports', (req, res) => {
    const reports = book.summaries(String(req.params.no));
    if (!reports) res.status(404).json({ error: 'no such handed case' });
    else res.json({ partnerCaseNo: String(req.params.no), reports });
  });
}
