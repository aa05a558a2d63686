// The conformance kit's hold on a simulated partner: the kit's control API (/__sim, partners/_kit),
// which every simulator built on the kit answers the same way, whatever its region's contract.
import type { FaultPlan } from '../../../partners/_kit/faults.js';
import type { Forgery } from '../../../partners/_kit/forge.js';
import type { Decision, SimCaseView } from '../../../partners/_kit/sim-server.js';
import { call } from '../../support/client.js';

export interface SimState {
  cases: SimCaseView[];
  idempotencyHits: Record<string, number>;
  faultsInjected: number;
  callbacksDelivered: number;
  callbacksHeld: number;
}

export interface ForgedAnswer { status: number; contentType: string; body: string }

export function simControl(url: string) {
  return {
    state: async (): Promise<SimState> => (await call<SimState>(url, 'GET', '/__sim/state')).body,
    casesOf: async (caseNo: string): Promise<SimCaseView[]> => (await call<SimState>(url, 'GET', '/__sim/state')).body.cases.filter((c) => c.caseNo === caseNo),
    faults: async (plan: Partial<FaultPlan>): Promise<void> => {
      const r = await call(url, 'POST', '/__sim/faults', { json: plan });
      if (r.status !== 200) throw new Error(`faults: ${r.status}`);
    },
    clearFaults: async (): Promise<void> => { await call(url, 'DELETE', '/__sim/faults'); },
    decide: async (ref: string, decision: Decision): Promise<number> =>
      (await call(url, 'POST', `/__sim/cases/${encodeURIComponent(ref)}/decision`, { json: decision })).status,
    release: async (): Promise<number> => (await call(url, 'POST', '/__sim/callbacks/release')).body.released as number,
    forge: async (kind: Forgery, ref: string): Promise<ForgedAnswer> => {
      const r = await call<ForgedAnswer>(url, 'POST', '/__sim/callbacks/forge', { json: { kind, ref } });
      if (r.status !== 200) throw new Error(`forge ${kind}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
    /** the other direction (partners/_kit handover routes): hand our gateway a case */
    handover: (body: unknown) => call(url, 'POST', '/__sim/handover', { json: body }),
    /** a region that polls for our reports (reportsBy 'poll'): make it poll once now */
    pollReports: (partnerCaseNo: string) => call(url, 'POST', `/__sim/handed/${encodeURIComponent(partnerCaseNo)}/poll`, { json: {} }),
    /** the reports a handed case got back: the kit's summary route where the simulator has it, else
     *  every SHA-256 found in its own record of the case in /__sim/handed */
    reportsOf: async (partnerCaseNo: string): Promise<Array<{ documents: Array<{ sha256: string }> }> | undefined> => {
      const summary = await call(url, 'GET', `/__sim/handed/${encodeURIComponent(partnerCaseNo)}/reports`);
      if (summary.status === 200 && Array.isArray(summary.body?.reports)) return summary.body.reports;
      const handed = await call(url, 'GET', '/__sim/handed');
      const mine = (handed.body?.handed as unknown[] | undefined)?.find((h) => JSON.stringify(h).includes(`"${partnerCaseNo}"`)) as { reports?: unknown[] } | undefined;
      return mine?.reports?.map((r) => ({ documents: [...JSON.stringify(r).matchAll(/"sha256":"([0-9a-f]{64})"/g)].map((m) => ({ sha256: m[1]! })) }));
    },
  };
}

export type SimControl = ReturnType<typeof simControl>;
