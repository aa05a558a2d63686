// The other direction: the region hands us a case (its simulator calls our receiveCase), our approver
// decides, and the region receives our report in its own format, our documents with hashes that check.
// A region whose adapter cannot report gets none: the report is dead-lettered at once, saying why. A
// region no item we decide is agreed with (our catalog's acceptsFrom, e.g. a fresh partner:new skeleton)
// has its handover refused with ITEM_NOT_AGREED, and nothing is filed.
import { expect } from 'vitest';
import { DECIDED_HERE } from '../../../gateway/src/domain/catalog.js';
import { call, signedCall } from '../../support/client.js';
import { inboundCase } from '../../support/fixtures.js';
import { getCase, waitFor } from '../../support/flows.js';
import type { Applies, Check } from './check.js';
import type { KitWorld } from './world.js';

const accept = (w: KitWorld, caseId: string) => call(w.url, 'POST', `/api/cases/${caseId}/decisions/accept`, { token: w.approver });
const job = (w: KitWorld, caseId: string, ok: (j: { step: string; status: string }) => boolean) =>
  waitFor('the report', () => getCase(w.url, w.approver, caseId), (c) => c.handoffs.some(ok));

/** our catalog agrees with the region on the item the kit's handed case is for */
const agreed: Applies = (a) => DECIDED_HERE.some((i) => i.itemCode === inboundCase().itemCode && i.acceptsFrom?.includes(a.region));
const inboundCredentials = (w: KitWorld) => ({ appId: `partner-${w.module.region}`, secret: `dev-only-inbound-secret-${w.module.region}` });

export const handoverChecks: Array<Check & { applies: Applies }> = [
  {
    applies: agreed,
    name: 'when the region hands us a case and we accept it, its simulator receives our report in its own format, with our 受理通知书 whose hash checks',
    async run(w, sim) {
      const body = inboundCase({ acceptRegion: w.module.region });
      if (!w.adapter.report) {
        const r = await signedCall(w.url, '/api/inbound/cases', body, inboundCredentials(w), { idempotencyKey: `${body.partnerCaseNo}:handoff` });
        expect(r.status).toBe(201);
        expect((await accept(w, r.body.caseId)).body.status).toBe('accepted');
        const dead = await job(w, r.body.caseId, (j) => j.status === 'dead');
        expect(dead.handoffs[0]).toMatchObject({ step: 'report-accepted', attempts: 1, lastError: { code: 'PARTNER_CONTRACT_VIOLATION' } });
        return;
      }
      const handed = await sim.handover(body);
      expect(handed.status).toBe(201);
      const caseId = handed.body.caseId as string;
      expect((await accept(w, caseId)).status).toBe(200);
      await job(w, caseId, (j) => j.step === 'report-accepted' && j.status === 'delivered');
      // a region that cannot be pushed to polls for what we published, in its own style
      const polls = w.adapter.capabilities.reportsBy === 'poll';
      const reports = await waitFor('the report at the region', async () => {
        if (polls) expect((await sim.pollReports(body.partnerCaseNo)).status).toBe(200);
        return sim.reportsOf(body.partnerCaseNo);
      }, (r) => (r?.length ?? 0) >= 1);
      const ours = (await call(w.url, 'GET', `/api/cases/${caseId}/documents`, { token: w.approver })).body.items.filter((d: { source: string }) => d.source === 'gateway') as Array<{ id: string; sha256: string }>;
      expect(ours.length).toBeGreaterThan(0);
      expect(reports![0]!.documents.map((d) => d.sha256).sort()).toEqual(ours.map((d) => d.sha256).sort());
      for (const d of ours) {
        const bytes = Buffer.from(await (await fetch(`${w.url}/api/cases/${caseId}/documents/${d.id}`, { headers: { authorization: `Bearer ${w.approver}` } })).arrayBuffer());
        expect((await call(w.url, 'POST', '/api/receipts/verify', { raw: bytes, headers: { 'content-type': 'application/pdf' } })).body).toMatchObject({ genuine: true });
      }
    },
  },
  {
    name: 'when no item we decide is agreed with the region, a case it hands us is refused with ITEM_NOT_AGREED, and nothing is filed',
    applies: (a) => !agreed(a),
    async run(w) {
      const body = inboundCase({ acceptRegion: w.module.region });
      const listed = async () => (await call(w.url, 'GET', '/api/cases', { token: w.approver })).body.total as number;
      const before = await listed();
      for (const attempt of [1, 2]) {
        const r = await signedCall(w.url, '/api/inbound/cases', body, inboundCredentials(w), { idempotencyKey: `${body.partnerCaseNo}:handoff` });
        expect([attempt, r.status, r.contentType.split(';')[0], r.body.code]).toEqual([attempt, 422, 'application/problem+json', 'ITEM_NOT_AGREED']);
      }
      expect(await listed()).toBe(before);
    },
  },
];
