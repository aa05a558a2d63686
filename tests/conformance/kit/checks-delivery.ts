// Delivery: the region has the case once, with our materials' hashes and our signed documents, which
// check; a material damaged on the way is refused by name; a mapping bug is caught before anything is sent.
import { expect } from 'vitest';
import { call } from '../../support/client.js';
import { caseOf, draft, forwarded, submit, timeline, until } from './cases.js';
import type { Check } from './check.js';
import { refusedCase } from './hostile.js';

export const deliveryChecks: Check[] = [
  {
    name: 'a submitted case reaches the region once, its materials’ hashes equal ours, our signed 受理回执 and 材料流转单 arrive and check',
    async run(w, sim) {
      const c = await forwarded(w);
      const ours = await caseOf(w, c.caseId);
      expect(ours.handoffs[0]).toMatchObject({ step: 'submit', status: 'delivered', attempts: 1 });
      const atPartner = await sim.casesOf(c.caseNo);
      expect(atPartner.map((x) => x.ref)).toEqual([c.partnerRef]);
      expect(atPartner[0]!.materials.map((m) => m.sha256).sort()).toEqual(c.uploaded.map((m) => m.sha256).sort());

      const docs = (await call(w.url, 'GET', `/api/cases/${c.caseId}/documents`, { token: w.clerk })).body.items as Array<{ id: string; type: string; sha256: string; size: number }>;
      const travelling = docs.filter((d) => d.type === 'acceptance_receipt' || d.type === 'transfer_sheet');
      expect(travelling.map((d) => d.type).sort()).toEqual(['acceptance_receipt', 'transfer_sheet']);
      expect(atPartner[0]!.documents?.map((d) => [d.sha256, d.size]).sort()).toEqual(travelling.map((d) => [d.sha256, d.size]).sort());
      for (const d of travelling) {
        const bytes = Buffer.from(await (await fetch(`${w.url}/api/cases/${c.caseId}/documents/${d.id}`, { headers: { authorization: `Bearer ${w.clerk}` } })).arrayBuffer());
        const verdict = await call(w.url, 'POST', '/api/receipts/verify', { raw: bytes, headers: { 'content-type': 'application/pdf' } });
        expect(verdict.body).toMatchObject({ genuine: true, caseNo: c.caseNo, documentType: d.type });
      }
    },
  },
  {
    name: 'a material damaged on the way is refused by the region, naming the material; the case is dead-lettered, not filed',
    async run(w, sim) {
      const c = await draft(w);
      const damaged = c.uploaded[0]!;
      const before = (await sim.state()).faultsInjected;
      await sim.faults({ corruptSha256: damaged.sha256 });
      try {
        await submit(w, c);
        const dead = await until(w, c.caseId, '死信', (x) => x.handoffs[0]?.status === 'dead');
        expect(dead.handoffs[0].lastError).toMatchObject({ code: 'PARTNER_REJECTED', message: expect.stringContaining(damaged.name) });
        expect(dead.status).toBe('received');
        expect((await sim.state()).faultsInjected).toBe(before + 1);
        expect(await sim.casesOf(c.caseNo)).toEqual([]);
      } finally {
        await sim.clearFaults();
      }
    },
  },
  {
    name: 'a case whose data the region’s contract refuses is stopped before anything is sent: a contract violation, dead-lettered, the region saw nothing',
    async run(w, sim) {
      const hostile = await refusedCase(w);
      const c = await draft(w, hostile.input);
      await submit(w, c);
      const dead = await until(w, c.caseId, '死信', (x) => x.handoffs[0]?.status === 'dead');
      expect(dead.handoffs[0]).toMatchObject({ attempts: 1, lastError: { code: 'PARTNER_CONTRACT_VIOLATION', message: expect.stringContaining(hostile.field) } });
      const attempts = (await timeline(w, c.caseId)).filter((e) => e.type === 'handoff.attempt');
      expect(attempts.map((e) => e.data.exchanges)).toEqual([[]]);
      const state = await sim.state();
      expect(state.cases.filter((x) => x.caseNo === c.caseNo)).toEqual([]);
      expect(Object.keys(state.idempotencyHits).filter((k) => k.includes(c.caseNo))).toEqual([]);
    },
  },
];
