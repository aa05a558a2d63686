// Child process for the store crash test: writes cases as fast as it can, four writers at once,
// and prints one line per write *after* its promise resolved (stdout to a pipe is synchronous on
// Linux, so a printed line was acknowledged before any kill). Runs until it is killed.
// usage: node --import tsx tests/support/storeCrashWriter.ts <dataDir>
import { openStore } from '../../gateway/src/store/index.js';
import { caseRecord, event } from './storeCases.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: storeCrashWriter.ts <dataDir>');

const { store } = await openStore({ dataDir, fsync: true });
let next = 1;

async function writer(): Promise<never> {
  for (;;) {
    const n = next++;
    const { record } = await store.createCase(caseRecord(n), [event('case.created', { n })]);
    process.stdout.write(`created ${record.id} ${record.version}\n`);
    for (let k = 0; k < 3; k++) {
      const { record: updated } = await store.updateCase(record.id, (c) => {
        c.promisedDays += 1;
        return [event('case.viewed', { k }), event('handoff.attempt', { k })];
      });
      process.stdout.write(`updated ${updated.id} ${updated.version}\n`);
    }
  }
}

process.stdout.write('ready\n');
await Promise.all([writer(), writer(), writer(), writer()]);
