// The region decides a case we handed it: 受理 → 办结 with the result document (its hash checked,
// downloadable), the 补正 round trip where it asks for them, and 撤件 where its contract can withdraw.
import { expect } from 'vitest';
import { call, materialForm } from '../../support/client.js';
import { sha256, TINY_PNG } from '../../support/fixtures.js';
import { waitFor } from '../../support/flows.js';
import { caseOf, forwarded, lastCallPath, timeline, until } from './cases.js';
import type { Applies, Check } from './check.js';

export const decisionChecks: Array<Check & { applies?: Applies }> = [
  {
    name: 'when the region accepts and completes the case, the result document arrives, its hash checks and it downloads; we hand it to the applicant',
    async run(w, sim) {
      const c = await forwarded(w);
      expect(await sim.decide(c.partnerRef, { to: 'accepted' })).toBe(200);
      await until(w, c.caseId, '已受理', (x) => x.status === 'accepted');
      expect(await sim.decide(c.partnerRef, { to: 'completed', result: { documentName: '准予注销登记通知书', certificateNo: 'KIT-2026-0001', byPost: true, trackingNo: 'SF1234567890' } })).toBe(200);
      const done = await until(w, c.caseId, '办结', (x) => x.status === 'completed');
      expect(done.result).toMatchObject({ documentName: '准予注销登记通知书', document: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
      const pdf = await fetch(`${w.url}/api/cases/${c.caseId}/result/document`, { headers: { authorization: `Bearer ${w.clerk}` } });
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect([pdf.status, sha256(bytes), bytes.subarray(0, 5).toString('latin1')]).toEqual([200, done.result.document.sha256, '%PDF-']);
      const handed = await call(w.url, 'POST', `/api/cases/${c.caseId}/deliver`, { token: w.clerk, json: { method: 'post', trackingNo: 'EMS1122334455' } });
      expect(handed.body).toMatchObject({ status: 'delivered' });
      expect((await call(w.url, 'GET', `/api/cases/${c.caseId}/audit`, { token: w.clerk })).body).toMatchObject({ ok: true });
    },
  },
  {
    name: 'when the region asks for 补正, the clerk adds the material and resubmits; the region gets it once on the same case and goes on',
    applies: (a) => a.capabilities.supplement,
    async run(w, sim) {
      const c = await forwarded(w);
      expect(await sim.decide(c.partnerRef, { to: 'needs_supplement', missing: ['身份证明（复印件）'] })).toBe(200);
      const asked = await until(w, c.caseId, '需补正', (x) => x.status === 'needs_supplement');
      expect(asked.supplement.missing).toEqual(['身份证明（复印件）']);
      const up = await call(w.url, 'POST', `/api/cases/${c.caseId}/materials`, { token: w.clerk, form: materialForm(c.item.materials[0]!.code, TINY_PNG, 'buzheng.png', 'image/png') });
      expect(up.status).toBe(201);
      const again = await call(w.url, 'POST', `/api/cases/${c.caseId}/submit`, { token: w.clerk });
      expect(again.body.handoffs.map((j: { step: string }) => j.step)).toEqual(['submit', 'supplement-1']);
      const back = await until(w, c.caseId, '补正已转递', (x) => x.status === 'forwarded' && x.handoffs[1]?.status === 'delivered');
      expect(back.partnerRef).toBe(c.partnerRef);
      const atPartner = await sim.casesOf(c.caseNo);
      expect(atPartner).toHaveLength(1);
      expect(atPartner[0]!.materials.map((m) => m.sha256)).toContain(sha256(TINY_PNG));
      expect(await sim.decide(c.partnerRef, { to: 'accepted' })).toBe(200);
      await until(w, c.caseId, '已受理', (x) => x.status === 'accepted');
    },
  },
  {
    name: 'when the applicant withdraws before the region decided, the case is 已撤回 on both sides and the region can no longer decide it; a withdrawal racing its decision ends in the decision on both sides',
    applies: (a) => a.capabilities.cancel,
    async run(w, sim) {
      const withdraw = (caseId: string) => call(w.url, 'POST', `/api/cases/${caseId}/withdrawal`, { token: w.clerk, json: { reason: '申请人已在本地办结，不再需要' } });
      const first = await forwarded(w);
      expect((await withdraw(first.caseId)).status).toBe(202);
      const gone = await until(w, first.caseId, '已撤回', (x) => x.status === 'withdrawn');
      expect(gone.withdrawal).toMatchObject({ state: 'withdrawn', refusal: null });
      expect(await sim.decide(first.partnerRef, { to: 'completed', result: { documentName: '准予注销登记通知书' } })).toBe(409);
      expect((await caseOf(w, first.caseId)).status).toBe('withdrawn');

      const cancelPath = await lastCallPath(w, first.caseId, gone.handoffs.find((j: { step: string }) => j.step === 'cancel').id);
      const racing = await forwarded(w);
      const before = (await sim.state()).faultsInjected;
      // a cancel path may name the case (/applications/{ref}/…): aim at the racing one's
      await sim.faults({ mode: 'slow', delayMs: 600, count: 1, pathPrefix: cancelPath.replace(first.partnerRef, racing.partnerRef) });
      try {
        expect((await withdraw(racing.caseId)).status).toBe(202);
        await waitFor('撤件请求到达办理地', () => sim.state(), (s) => s.faultsInjected > before);
        expect(await sim.decide(racing.partnerRef, { to: 'completed', result: { documentName: '准予注销登记通知书' } })).toBe(200);
        const settled = await until(w, racing.caseId, '撤件答复', (x) => x.withdrawal?.state === 'refused' && x.status === 'completed');
        expect(settled.withdrawal.refusal).toEqual(expect.any(String));
        expect((await timeline(w, racing.caseId)).map((e) => e.type)).toEqual(expect.arrayContaining(['case.withdrawal_refused', 'partner.result_received']));
      } finally {
        await sim.clearFaults();
      }
    },
  },
];
