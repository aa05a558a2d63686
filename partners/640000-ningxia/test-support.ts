// Test helpers for the 宁夏 partner: a stand-in for our gateway's callback endpoint that runs the real
// adapter, and a builder of handoff requests. Used by adapter.test.ts and simulator.test.ts only.
import axios from 'axios';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isGatewayError } from '../../gateway/src/errors.js';
import type { HandoffRequest, InboundHttpRequest, OutboundCase, PartnerAdapter, PartnerStatusUpdate } from '../../gateway/src/ports/partner.js';
import { sampleOutboundCase } from '../../tests/support/fixtures.js';

export const TEST_SETTINGS = {
  URL: 'http://127.0.0.1:0',
  APP_ID: 'kytb330681test',
  APP_SECRET: 'test-only-ningxia-app-secret',
  CALLBACK_SECRET: 'test-only-ningxia-callback-secret',
} as const;

export interface ReceivedCallback {
  raw: Buffer;
  headers: Record<string, string | undefined>;
  updates: PartnerStatusUpdate[];
  /** the GatewayError code when the adapter refused it */
  refused?: string;
}

export function toInbound(raw: Buffer, headers: Record<string, string | undefined> = {}): InboundHttpRequest {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    body = undefined;
  }
  return { method: 'POST', path: '/api/inbound/partners/640000/callback', headers, rawBody: raw, body };
}

/** our callback endpoint, reduced to what the adapter does there: verify, parse, answer in its style */
export async function startReceiver(adapter: () => PartnerAdapter): Promise<{ url: string; received: ReceivedCallback[]; close(): Promise<void> }> {
  const received: ReceivedCallback[] = [];
  const app = express();
  app.post('/api/inbound/partners/640000/callback', express.raw({ type: () => true, limit: '30mb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
    const inbound = toInbound(raw, headers);
    const a = adapter();
    let reply;
    try {
      a.verifyCallback?.(inbound);
      received.push({ raw, headers, updates: (await a.parseCallback?.(inbound, { http: axios.create({ proxy: false }), now: () => new Date(), record: () => {} })) ?? [] });
      reply = a.callbackReply?.({ ok: true });
    } catch (e) {
      if (!isGatewayError(e)) throw e;
      received.push({ raw, headers, updates: [], refused: e.code });
      reply = a.callbackReply?.({ ok: false, code: e.code, message: e.message });
    }
    if (!reply) throw new Error('the adapter renders no callback reply');
    res.status(reply.status).type(reply.contentType).send(JSON.stringify(reply.body));
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

let counter = 0;

/** a fresh case handled in 宁夏, with its own 办件编号 and submit key */
export function handoffOf(overrides: Partial<OutboundCase> = {}, files?: Map<string, Buffer>): HandoffRequest {
  counter += 1;
  const sample = sampleOutboundCase({ caseNo: `330681-20261122-NX${String(counter).padStart(6, '0')}`, handlingRegion: '640000', ...overrides });
  const contents = files ?? sample.files;
  return {
    case: sample.case,
    step: 'submit',
    idempotencyKey: `${sample.case.caseNo}:640000:submit`,
    async readMaterial(id) {
      const bytes = contents.get(id);
      if (!bytes) throw new Error(`no material ${id}`);
      return bytes;
    },
  };
}

/** wait for something that happens asynchronously (a callback); fails after a generous bound */
export async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 400; i += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}
