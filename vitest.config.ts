import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'partners/**/*.test.ts', 'gateway/**/*.test.ts'],
    exclude: ['node_modules/**', 'tests/bench/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['tests/support/setup.ts'],
    globalSetup: ['tests/support/globalSetup.ts'],
  },
});
