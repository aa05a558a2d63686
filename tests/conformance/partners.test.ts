// The conformance kit against every registered partner region (partners/index.ts), through the front
// door: a real gateway that knows only that region, and the region's real simulator, over HTTP.
import { afterAll, beforeAll, describe, test } from 'vitest';
import { PARTNERS } from '../support/registry.js';
import { devSettings } from '../support/world.js';
import { checksFor, simControl, startPartnerWorld, type KitWorld } from './kit/index.js';

describe.each(PARTNERS.map((m) => [`${m.name} ${m.region}`, m] as const))('%s holds to the conformance kit', (_name, module) => {
  let world: KitWorld;
  beforeAll(async () => { world = await startPartnerWorld(module); });
  afterAll(async () => { await world?.close(); });

  for (const check of checksFor(module.createAdapter(devSettings(module)))) {
    test(check.name, () => check.run(world, simControl(world.sim.url)));
  }
});
