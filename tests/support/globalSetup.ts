// One throwaway PostgreSQL cluster for the whole test run (tests/support/postgres.ts); test files get a
// database of their own in it with freshDatabase(inject('pgUrl'), …). Stopped at the end of the run.
import type { TestProject } from 'vitest/node';
import { startPgCluster, type PgCluster } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the run's cluster (postgres://…/postgres), or undefined when none could be started */
    pgUrl: string | undefined;
  }
}

let cluster: PgCluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  try {
    cluster = await startPgCluster();
    project.provide('pgUrl', cluster.url);
  } catch (err) {
    console.error(`[tests] no PostgreSQL for this run; the PostgreSQL tests will fail: ${(err as Error).message}`);
    project.provide('pgUrl', undefined);
  }
}

export function teardown(): void {
  cluster?.stop();
}
