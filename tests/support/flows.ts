// Story steps shared by component tests: open a case for a partner's item, upload its required
// materials, submit, wait for an outcome, drive the simulated partner's decisions.
import { makeCreditCode } from '../../gateway/src/domain/creditCode.js';
import { call, materialForm } from './client.js';
import { TINY_PDF, VALID_ID_NUMBER } from './fixtures.js';

export const COMPANY_CREDIT_CODE = makeCreditCode('91', '330681', 'MA2D3K4L');

export async function waitFor<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, everyMs));
    last = await probe();
  }
  return last;
}

export async function firstItem(base: string, token: string, partner: string) {
  const r = await call(base, 'GET', `/api/items?partner=${partner}`, { token });
  if (r.status !== 200 || r.body.items.length === 0) throw new Error(`no items for ${partner}: ${JSON.stringify(r.body)}`);
  return r.body.items[0];
}

export function applicantFor(item: { applicantKinds: readonly string[] }) {
  return item.applicantKinds.includes('person')
    ? { kind: 'person', name: '张三', idType: '111', idNumber: VALID_ID_NUMBER, phone: '13812345678', address: '浙江省诸暨市暨阳街道艮塔西路1号' }
    : { kind: 'organization', name: '诸暨市暨阳五金有限公司', idType: '990', idNumber: COMPANY_CREDIT_CODE, phone: '13812345678', agentName: '张三' };
}

/** A draft case for the partner's first item, with every required material uploaded. */
export async function draftCase(base: string, token: string, partner: string, opts: { skipMaterials?: boolean } = {}) {
  const item = await firstItem(base, token, partner);
  const created = await call(base, 'POST', '/api/cases', {
    token,
    json: { itemCode: item.itemCode, partner: item.partner, applicant: applicantFor(item), delivery: { byPost: true, address: '浙江省诸暨市暨阳街道艮塔西路1号' } },
  });
  if (created.status !== 201) throw new Error(`createCase: ${created.status} ${JSON.stringify(created.body)}`);
  if (!opts.skipMaterials) {
    for (const m of item.materials.filter((x: { required: boolean }) => x.required)) {
      const up = await call(base, 'POST', `/api/cases/${created.body.id}/materials`, { token, form: materialForm(m.code, TINY_PDF, `${m.code}.pdf`) });
      if (up.status !== 201) throw new Error(`addMaterial: ${up.status} ${JSON.stringify(up.body)}`);
    }
  }
  return { caseId: created.body.id as string, caseNo: created.body.caseNo as string, item };
}

export async function submittedCase(base: string, token: string, partner: string) {
  const d = await draftCase(base, token, partner);
  const s = await call(base, 'POST', `/api/cases/${d.caseId}/submit`, { token });
  if (s.status !== 202) throw new Error(`submitCase: ${s.status} ${JSON.stringify(s.body)}`);
  return { ...d, submitted: s.body };
}

export const getCase = (base: string, token: string, caseId: string) => call(base, 'GET', `/api/cases/${caseId}`, { token }).then((r) => r.body);

export async function simState(simUrl: string) {
  return (await call(simUrl, 'GET', '/__sim/state')).body as {
    cases: Array<{ ref: string; caseNo: string; idempotencyKey: string; status: string; materials: Array<{ sha256: string }> }>;
    idempotencyHits: Record<string, number>;
    faultsInjected: number;
  };
}

export async function decide(simUrl: string, ref: string, decision: Record<string, unknown>) {
  const r = await call(simUrl, 'POST', `/__sim/cases/${encodeURIComponent(ref)}/decision`, { json: decision });
  if (r.status !== 200) throw new Error(`decision: ${r.status} ${JSON.stringify(r.body)}`);
}

export const setFaults = (simUrl: string, plan: Record<string, unknown>) => call(simUrl, 'POST', '/__sim/faults', { json: plan });
export const clearFaults = (simUrl: string) => call(simUrl, 'DELETE', '/__sim/faults');
