// Status coming back: pushed callbacks, duplicated, out of order, forged, stale or replayed; or polled
// answers that break the region's contract. Whatever arrives, the case moves only on what is genuine and new.
import { expect } from 'vitest';
import { waitFor } from '../../support/flows.js';
import { caseOf, forwarded, timeline, until } from './cases.js';
import type { Applies, Check } from './check.js';

const byCallback: Applies = (a) => a.capabilities.statusBy === 'callback';
const byPolling: Applies = (a) => a.capabilities.statusBy === 'polling';
const count = (types: string[], t: string) => types.filter((x) => x === t).length;

export const statusChecks: Array<Check & { applies: Applies }> = [
  {
    name: 'when the region sends a callback twice, the case moves once and the repeat changes nothing',
    applies: byCallback,
    async run(w, sim) {
      const c = await forwarded(w);
      const delivered = (await sim.state()).callbacksDelivered;
      await sim.faults({ duplicateCallbacks: true });
      try {
        expect(await sim.decide(c.partnerRef, { to: 'accepted' })).toBe(200);
        await waitFor('both callbacks answered', () => sim.state(), (s) => s.callbacksDelivered >= delivered + 2);
      } finally {
        await sim.clearFaults();
      }
      expect((await caseOf(w, c.caseId)).status).toBe('accepted');
      expect(count((await timeline(w, c.caseId)).map((e) => e.type), 'partner.status_received')).toBe(1);
    },
  },
  {
    name: 'when the region’s callbacks arrive newest first, the case ends at the newest and the older one is recorded without moving it',
    applies: byCallback,
    async run(w, sim) {
      const c = await forwarded(w);
      await sim.faults({ reorderCallbacks: true });
      try {
        expect(await sim.decide(c.partnerRef, { to: 'accepted' })).toBe(200);
        expect(await sim.decide(c.partnerRef, { to: 'rejected', reason: '不属于本机关管辖范围' })).toBe(200);
        expect(await sim.release()).toBe(2);
        await until(w, c.caseId, '不予受理', (x) => x.status === 'rejected');
        await waitFor('the older callback recorded', () => timeline(w, c.caseId), (t) => t.some((e) => e.type === 'partner.status_ignored'));
      } finally {
        await sim.clearFaults();
      }
      expect((await caseOf(w, c.caseId)).status).toBe('rejected');
    },
  },
  {
    name: 'when a callback is signed with a wrong secret, is stale, or is a replay, it is refused with problem+json and the case does not move',
    applies: byCallback,
    async run(w, sim) {
      const c = await forwarded(w);
      expect(await sim.decide(c.partnerRef, { to: 'accepted' })).toBe(200);
      await until(w, c.caseId, '已受理', (x) => x.status === 'accepted');
      const events = (await timeline(w, c.caseId)).length;
      const answers = [];
      for (const kind of ['bad-signature', 'stale', 'replayed'] as const) {
        const a = await sim.forge(kind, c.partnerRef);
        answers.push([kind, a.status, a.contentType.split(';')[0], (JSON.parse(a.body) as { code: string }).code]);
      }
      expect(answers).toEqual([
        ['bad-signature', 401, 'application/problem+json', 'SIGNATURE_INVALID'],
        ['stale', 401, 'application/problem+json', 'TIMESTAMP_STALE'],
        ['replayed', 409, 'application/problem+json', 'NONCE_REPLAYED'],
      ]);
      expect((await caseOf(w, c.caseId)).status).toBe('accepted');
      expect(await timeline(w, c.caseId)).toHaveLength(events);
    },
  },
  {
    name: 'when the region’s poll answers break its contract, they are recorded and the case does not move; once it answers properly, the decision arrives',
    applies: byPolling,
    async run(w, sim) {
      const c = await forwarded(w);
      // the first poll of the forwarded case, with what it reported, is in the trail before we count
      await waitFor('the first poll recorded', () => timeline(w, c.caseId), (t) => t.some((e) => e.type === 'partner.queried'));
      await w.gateway.poller.pollNow();
      const events = (await timeline(w, c.caseId)).length;
      const before = (await sim.state()).faultsInjected;
      // a success status with the region's error body: what its contract does not allow as an answer
      await sim.faults({ mode: 'error', status: 200 });
      try {
        expect(await sim.decide(c.partnerRef, { to: 'accepted' })).toBe(200);
        await waitFor('two rounds of polls answered wrongly', () => sim.state(), (s) => s.faultsInjected >= before + 2);
        expect((await caseOf(w, c.caseId)).status).toBe('forwarded');
        // the wrong answers reached the audit trail (once: a repeated answer is not recorded again), nothing else did
        const added = (await timeline(w, c.caseId)).slice(events);
        expect(added.map((e) => e.type)).toEqual(['partner.queried']);
      } finally {
        await sim.clearFaults();
      }
      await until(w, c.caseId, '已受理', (x) => x.status === 'accepted');
    },
  },
];
