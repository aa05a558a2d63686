// What tests, benches and fuzzers know of the partner regions: the registry (partners/index.ts) and the
// catalog the gateway builds from it, so that a region added there is tested without editing here.
import { DECIDED_HERE } from '../../gateway/src/domain/catalog.js';
import { catalogOf } from '../../gateway/src/domain/catalogOf.js';
import { regionDirectory } from '../../gateway/src/domain/region.js';
import { PARTNERS } from '../../partners/index.js';

export { PARTNERS };

/** the registered partner regions' codes, in registry order */
export const PARTNER_REGIONS: readonly string[] = PARTNERS.map((m) => m.region);

/** the catalog as the gateway builds it at start */
export const CATALOG = catalogOf(PARTNERS, DECIDED_HERE);

/** every item our windows receive, all partners */
export const OFFERED_ITEMS = CATALOG.list();

/** the region names as the gateway has them */
export const REGIONS = regionDirectory(PARTNERS);
