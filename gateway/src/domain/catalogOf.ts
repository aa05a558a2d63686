// The one catalog the core uses, built at start from what each registered partner brings (the items our
// windows receive for it) and the items our own region decides. It refuses, naming the item, what
// would make a lookup wrong: an item filed under another region, one 事项基本编码 twice for one region,
// one 实施编码 twice, one material code twice in an item.
import { GatewayError } from '../errors.js';
import type { ServiceItem } from './catalog.js';
import type { CaseRecord } from './case.js';

/** what the catalog needs of a partner module */
export interface CatalogSource {
  region: string;
  catalog: readonly ServiceItem[];
}

export interface ItemFilter {
  partner?: string;
  q?: string;
}

export interface Catalog {
  /**
   * An item our windows receive: by 实施编码, or by 事项基本编码 within `partner`. Without a partner, an
   * itemCode that two partners offer is refused (ITEM_AMBIGUOUS) rather than guessed.
   */
  find(code: string, partner?: string): ServiceItem | undefined;
  /** items of one partner and/or whose name, code or department contains q (case-insensitive) */
  list(filter?: ItemFilter): ServiceItem[];
  /** an item `region` (ours) decides as 办理地, by 事项基本编码 or 实施编码 */
  decidedHere(code: string, region: string): ServiceItem | undefined;
  /** the item of a stored case: its (partner, itemCode), or for a case handed to us, ours */
  ofCase(c: Pick<CaseRecord, 'direction' | 'itemCode' | 'partner' | 'handlingRegion'>): ServiceItem | undefined;
}

export function catalogOf(sources: readonly CatalogSource[], decidedHere: readonly ServiceItem[]): Catalog {
  for (const s of sources) assertItemsOf(s.region, s.catalog);
  for (const region of new Set(decidedHere.map((i) => i.partner))) assertItemsOf(region, decidedHere.filter((i) => i.partner === region));
  for (const item of decidedHere) {
    if (!item.acceptsFrom?.length) throw new Error(`item ${item.itemCode}「${item.name}」decided by ${item.partner} names no partner region it accepts cases from (acceptsFrom)`);
  }
  const offered = sources.flatMap((s) => s.catalog);
  assertUnique([...offered, ...decidedHere].map((i) => i.implementationCode), '实施编码');
  const byImplementation = new Map(offered.map((i) => [i.implementationCode, i]));
  const ours = (code: string, region: string) => decidedHere.find((i) => i.partner === region && (i.itemCode === code || i.implementationCode === code));
  return {
    find(code, partner) {
      const item = byImplementation.get(code);
      if (item) return partner === undefined || item.partner === partner ? item : undefined;
      const matches = offered.filter((i) => i.itemCode === code && (partner === undefined || i.partner === partner));
      if (matches.length > 1) {
        throw new GatewayError('ITEM_AMBIGUOUS', `事项基本编码 ${code} 由多个地区办理（${matches.map((i) => i.partner).join('、')}），请指明办理地`, [{ field: '/partner', message: '须指明办理地区划代码' }]);
      }
      return matches[0];
    },
    list(filter = {}) {
      const q = filter.q?.trim().toLowerCase() ?? '';
      return offered.filter(
        (i) =>
          (filter.partner === undefined || i.partner === filter.partner) &&
          (q === '' || [i.name, i.itemCode, i.implementationCode, i.department].some((f) => f.toLowerCase().includes(q))),
      );
    },
    decidedHere: ours,
    ofCase(c) {
      return c.direction === 'inbound' ? ours(c.itemCode, c.handlingRegion) : offered.find((i) => i.partner === c.partner && i.itemCode === c.itemCode);
    },
  };
}

/**
 * The agreements of the items we decide that name a partner region this gateway does not run: a typo, or
 * a region left out of the registry, whose cases would be refused. Logged at start (a gateway may run with
 * a subset of the regions, as the conformance tests do), not refused.
 */
export function unregisteredAgreements(decidedHere: readonly ServiceItem[], registered: readonly string[]): Array<{ itemCode: string; name: string; regions: string[] }> {
  return decidedHere.flatMap((item) => {
    const regions = (item.acceptsFrom ?? []).filter((r) => !registered.includes(r));
    return regions.length > 0 ? [{ itemCode: item.itemCode, name: item.name, regions }] : [];
  });
}

function assertItemsOf(region: string, items: readonly ServiceItem[]): void {
  for (const item of items) {
    if (item.partner !== region) throw new Error(`catalog of ${region}: item ${item.itemCode}「${item.name}」names region ${item.partner}; an item belongs to the region that brings it`);
    assertUnique(item.materials.map((m) => m.code), `material code in item ${item.itemCode}「${item.name}」of ${region}`);
  }
  assertUnique(items.map((i) => i.itemCode), `事项基本编码 in the catalog of ${region}`);
}

function assertUnique(codes: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) throw new Error(`duplicate ${what}: ${code}`);
    seen.add(code);
  }
}
