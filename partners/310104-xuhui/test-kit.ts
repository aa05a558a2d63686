// Helpers for this partner's component tests: the real simulator, the real adapter, a plain axios
// context that records exchanges, and a tiny callback receiver standing in for our inbound endpoint.
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import express from 'express';
import type { FaultPlan } from '../_kit/faults.js';
import type { Decision } from '../_kit/sim-server.js';
import type {
  HandoffRequest, InboundHttpRequest, OutboundCase, PartnerAdapter, PartnerContext, PartnerExchange, PartnerStatusUpdate,
  SimulatedPartner,
} from '../../gateway/src/ports/partner.js';
import { sampleOutboundCase } from '../../tests/support/fixtures.js';
import { partner } from './index.js';

export const SETTINGS = {
  URL: 'http://127.0.0.1:0',
  CLIENT_ID: 'test-client',
  CLIENT_SECRET: 'test-client-secret',
  WEBHOOK_SECRET: 'test-webhook-secret',
} as const;

const control = axios.create({ proxy: false, validateStatus: () => true });

export interface Partner {
  sim: SimulatedPartner;
  adapter: PartnerAdapter;
  state(): Promise<SimState>;
  faults(plan: Partial<FaultPlan>): Promise<void>;
  clearFaults(): Promise<void>;
  decide(ref: string, decision: Decision): Promise<number>;
}

export interface SimState {
  cases: { ref: string; caseNo: string; idempotencyKey: string; status: string; materials: { name: string; sha256: string; size: number }[] }[];
  idempotencyHits: Record<string, number>;
  faultsInjected: number;
  callbacksDelivered: number;
  lastCallbackError: string | null;
}

export async function startPartner(options: { gatewayBaseUrl?: string; now?: () => Date; adapterSettings?: Partial<Record<keyof typeof SETTINGS, string>> } = {}): Promise<Partner> {
  const sim = await partner.createSimulator({ settings: SETTINGS, ...(options.gatewayBaseUrl ? { gatewayBaseUrl: options.gatewayBaseUrl } : {}), ...(options.now ? { now: options.now } : {}) });
  const adapter = partner.createAdapter({ ...SETTINGS, ...options.adapterSettings, URL: sim.url });
  return {
    sim,
    adapter,
    state: async () => (await control.get<SimState>(`${sim.url}/__sim/state`)).data,
    faults: async (plan) => { await control.post(`${sim.url}/__sim/faults`, plan); },
    clearFaults: async () => { await control.delete(`${sim.url}/__sim/faults`); },
    decide: async (ref, decision) => (await control.post(`${sim.url}/__sim/cases/${ref}/decision`, decision)).status,
  };
}

export type RecordingContext = PartnerContext & { exchanges: PartnerExchange[] };

export function context(options: { timeoutMs?: number; now?: () => Date } = {}): RecordingContext {
  const exchanges: PartnerExchange[] = [];
  return {
    http: axios.create({ timeout: options.timeoutMs ?? 2000, proxy: false }),
    now: options.now ?? (() => new Date()),
    record: (e) => { exchanges.push(e); },
    exchanges,
  };
}

export function handoff(overrides: Partial<OutboundCase> = {}, options: { step?: string; files?: Map<string, Buffer> } = {}): HandoffRequest {
  const { case: c, files } = sampleOutboundCase(overrides);
  const step = options.step ?? 'submit';
  const bytes = options.files ?? files;
  return {
    case: c,
    step,
    idempotencyKey: `${c.caseNo}:310104:${step}`,
    readMaterial: async (id) => {
      const b = bytes.get(id);
      if (!b) throw new Error(`no test file ${id}`);
      return b;
    },
  };
}

/** what deliver() threw, as plain data a table can compare */
export async function failureOf(p: Promise<unknown>): Promise<{ name: string; code: string; retryable: boolean; message: string }> {
  try {
    await p;
  } catch (e) {
    const f = e as { name: string; code: string; retryable: boolean; message: string };
    return { name: f.name, code: f.code, retryable: f.retryable, message: f.message };
  }
  throw new Error('expected the delivery to fail, it succeeded');
}

/** our inbound callback endpoint, reduced to what the adapter does there */
export async function startReceiver(adapterOf: () => PartnerAdapter): Promise<{ url: string; updates: PartnerStatusUpdate[]; replies: number[]; close(): Promise<void> }> {
  const updates: PartnerStatusUpdate[] = [];
  const replies: number[] = [];
  const app = express();
  app.post('/api/inbound/partners/310104/callback', express.raw({ type: () => true }), async (req, res) => {
    const rawBody = req.body as Buffer;
    const inbound: InboundHttpRequest = { method: req.method, path: req.path, headers: req.headers as Record<string, string | undefined>, rawBody, body: JSON.parse(rawBody.toString('utf8')) };
    const adapter = adapterOf();
    let reply;
    try {
      adapter.verifyCallback!(inbound);
      updates.push(...await adapter.parseCallback!(inbound, { http: axios.create({ proxy: false }), now: () => new Date(), record: () => {} }));
      reply = adapter.callbackReply!({ ok: true });
    } catch (e) {
      const err = e as { code: string; message: string };
      reply = adapter.callbackReply!({ ok: false, code: err.code, message: err.message });
    }
    replies.push(reply.status);
    res.status(reply.status).type(reply.contentType).send(JSON.stringify(reply.body));
  });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    updates,
    replies,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
