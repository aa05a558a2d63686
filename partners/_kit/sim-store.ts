// Where a simulated partner keeps its small state between runs: one lowdb JSON file per region,
// <dataDir>/<region>.json, loaded at start and rewritten after each change. The simulator process is its
// only writer. Without a data directory (the tests) nothing is read or written.
//
// Low + JSONFile, not JSONFilePreset: under vitest (NODE_ENV=test) the preset silently swaps in an
// in-memory adapter, and a durability test would then prove nothing. steno writes temp file + rename
// (a crash leaves the old or the new file, never half of one) but does not fsync: fine for a demo.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { SimulatorOptions } from '../../gateway/src/ports/partner.js';
import type { OutgoingCallback } from './callbacks.js';
import type { LedgerSnapshot } from './idempotency.js';

/** the simulators' options: the port's, and where to keep state. `dataDir` is not part of the port
 *  (gateway/src/ports/partner.ts); the composition root hands it over through partners/index.ts. */
export interface PartnerSimulatorOptions extends SimulatorOptions {
  /** keep the simulator's state in <dataDir>/<region>.json across restarts; absent: in memory only */
  dataDir?: string;
}

/** what one region's file holds */
export interface SimSnapshot {
  /** the partner's own cases and decisions, in its own shape (SimPartnerSpec.snapshot) */
  partner: unknown;
  ledger: LedgerSnapshot;
  /** callbacks our gateway acknowledged */
  delivered: OutgoingCallback[];
}

export interface SimStore {
  /** what the file held at start, if there was a file */
  readonly loaded: SimSnapshot | undefined;
  /** write `snapshot` if it differs from what was last written; writes run one after another */
  save(snapshot: SimSnapshot): void;
  /** wait for the writes queued so far; rejects with the first write that failed */
  flush(): Promise<void>;
}

export async function openSimStore(dataDir: string, region: string): Promise<SimStore> {
  await mkdir(dataDir, { recursive: true });
  const db = new Low<SimSnapshot | null>(new JSONFile<SimSnapshot | null>(join(dataDir, `${region}.json`)), null);
  await db.read();
  const loaded = db.data ?? undefined;
  let last = loaded ? JSON.stringify(loaded) : '';
  let queue: Promise<void> = Promise.resolve();
  let failure: unknown;
  return {
    loaded,
    save(snapshot) {
      const text = JSON.stringify(snapshot);
      if (text === last) return;
      last = text;
      // a copy, so the state can move on while this version is being written
      const data = JSON.parse(text) as SimSnapshot;
      queue = queue.then(async () => {
        db.data = data;
        await db.write();
      }).catch((e: unknown) => { failure ??= e; });
    },
    async flush() {
      await queue;
      if (failure) throw failure;
    },
  };
}
