// The store on each engine for the store's own tests: SQLite in a temporary directory, PostgreSQL in a
// database of its own in the run's throwaway cluster. `reopen` opens the same database again (a restart).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openStore, type OpenedStore, type SqlTarget } from '../../gateway/src/store/index.js';
import { generateKeyring, type Keyring } from '../../gateway/src/store/keyring.js';
import { freshDatabase } from './postgres.js';

export const ENGINES = ['sqlite', 'postgres'] as const;
export type TestEngine = (typeof ENGINES)[number];

export interface TestStores {
  open(): Promise<OpenedStore>;
  /** close every store opened so far (a stop before a restart) */
  closeAll(): Promise<void>;
  /** close everything and remove the database */
  dispose(): Promise<void>;
  target: SqlTarget;
}

export async function testStores(engine: TestEngine, label: string, keyring: Keyring = generateKeyring()): Promise<TestStores> {
  let dir: string | undefined;
  let target: SqlTarget;
  if (engine === 'postgres') target = { engine, url: await freshDatabase(inject('pgUrl'), label) };
  else {
    dir = await mkdtemp(join(tmpdir(), `kytb-${label}-`));
    target = { engine, file: join(dir, 'gateway.sqlite') };
  }
  const opened: OpenedStore[] = [];
  const closeAll = async () => { for (const o of opened.splice(0)) await o.store.close(); };
  return {
    target,
    async open() {
      const o = await openStore({ target, keyring });
      opened.push(o);
      return o;
    },
    closeAll,
    async dispose() {
      await closeAll();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
