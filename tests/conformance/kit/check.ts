// What one conformance check is: a story told against one region's world, through the front door.
import type { PartnerAdapter } from '../../../gateway/src/ports/partner.js';
import type { SimControl } from './sim.js';
import type { KitWorld } from './world.js';

export interface Check {
  /** the story, as the test's name */
  name: string;
  run(w: KitWorld, sim: SimControl): Promise<void>;
}

/** which checks apply: decided by what the adapter declares and implements, never by the region code */
export type Applies = (adapter: PartnerAdapter) => boolean;
