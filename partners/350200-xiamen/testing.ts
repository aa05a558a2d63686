// Test helpers for the 厦门 partner: its simulator with every setting it takes, a stand-in for our
// gateway's callback endpoint that runs the real adapter (answering as told), and a handoff builder.
// Used by this folder's tests only.
import axios from 'axios';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isGatewayError } from '../../gateway/src/errors.js';
import type { HandoffRequest, PartnerAdapter, PartnerContext, PartnerExchange, PartnerStatusUpdate, SimulatedPartner } from '../../gateway/src/ports/partner.js';
import { sampleOutboundCase } from '../../tests/support/fixtures.js';
import { partner } from './index.js';

/** the adapter's and the simulator's settings at their development values */
export const DEV = Object.fromEntries([...Object.entries(partner.settings), ...Object.entries(partner.simulatorSettings ?? {})]
  .flatMap(([k, v]) => (v.devDefault === undefined ? [] : [[k, v.devDefault]]))) as Record<string, string>;

export const startSim = (extra: { gatewayBaseUrl?: string; settings?: Record<string, string> } = {}): Promise<SimulatedPartner> =>
  partner.createSimulator({ settings: { ...DEV, URL: 'http://127.0.0.1:0', ...extra.settings }, ...(extra.gatewayBaseUrl ? { gatewayBaseUrl: extra.gatewayBaseUrl } : {}) });

export function context(): { ctx: PartnerContext; exchanges: PartnerExchange[] } {
  const exchanges: PartnerExchange[] = [];
  return { ctx: { http: axios.create({ timeout: 2000, proxy: false }), now: () => new Date(), record: (e) => exchanges.push(e) }, exchanges };
}

export interface Received { form: Record<string, string>; updates: PartnerStatusUpdate[]; exchanges: PartnerExchange[]; refused?: string }

/** our callback endpoint, reduced to what the adapter does there; `answer` may override the reply (as a gateway that fails would) */
export async function startReceiver(adapter: () => PartnerAdapter, answer?: (n: number) => string | undefined): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const app = express();
  app.post('/api/inbound/partners/350200/callback', express.raw({ type: () => true }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const form = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    const inbound = { method: 'POST', path: req.path, headers: {}, rawBody: raw, body: form };
    const a = adapter();
    const { ctx, exchanges } = context();
    try {
      a.verifyCallback!(inbound);
      received.push({ form, updates: await a.parseCallback!(inbound, ctx), exchanges });
    } catch (e) {
      if (!isGatewayError(e)) throw e;
      received.push({ form, updates: [], exchanges, refused: e.code });
    }
    const override = answer?.(received.length);
    const reply = a.callbackReply!({ ok: true });
    res.status(reply.status).type(reply.contentType).send(override ?? String(reply.body));
  });
  const server: Server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

let counter = 0;
/** a fresh case handled in 厦门, with its own 办件编号 and submit key */
export function handoffOf(): HandoffRequest {
  counter += 1;
  const { case: c, files } = sampleOutboundCase({ caseNo: `330681-20261122-XM${String(counter).padStart(6, '0')}-${process.pid}`, handlingRegion: '350203' });
  return { case: c, step: 'submit', idempotencyKey: `${c.caseNo}:350200:submit`, readMaterial: async (id) => files.get(id)! };
}

export async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 400; i += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}
