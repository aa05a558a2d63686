// The frame every simulated partner server is built in: a real express server on loopback with the
// /__sim control API (faults, decisions, inspection), a ledger of idempotency keys and a callback sender.
// The partner folder supplies its own routes (its contract) and what a decision means in its terms.
import express, { type Express, type Request } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults, type FaultPlan } from './faults.js';
import { IdempotencyLedger } from './idempotency.js';
import { CallbackSender, type CallbackRules, type OutgoingCallback } from './callbacks.js';
import { mountForge, type Forgery } from './forge.js';
import { openSimStore, type SimStore } from './sim-store.js';

/** A decision of the partner's department about a case, as tests and the demo ask for it. */
export interface Decision {
  to: 'accepted' | 'needs_supplement' | 'completed' | 'rejected';
  /** needs_supplement: names of missing materials */
  missing?: string[];
  /** rejected: 不予受理 reason */
  reason?: string;
  /** completed: the result */
  result?: {
    documentName: string;
    certificateNo?: string;
    /** post the result (with a tracking number) or deliver it electronically */
    byPost?: boolean;
    trackingNo?: string;
  };
}

export interface SimCaseView {
  /** the partner's own id */
  ref: string;
  /** our 办件编号 */
  caseNo: string;
  idempotencyKey: string;
  /** the partner's raw status code */
  status: string;
  /** how many materials arrived (and their hashes) */
  materials: { name: string; sha256: string; size: number }[];
  /** the sending gateway's own signed documents that travelled with the case (受理回执, 材料流转单),
   *  told apart from the applicant's materials by their KYTB- codes; absent when there are none */
  documents?: { code: string; name: string; sha256: string; size: number }[];
}

/** material codes under which a gateway sends its own documents (受理回执 KYTB-SLHZ, 材料流转单 KYTB-CLLZD) */
export const isGatewayDocumentCode = (code: string): boolean => code.startsWith('KYTB-');

/** the inspection view of what arrived: the applicant's materials, and the gateway's documents apart */
export function materialsView(items: Array<{ code: string; name: string; sha256: string; size: number }>): Pick<SimCaseView, 'materials' | 'documents'> {
  const materials = items.filter((m) => !isGatewayDocumentCode(m.code)).map((m) => ({ name: m.name, sha256: m.sha256, size: m.size }));
  const documents = items.filter((m) => isGatewayDocumentCode(m.code));
  return documents.length > 0 ? { materials, documents } : { materials };
}

export interface SimPartnerSpec {
  /** the region code: with a data directory, the state lives in <dataDir>/<region>.json */
  region: string;
  name: string;
  /** how the partner renders an error body in its style (used for injected 5xx) */
  renderError(status: number, message: string): unknown;
  /** mount the partner's contract routes */
  mount(app: Express, kit: SimKit): void;
  /** apply a decision to a case; returns false if no such case */
  decide(ref: string, decision: Decision, kit: SimKit): boolean;
  /** the cases for /__sim/state */
  cases(): SimCaseView[];
  /** the partner's own state (cases, decisions, counters) as plain JSON data, for the state file */
  snapshot(): unknown;
  /** take back what snapshot() gave in an earlier run; called once, before the server listens */
  restore(saved: unknown): void;
  /** callback partners: a callback about case `ref` that our gateway must refuse (signed with a wrong
   *  secret, or with a time outside ±300 s), announcing a decision never made; the state stays as it
   *  was. Behind POST /__sim/callbacks/forge (forge.ts). */
  forgeCallback?(ref: string, forgery: Exclude<Forgery, 'replayed'>): OutgoingCallback | undefined;
  /** callback partners: what counts as a delivered callback and when to send one again (default: any
   *  2xx; 4xx given up; resent after 0.2, 1, 3 and 10 s) */
  callbackRules?: Partial<CallbackRules>;
}

