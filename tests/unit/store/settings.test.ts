// The memory and audit-anchor settings of the gateway: documented defaults, bounds, and a bad value refused by name.
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../../gateway/src/config.js';

const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env }, []);

describe('STORE_CACHE_CASES, HEAP_GROWTH_PERCENT and AUDIT_ANCHOR_INTERVAL_S', () => {
  test('defaults: 512 case documents kept parsed, heap limit 50 % above what the last full GC kept', () => {
    expect(load({})).toMatchObject({ storeCacheCases: 512, heapGrowthPercent: 50, auditAnchorIntervalS: 300 });
    expect(load({ STORE_CACHE_CASES: '4000', HEAP_GROWTH_PERCENT: '0' })).toMatchObject({ storeCacheCases: 4000, heapGrowthPercent: 0 });
  });

  test.each([
    ['STORE_CACHE_CASES', '0'],
    ['STORE_CACHE_CASES', 'many'],
    ['HEAP_GROWTH_PERCENT', '-5'],
    ['HEAP_GROWTH_PERCENT', '500'],
    ['AUDIT_ANCHOR_INTERVAL_S', '0'],
  ])('%s=%s is refused with the variable named', (name, value) => {
    expect(() => load({ [name]: value })).toThrow(name);
  });
});
