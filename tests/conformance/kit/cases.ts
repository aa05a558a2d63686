// Cases through our front door for the conformance kit: opened by a clerk for one of the region's
// items, each required material a distinct small file (so a damaged one is named by its hash), submitted.
import type { Applicant } from '../../../gateway/src/ports/partner.js';
import { call, materialForm } from '../../support/client.js';
import { TINY_PDF, sha256 } from '../../support/fixtures.js';
import { applicantFor, getCase, waitFor } from '../../support/flows.js';
import type { KitWorld } from './world.js';

export interface Item { itemCode: string; partner: string; applicantKinds: string[]; materials: Array<{ code: string; name: string; required: boolean }> }
export interface Uploaded { code: string; name: string; sha256: string }
export interface OpenCase { caseId: string; caseNo: string; item: Item; uploaded: Uploaded[] }

let serial = 0;
/** a one-page PDF of its own: TINY_PDF with a distinct comment line */
export function distinctPdf(): Buffer {
  serial += 1;
  return Buffer.concat([TINY_PDF, Buffer.from(`%kit-${process.pid}-${serial}\n`, 'latin1')]);
}

export async function itemsOf(w: KitWorld): Promise<Item[]> {
  const r = await call(w.url, 'GET', `/api/items?partner=${w.module.region}`, { token: w.clerk });
  return r.body.items as Item[];
}

/** a draft for the region's first item that takes this applicant, its required materials (and `extra` more) uploaded */
export async function draft(w: KitWorld, opts: { applicant?: Applicant; extra?: number } = {}): Promise<OpenCase> {
  const items = await itemsOf(w);
  const item = items.find((i) => !opts.applicant || i.applicantKinds.includes(opts.applicant.kind)) ?? items[0]!;
  const created = await call(w.url, 'POST', '/api/cases', {
    token: w.clerk,
    json: { itemCode: item.itemCode, partner: item.partner, applicant: opts.applicant ?? applicantFor(item), delivery: { byPost: true, address: '浙江省诸暨市暨阳街道艮塔西路1号' } },
  });
  if (created.status !== 201) throw new Error(`createCase: ${created.status} ${JSON.stringify(created.body)}`);
  const required = item.materials.filter((m) => m.required);
  const toUpload = [...required, ...Array.from({ length: opts.extra ?? 0 }, () => item.materials[0]!)];
  const uploaded: Uploaded[] = [];
  for (const m of toUpload) {
    const bytes = distinctPdf();
    const up = await call(w.url, 'POST', `/api/cases/${created.body.id}/materials`, { token: w.clerk, form: materialForm(m.code, bytes, `${m.code}.pdf`) });
    if (up.status !== 201) throw new Error(`addMaterial: ${up.status} ${JSON.stringify(up.body)}`);
    uploaded.push({ code: m.code, name: m.name, sha256: sha256(bytes) });
  }
  return { caseId: created.body.id as string, caseNo: created.body.caseNo as string, item, uploaded };
}

export async function submit(w: KitWorld, c: OpenCase): Promise<void> {
  const s = await call(w.url, 'POST', `/api/cases/${c.caseId}/submit`, { token: w.clerk });
  if (s.status !== 202) throw new Error(`submitCase: ${s.status} ${JSON.stringify(s.body)}`);
}

export const caseOf = (w: KitWorld, caseId: string) => getCase(w.url, w.clerk, caseId);

export const until = (w: KitWorld, caseId: string, what: string, ok: (c: any) => boolean) => waitFor(what, () => caseOf(w, caseId), ok);

/** a submitted case the region has acknowledged (已转递) */
export async function forwarded(w: KitWorld, opts: Parameters<typeof draft>[1] = {}): Promise<OpenCase & { partnerRef: string }> {
  const c = await draft(w, opts);
  await submit(w, c);
  const f = await until(w, c.caseId, '已转递', (x) => x.status === 'forwarded');
  return { ...c, partnerRef: f.partnerRef as string };
}

export const timeline = async (w: KitWorld, caseId: string): Promise<Array<{ type: string; data: any }>> =>
  (await call(w.url, 'GET', `/api/cases/${caseId}/timeline`, { token: w.clerk })).body.events;

/** the path of the last call of a step's delivered attempt, from the exchanges our gateway recorded */
export async function lastCallPath(w: KitWorld, caseId: string, jobId: string): Promise<string> {
  const attempts = (await timeline(w, caseId)).filter((e) => e.type === 'handoff.attempt' && e.data.jobId === jobId);
  const exchanges = attempts.at(-1)?.data.exchanges as Array<{ url: string }> | undefined;
  if (!exchanges?.length) throw new Error(`no exchanges recorded for job ${jobId}`);
  return new URL(exchanges.at(-1)!.url).pathname;
}
