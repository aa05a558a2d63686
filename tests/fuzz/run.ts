// One fuzz property: batches of requests sent together (a few in flight), every answer held to the
// contract, and around every batch that was refused as a whole, the world's state compared before and
// after. Seeds are fixed (FUZZ_SEED overrides them), printed, and a failure says how to replay it.
import fc from 'fast-check';
import { accepted, problemOf, refused, summary, violation } from './answers.js';
import type { Fixtures } from './fuzzWorld.js';
import { describeRequest, pooled, send, type FuzzRequest } from './http.js';
import { differences, settle, snapshot, type Snapshot } from './snapshot.js';

export const BASE_SEED = 20260110;
const ENV_SEED = process.env.FUZZ_SEED !== undefined && process.env.FUZZ_SEED !== '' ? Number(process.env.FUZZ_SEED) : undefined;
const ENV_PATH = process.env.FUZZ_PATH || undefined;
/** FUZZ_SCALE=2 sends twice as many requests (and takes twice as long) */
export const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const SHRINK = process.env.FUZZ_SHRINK === '1';
/** FUZZ_VERBOSE=1 prints every request and its answer */
const VERBOSE = process.env.FUZZ_VERBOSE === '1';

export const stats = { sent: 0, refusedBatchesCompared: 0, properties: 0, failed: 0 };

/** a stable seed per property name, so that adding a property does not change the others' */
export function seedOf(name: string): number {
  if (ENV_SEED !== undefined) return ENV_SEED;
  let h = 0;
  for (const c of name) h = (Math.imul(h, 31) + c.codePointAt(0)!) | 0;
  return (BASE_SEED ^ h) | 0;
}

let baseline: Snapshot | undefined;
let dirty = true;

/** the world changed (a request was accepted): compare refusals from its next quiet state on */
export const markDirty = (): void => { dirty = true; };

async function quietBaseline(fx: Fixtures): Promise<Snapshot> {
  if (dirty || !baseline) {
    baseline = await settle(fx.world, fx.regions);
    dirty = false;
  }
  return baseline;
}

export interface PropertyOptions {
  /** batches; each batch is `width` requests sent together */
  runs: number;
  width?: number;
  /** compare the state around batches refused as a whole (off for the valid requests, which change it on purpose) */
  compare?: boolean;
}

export async function fuzz(name: string, fx: Fixtures, one: fc.Arbitrary<FuzzRequest>, opts: PropertyOptions): Promise<void> {
  const width = opts.width ?? 8;
  const compare = opts.compare ?? true;
  const seed = seedOf(name);
  const numRuns = Math.max(1, Math.round(opts.runs * SCALE));
  const batch = fc.array(one, { minLength: width, maxLength: width });
  let sent = 0;
  const seen = new Map<string, number>();
  const property = fc.asyncProperty(batch, async (requests) => {
    const before = compare ? await quietBaseline(fx) : undefined;
    const results = await pooled(requests, width, (r) => send(fx.base, r));
    const answers = results.map((x) => x.answer);
    sent += requests.length;
    stats.sent += requests.length;
    const problems: string[] = [];
    requests.forEach((r, i) => {
      const { answer: a, sent: ready } = results[i]!;
      const key = a.error ? 'no answer' : a.status >= 400 ? `${a.status} ${problemOf(a)?.code ?? '?'}` : String(a.status);
      if (VERBOSE) console.log(`${describeRequest(r)}\n    → ${summary(a)}`);
      seen.set(key, (seen.get(key) ?? 0) + 1);
      const v = violation(a) ?? r.expect?.(a, ready);
      if (v) problems.push(`${describeRequest(r)}\n      → ${v}`);
    });
    if (answers.some(accepted) || !compare) markDirty();
    else if (before && answers.every(refused)) {
      const after = await snapshot(fx.world, fx.regions);
      stats.refusedBatchesCompared += 1;
      const changed = differences(before, after);
      if (changed.length > 0) {
        markDirty();
        problems.push(`refused requests changed the state:\n      ${changed.slice(0, 12).join('\n      ')}\n    the batch: ${requests.map((r) => describeRequest(r)).join('\n      ')}`);
      }
    }
    if (problems.length > 0) throw new Error(problems.join('\n    '));
  });
  stats.properties += 1;
  const details = await fc.check(property, { seed, numRuns, endOnFailure: !SHRINK, ...(ENV_PATH ? { path: ENV_PATH } : {}) });
  const answered = [...seen.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}×${n}`).join(', ');
  console.log(`[fuzz] ${name}: seed=${seed} runs=${details.numRuns} requests=${sent}${details.failed ? ` FAILED at path ${details.counterexamplePath}` : ''} · ${answered}`);
  await assertUp(fx, name);
  if (details.failed) {
    stats.failed += 1;
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `${name}: failed with seed ${details.seed}, path ${details.counterexamplePath}\n` +
      `  replay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath} npx vitest run tests/fuzz/gateway.fuzz.test.ts -t '${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, '.')}'\n` +
      `    ${cause}`,
    );
  }
}

/** the gateway still answers /healthz */
export async function assertUp(fx: Fixtures, after: string): Promise<void> {
  const { answer: a } = await send(fx.base, { op: 'health', how: 'after a property', method: 'GET', path: '/healthz', headers: {} });
  if (a.status !== 200) throw new Error(`/healthz after ${after}: ${a.status} ${a.error ?? a.body.toString('utf8').slice(0, 200)}`);
}
