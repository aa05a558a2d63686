// Shared set-up for this partner's component tests: the real simulator on a free loopback port, an
// adapter pointed at it, and a PartnerContext whose record() keeps the exchanges for inspection.
import axios from 'axios';
import type { Decision } from '../_kit/sim-server.js';
import type { FaultPlan } from '../_kit/faults.js';
import {
  PartnerFailure, type HandoffRequest, type OutboundCase, type PartnerAdapter, type PartnerContext, type PartnerExchange,
  type SimulatedPartner,
} from '../../gateway/src/ports/partner.js';
import { sampleOutboundCase } from '../../tests/support/fixtures.js';
import { partner } from './index.js';

export const DEV_SETTINGS: Record<string, string> = Object.fromEntries(Object.entries(partner.settings).flatMap(([k, v]) => (v.devDefault === undefined ? [] : [[k, v.devDefault]])));

export interface Harness {
  sim: SimulatedPartner;
  adapter: PartnerAdapter;
  adapterWith(settings: Record<string, string>): PartnerAdapter;
  state(): Promise<SimState>;
  decide(ref: string, decision: Decision): Promise<void>;
  faults(plan: Partial<FaultPlan>): Promise<void>;
}

export interface SimState {
  cases: { ref: string; caseNo: string; idempotencyKey: string; status: string; materials: { name: string; sha256: string; size: number }[] }[];
  idempotencyHits: Record<string, number>;
  faultsInjected: number;
}

const control = axios.create({ proxy: false, timeout: 2000 });

export async function startHarness(extra: { autoAdvance?: { acceptAfterMs: number; completeAfterMs: number } } = {}): Promise<Harness> {
  const sim = await partner.createSimulator({ settings: { ...DEV_SETTINGS, URL: 'http://127.0.0.1:0' }, ...extra });
  const adapterWith = (settings: Record<string, string>): PartnerAdapter => partner.createAdapter({ ...DEV_SETTINGS, URL: sim.url, ...settings });
  return {
    sim,
    adapter: adapterWith({}),
    adapterWith,
    state: async () => (await control.get<SimState>(`${sim.url}/__sim/state`)).data,
    decide: async (ref, decision) => { await control.post(`${sim.url}/__sim/cases/${ref}/decision`, decision); },
    faults: async (plan) => { await control.post(`${sim.url}/__sim/faults`, plan); },
  };
}

export function context(opts: { timeoutMs?: number; now?: () => Date } = {}): { ctx: PartnerContext; exchanges: PartnerExchange[] } {
  const exchanges: PartnerExchange[] = [];
  const ctx: PartnerContext = {
    http: axios.create({ timeout: opts.timeoutMs ?? 2000, proxy: false }),
    now: opts.now ?? (() => new Date()),
    record: (e) => exchanges.push(e),
  };
  return { ctx, exchanges };
}

/** a handoff of the sample case, handled in 汉中 (bldqhdm must be 6107xx) */
export function handoff(opts: { case?: Partial<OutboundCase>; key?: string; step?: string; files?: Map<string, Buffer> } = {}): HandoffRequest {
  const { case: c, files } = sampleOutboundCase({ handlingRegion: '610702', ...opts.case });
  const contents = opts.files ?? files;
  return {
    case: c,
    step: opts.step ?? 'submit',
    idempotencyKey: opts.key ?? 'job-1',
    readMaterial: (id) => {
      const b = contents.get(id);
      return b ? Promise.resolve(b) : Promise.reject(new Error(`no material ${id}`));
    },
  };
}

/** the PartnerFailure a promise rejects with (fails the test if it resolves or throws something else) */
export async function failureOf(p: Promise<unknown>): Promise<PartnerFailure> {
  const outcome = await p.then(() => undefined, (e: unknown) => e);
  if (!(outcome instanceof PartnerFailure)) throw new Error(`expected a PartnerFailure, got ${String(outcome)}`);
  return outcome;
}
