// The conformance kit: every check a partner region must pass, and which apply to a given adapter
// (by what it declares and implements, never by its region code). tests/conformance/partners.test.ts
// runs them for every module in partners/index.ts; tests/scripts/partner-new.test.ts for a fresh `npm run partner:new` skeleton.
import type { PartnerAdapter } from '../../../gateway/src/ports/partner.js';
import type { Applies, Check } from './check.js';
import { decisionChecks } from './checks-decisions.js';
import { deliveryChecks } from './checks-delivery.js';
import { handoverChecks } from './checks-handover.js';
import { retryChecks } from './checks-retry.js';
import { statusChecks } from './checks-status.js';

export type { Check } from './check.js';
export { startPartnerWorld, type KitWorld } from './world.js';
export { simControl } from './sim.js';

const ALL: ReadonlyArray<Check & { applies?: Applies }> = [...deliveryChecks, ...retryChecks, ...decisionChecks, ...statusChecks, ...handoverChecks];

export function checksFor(adapter: PartnerAdapter): Check[] {
  return ALL.filter((c) => !c.applies || c.applies(adapter));
}
