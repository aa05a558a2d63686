// When the region is down, unreachable or slow, or its answer is lost after it acted: our gateway
// retries with the same idempotency key, and the region ends with the case exactly once.
import { expect } from 'vitest';
import type { FaultPlan } from '../../../partners/_kit/faults.js';
import { waitFor } from '../../support/flows.js';
import { caseOf, draft, forwarded, lastCallPath, submit, until } from './cases.js';
import type { Check } from './check.js';
import type { SimControl } from './sim.js';
import { HANDOFF_TIMEOUT_MS, type KitWorld } from './world.js';

/** the path of a submit's last call to the region, learnt from a delivery our gateway recorded */
async function finalCallPath(w: KitWorld): Promise<string> {
  const c = await forwarded(w);
  const job = (await caseOf(w, c.caseId)).handoffs[0];
  return lastCallPath(w, c.caseId, job.id);
}

async function deliveredDespite(w: KitWorld, sim: SimControl, plan: Partial<FaultPlan>) {
  const c = await draft(w);
  const before = (await sim.state()).faultsInjected;
  await sim.faults({ count: 1, ...plan });
  try {
    await submit(w, c);
    const done = await until(w, c.caseId, '已转递', (x) => x.status === 'forwarded');
    expect(done.handoffs[0]).toMatchObject({ status: 'delivered', attempts: expect.any(Number) });
    expect(done.handoffs[0].attempts).toBeGreaterThanOrEqual(2);
    expect((await sim.state()).faultsInjected).toBe(before + 1);
    const atPartner = await sim.casesOf(c.caseNo);
    expect(atPartner.map((x) => x.ref)).toEqual([done.partnerRef]);
    return { c, atPartner: atPartner[0]! };
  } finally {
    await sim.clearFaults();
  }
}

export const retryChecks: Check[] = [
  {
    name: 'when the region answers 503 to the last call of a submit, the retry files the case exactly once',
    async run(w, sim) {
      const path = await finalCallPath(w);
      await deliveredDespite(w, sim, { mode: 'error', status: 503, pathPrefix: path });
    },
  },
  {
    name: 'when the region drops the connection, the retry files the case exactly once',
    async run(w, sim) {
      // aimed at the submit's last call: unaimed, a status poll of another case could take the fault
      await deliveredDespite(w, sim, { mode: 'drop', pathPrefix: await finalCallPath(w) });
    },
  },
  {
    name: 'when the region acts on the last call but its answer is lost, the redelivery with the same key creates nothing new',
    async run(w, sim) {
      const path = await finalCallPath(w);
      const { atPartner } = await deliveredDespite(w, sim, { mode: 'lose-reply', pathPrefix: path });
      expect((await sim.state()).idempotencyHits[atPartner.idempotencyKey]).toBe(2);
    },
  },
  {
    name: 'when the region answers slower than HANDOFF_TIMEOUT_MS, the retry files the case once, and the slow request, handled late, adds nothing',
    async run(w, sim) {
      const path = await finalCallPath(w);
      const { c, atPartner } = await deliveredDespite(w, sim, { mode: 'slow', delayMs: HANDOFF_TIMEOUT_MS + 600, pathPrefix: path });
      await waitFor('the slow request to be handled', () => sim.state(), (s) => (s.idempotencyHits[atPartner.idempotencyKey] ?? 0) >= 2);
      expect((await sim.casesOf(c.caseNo)).map((x) => x.ref)).toEqual([atPartner.ref]);
    },
  },
];
