// The other direction on the simulated 汉中 platform: it hands cases received at its windows to the region
// that decides them (the kit's handover) and, since it only ever polls, fetches that region's decisions
// from the interface its contract describes for a 办理地 (fkcx, then fkxz for each new document, whose
// SHA-256 it recomputes and compares with the 流水记录's wjhash). What it saw is kept in its state.
// POST /__sim/handed/:bjbh/poll makes one poll ({ tamper: 'sign' | 'stale' } makes it a forged or stale
// one, to see the 办理地 refuse it); with autoAdvance the platform polls every handed case by itself.
import { createHash } from 'node:crypto';
import type { Express } from 'express';
import type { InboundDecision } from '../../gateway/src/ports/partner.js';
import type { HandedReportSummary, HandoverBook, HandoverTarget } from '../_kit/handover.js';
import type { BldLsjl } from './mapping-report.js';
import { signHeaders } from './sign.js';
import { formatSj } from './mapping.js';

interface SeenDocument { wjbh: string; wsmc: string; wjhash: string; size: number }
export interface HzHandedCase { bjbh: string; handedAt: string; polls: number; lastCode?: string; lsjl: BldLsjl[]; documents: SeenDocument[] }

const BLZT: Readonly<Record<string, InboundDecision>> = { '2': 'accepted', '11': 'needs_supplement', '5': 'rejected', '4': 'completed', '6': 'delivered' };
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const BASE = '/api/inbound/partners/610700/reports';

export interface PollAnswer { status: number; body: { code?: string; msg?: string; data?: unknown } }

export class HzHandoverBook implements HandoverBook {
  readonly handed = new Map<string, HzHandedCase>();
  constructor(private readonly now: () => Date) {}

  handOver(bjbh: string): void {
    if (!this.handed.has(bjbh)) this.handed.set(bjbh, { bjbh, handedAt: formatSj(this.now()), polls: 0, lsjl: [], documents: [] });
  }
  views(): HzHandedCase[] { return [...this.handed.values()]; }
  summaries(bjbh: string): HandedReportSummary[] | undefined {
    const h = this.handed.get(bjbh);
    return h?.lsjl.map((r) => ({
      decision: BLZT[r.blzt] as InboundDecision, partnerStatus: r.blzt,
      // only documents downloaded and checked count as arrived
      documents: r.wslb.flatMap((w) => h.documents.filter((d) => d.wjbh === w.wjbh).map((d) => ({ name: d.wsmc, sha256: d.wjhash, size: d.size }))),
    }));
  }
  restore(saved: HzHandedCase[] | undefined): void { for (const h of saved ?? []) this.handed.set(h.bjbh, h); }
}

export interface Poller { poll(bjbh: string, tamper?: 'sign' | 'stale'): Promise<PollAnswer> }

export function createPoller(book: HzHandoverBook, target: HandoverTarget, cred: { appKey: string; appSecret: string }, now: () => Date): Poller {
  const post = async (op: 'fkcx' | 'fkxz', body: unknown, tamper?: 'sign' | 'stale'): Promise<PollAnswer> => {
    if (!target.gatewayBaseUrl) return { status: 409, body: { msg: 'the simulator has no gateway URL' } };
    const raw = JSON.stringify(body);
    const at = tamper === 'stale' ? new Date(now().getTime() - 600_000) : now();
    const headers = signHeaders({ appKey: cred.appKey, appSecret: tamper === 'sign' ? `${cred.appSecret}-forged` : cred.appSecret, uri: `${BASE}/${op}`, body: raw, now: at });
    const res = await fetch(`${target.gatewayBaseUrl.replace(/\/+$/, '')}${BASE}/${op}`, { method: 'POST', body: raw, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
    return { status: res.status, body: await res.json() as PollAnswer['body'] };
  };

  return {
    async poll(bjbh, tamper) {
      const answer = await post('fkcx', { bjbh }, tamper);
      const h = book.handed.get(bjbh);
      if (!h || tamper) return answer;
      h.polls += 1;
      h.lastCode = answer.body.code ?? String(answer.status);
      if (answer.body.code !== '0') return answer;
      const { lsjl } = answer.body.data as { lsjl: BldLsjl[] };
      h.lsjl = lsjl;
      for (const w of lsjl.flatMap((r) => r.wslb)) {
        if (h.documents.some((d) => d.wjbh === w.wjbh)) continue;
        const file = await post('fkxz', { bjbh, wjbh: w.wjbh });
        if (file.body.code !== '0') continue;
        const bytes = Buffer.from((file.body.data as { wjnr: string }).wjnr, 'base64');
        // a document whose bytes do not match the record's hash is not taken
        if (sha256(bytes) === w.wjhash) h.documents.push({ wjbh: w.wjbh, wsmc: w.wsmc, wjhash: sha256(bytes), size: bytes.length });
      }
      return answer;
    },
  };
}

export function mountPolls(app: Express, poller: Poller): void {
  app.post('/__sim/handed/:bjbh/poll', async (req, res) => {
    const { tamper } = (req.body ?? {}) as { tamper?: unknown };
    if (tamper !== undefined && tamper !== 'sign' && tamper !== 'stale') {
      res.status(400).json({ error: "tamper is 'sign' or 'stale'" });
      return;
    }
    res.json(await poller.poll(String(req.params.bjbh), tamper));
  });
}
