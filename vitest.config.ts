import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: ['node_modules/**', 'tests/bench/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['tests/support/setup.ts'],
    globalSetup: ['tests/support/globalSetup.ts'],
    projects: [
      // everything on the embedded SQLite store (the suites of several instances, tests/fault/instances,
      // notify and rw-instances, start their instances on PostgreSQL themselves)
      { extends: true, test: { name: 'sqlite', include: ['tests/**/*.test.ts', 'partners/**/*.test.ts', 'gateway/**/*.test.ts'] } },
      // the store, handoff, inbound, audit and fault suites again on PostgreSQL (the run's throwaway
      // cluster; the store's own tests in tests/unit/store run on both engines by themselves)
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [
            'tests/component/handoff.test.ts', 'tests/component/dead-letter.test.ts', 'tests/component/audit.test.ts',
            'tests/component/bad-input.test.ts', 'tests/component/hardening-input.test.ts', 'tests/component/documents.test.ts',
            'tests/component/receipts-hash.test.ts', 'tests/fault/crash.test.ts', 'tests/fault/rw-crash.test.ts',
            // both directions: the decisions on cases handed to us, their reports, and 撤件
            'tests/component/inbound-decisions.test.ts', 'tests/component/inbound-reports-all.test.ts', 'tests/component/withdrawal.test.ts',
          ],
          env: { KYTB_TEST_STORE: 'postgres' },
        },
      },
    ],
  },
});
