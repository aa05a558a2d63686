// Cases our gateway accepts but a region's contract may not: the kit asks the region's own adapter,
// offline (its HTTP client refuses to send), which of them its mapping refuses, and then drives that one
// through the front door. A region that takes every one of them needs a new candidate here.
import axios from 'axios';
import type { Applicant, OutboundCase, PartnerModule } from '../../../gateway/src/ports/partner.js';
import { PartnerFailure } from '../../../gateway/src/ports/partner.js';
import { sampleOutboundCase, TINY_PDF, sha256 } from '../../support/fixtures.js';
import { devSettings } from '../../support/world.js';
import type { KitWorld } from './world.js';

interface Candidate { name: string; input: { applicant?: Applicant; extra?: number } }

/** all within contracts/gateway.yaml: a 50-character 证件号码, and a case with 49 materials (51 files with our two documents) */
export const CANDIDATES: readonly Candidate[] = [
  { name: 'a 50-character passport number', input: { applicant: { kind: 'person', name: '张三', idType: '414', idNumber: `E${'1'.repeat(49)}`, phone: '13812345678' } } },
  { name: '49 materials', input: { extra: 49 } },
];

function probeCase(module: PartnerModule, input: Candidate['input']): OutboundCase {
  const item = module.catalog[0]!;
  const required = item.materials.filter((m) => m.required);
  const all = [...required, ...Array.from({ length: input.extra ?? 0 }, () => item.materials[0]!)];
  const doc = (code: string, i: number) => ({ id: `d${i}`, code, name: code, fileName: `${code}.pdf`, mediaType: 'application/pdf', size: TINY_PDF.length, sha256: sha256(TINY_PDF), pages: 1 });
  const { case: c } = sampleOutboundCase({
    itemCode: item.itemCode, implementationCode: item.implementationCode, itemName: item.name, handlingRegion: item.partner,
    promisedDays: item.promisedDays, ...(input.applicant ? { applicant: input.applicant } : {}),
  });
  c.materials = [...all.map((m, i) => ({ ...doc(m.code, i), name: m.name })), doc('KYTB-SLHZ', 900), doc('KYTB-CLLZD', 901)];
  return c;
}

/** the first candidate the region's mapping refuses before sending, and the field its refusal names */
export async function refusedCase(w: KitWorld): Promise<Candidate & { field: string }> {
  const adapter = w.module.createAdapter({ ...devSettings(w.module), URL: w.sim.url });
  const offline = axios.create();
  offline.interceptors.request.use(() => { throw new Error('the probe sends nothing'); });
  for (const candidate of CANDIDATES) {
    const c = probeCase(w.module, candidate.input);
    const outcome = await adapter.deliver(
      { case: c, step: 'submit', idempotencyKey: `${c.caseNo}:probe`, readMaterial: async () => TINY_PDF },
      { http: offline, now: () => new Date(), record: () => undefined },
    ).then(() => undefined, (e: unknown) => e);
    if (outcome instanceof PartnerFailure && outcome.code === 'PARTNER_CONTRACT_VIOLATION') {
      return { ...candidate, field: /\/[\w/]+/.exec(outcome.message)?.[0] ?? '' };
    }
  }
  throw new Error(`${w.module.name} takes every case in tests/conformance/kit/hostile.ts: add one its contract refuses`);
}
