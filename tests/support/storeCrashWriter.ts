// Child process for the store crash tests: writes cases as fast as it can, four writers at once,
// and prints one line per write *after* its promise resolved (stdout to a pipe is synchronous on
// Linux, so a printed line was acknowledged before any kill). Runs until it is killed. It continues
// the numbering of the cases already in the directory, so it can be restarted on it after a kill.
// usage: node --import tsx tests/support/storeCrashWriter.ts <dataDir> [options]
//   --segment-bytes N    rotate the log (checkpoint) whenever a segment passes N bytes
//   --checkpoint-ms N    checkpoint every N ms
//   --pause-flusher      leave case documents unwritten (only the log has the writes)
//   --kill-at STAGE:K    SIGKILL itself right after stage STAGE of the K-th checkpoint
//   --burst N            instead: create N cases, then update all N at once, print "burst <syncs>" and wait
import { openStore } from '../../gateway/src/store/index.js';
import type { CheckpointStage } from '../../gateway/src/store/index.js';
import { caseRecord, event, keyringBeside } from './storeCases.js';

const [dataDir, ...args] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: storeCrashWriter.ts <dataDir> [options]');
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const number = (name: string): number | undefined => (option(name) === undefined ? undefined : Number(option(name)));

const [killStage, killAt] = (option('--kill-at') ?? ':').split(':');
let seen = 0;
const onCheckpointStage = (stage: CheckpointStage): void => {
  if (stage === killStage && ++seen === Number(killAt)) {
    process.stdout.write(`killing at ${stage}\n`);
    process.kill(process.pid, 'SIGKILL');
  }
};

const { store } = await openStore({
  dataDir,
  keyring: await keyringBeside(dataDir),
  fsync: true,
  segmentBytes: number('--segment-bytes'),
  checkpointMs: number('--checkpoint-ms'),
  pauseFlusher: args.includes('--pause-flusher'),
  onCheckpointStage,
});
const update = (id: string, k: number) =>
  store.updateCase(id, (c) => {
    c.promisedDays += 1;
    return [event('case.viewed', { k }), event('handoff.attempt', { k })];
  });

let next = store.count() + 1;

async function writer(): Promise<never> {
  for (;;) {
    const n = next++;
    const { record } = await store.createCase(caseRecord(n), [event('case.created', { n })]);
    process.stdout.write(`created ${record.id} ${record.version}\n`);
    for (let k = 0; k < 3; k++) {
      const { record: updated } = await update(record.id, k);
      process.stdout.write(`updated ${updated.id} ${updated.version}\n`);
    }
  }
}

async function burst(n: number): Promise<void> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { record } = await store.createCase(caseRecord(next++), [event('case.created')]);
    process.stdout.write(`created ${record.id} ${record.version}\n`);
    ids.push(record.id);
  }
  const before = store.stats().walSyncs;
  await Promise.all(
    ids.map(async (id) => {
      const { record } = await update(id, 0);
      process.stdout.write(`updated ${record.id} ${record.version}\n`);
    }),
  );
  process.stdout.write(`burst ${store.stats().walSyncs - before}\n`);
  await new Promise(() => undefined);
}

process.stdout.write('ready\n');
const burstSize = number('--burst');
if (burstSize !== undefined) await burst(burstSize);
else await Promise.all([writer(), writer(), writer(), writer()]);