export interface SimKit {
  faults: Faults;
  ledger: IdempotencyLedger;
  callbacks: CallbackSender;
  /** schedule the automatic decisions for a new case (demo mode); a no-op in tests */
  autoAdvance(ref: string): void;
}

export interface RawBodyRequest extends Request {
  rawBody?: Buffer;
}

export async function startSimServer(
  spec: SimPartnerSpec,
  options: { port?: number; host?: string; autoAdvance?: { acceptAfterMs: number; completeAfterMs: number } | undefined; dataDir?: string | undefined },
): Promise<{ url: string; kit: SimKit; close(): Promise<void> }> {
  const app = express();
  app.disable('x-powered-by');
  const faults = new Faults();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void): void => {
    const t = setTimeout(() => { timers.delete(t); fn(); }, ms);
    timers.add(t);
  };
  const kit: SimKit = {
    faults,
    ledger: new IdempotencyLedger(),
    callbacks: new CallbackSender(faults, spec.callbackRules),
    autoAdvance(ref) {
      const auto = options.autoAdvance;
      if (!auto) return;
      later(auto.acceptAfterMs, () => { spec.decide(ref, { to: 'accepted' }, kit); persist(); });
      later(auto.completeAfterMs, () => {
        spec.decide(ref, {
          to: 'completed',
          result: { documentName: '办结通知书', certificateNo: `ZZ${Date.now()}`, byPost: true, trackingNo: `SF${Date.now()}` },
        }, kit);
        persist();
      });
    },
  };

  // With a data directory, what an earlier run kept comes back before the first request, and every
  // request, decision and delivered callback is followed by a save (skipped when nothing changed).
  const store: SimStore | undefined = options.dataDir ? await openSimStore(options.dataDir, spec.region) : undefined;
  if (store?.loaded) {
    spec.restore(store.loaded.partner);
    kit.ledger.restore(store.loaded.ledger);
    kit.callbacks.delivered.push(...store.loaded.delivered);
  }
  function persist(): void {
    store?.save({ partner: spec.snapshot(), ledger: kit.ledger.snapshot(), delivered: kit.callbacks.delivered });
  }
  kit.callbacks.onDelivered = persist;
  if (store) app.use((_req, res, next) => { res.on('finish', persist); next(); });

  app.use(express.json({
    limit: '60mb',
    verify: (req, _res, buf) => { (req as RawBodyRequest).rawBody = Buffer.from(buf); },
  }));

  const control = express.Router();
  control.get('/state', (_req, res) => {
    res.json({
      name: spec.name,
      cases: spec.cases(),
      idempotencyHits: Object.fromEntries(kit.ledger.hits),
      faultsInjected: faults.injected,
      faults: faults.plan,
      callbacksDelivered: kit.callbacks.delivered.length,
      callbacksHeld: kit.callbacks.heldCount,
      lastCallbackError: kit.callbacks.lastError ?? null,
    });
  });
  control.post('/faults', (req, res) => { res.json(faults.set((req.body ?? {}) as Partial<FaultPlan>)); });
  control.delete('/faults', (_req, res) => { faults.clear(); res.status(204).end(); });
  control.post('/callbacks/release', (_req, res) => { res.json({ released: kit.callbacks.release() }); });
  control.post('/cases/:ref/decision', (req, res) => {
    const ok = spec.decide(String(req.params.ref), req.body as Decision, kit);
    if (!ok) res.status(404).json({ error: 'no such case' });
    else res.json({ ok: true });
  });
  mountForge(control, { delivered: kit.callbacks.delivered, forge: spec.forgeCallback?.bind(spec) });
  app.use('/__sim', control);

  app.use(faults.middleware((status) => spec.renderError(status, 'injected fault')));
  spec.mount(app, kit);

  // A malformed body is the caller's fault: answer in the partner's style.
  app.use((err: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json(spec.renderError(status, err.message));
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    kit,
    async close() {
      kit.callbacks.close();
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      persist();
      await store?.flush();
    },
  };
}
