// Property-based fuzzing of the gateway over HTTP (issue 10), driven by contracts/gateway.yaml and the
// partners' callback schemas: for every operation under /api, valid, nearly valid and hostile requests.
// Every answer must be a 2xx or a documented 4xx problem+json (never a 5xx, never no answer); a
// refused request changes nothing (cases, events, blobs, the partners' state); the gateway stays up.
//
// Replay a failure with the line it prints, e.g.
//   FUZZ_SEED=123 FUZZ_PATH=4 npx vitest run tests/fuzz/gateway.fuzz.test.ts -t 'createCase: bad encodings'
// FUZZ_SCALE=n sends n times as many requests; FUZZ_SHRINK=1 shrinks a counterexample (slow).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bodies, encodings, mediaTypes, multipart, pathParameters, queryStrings, type Family } from './families.js';
import { framing } from './framing.js';
import { startFuzzWorld, type Fixtures } from './fuzzWorld.js';
import type { FuzzRequest } from './http.js';
import { nearlyValidRequest } from './nearly.js';
import { apiOperations, pathParams, type Operation } from './operations.js';
import { generatorFor, toRequest, validBuilt } from './requests.js';
import { SCALE, assertUp, fuzz, markDirty, stats, type PropertyOptions } from './run.js';
import { differences, settle, snapshotCost } from './snapshot.js';
import { submittedCase } from '../support/flows.js';
import type { Generator } from './schemaArbitrary.js';

const TIMEOUT = 300_000;
let fx: Fixtures;
const generators = new Map<string, Generator>();
const gen = (op: Operation): Generator => {
  let g = generators.get(op.id);
  if (!g) { g = generatorFor(op, fx); generators.set(op.id, g); }
  return g;
};

beforeAll(async () => { fx = await startFuzzWorld(); }, 120_000);
afterAll(async () => {
  console.log(`[fuzz] ${stats.sent} requests in ${stats.properties} properties; ${stats.refusedBatchesCompared} wholly refused batches compared before/after (${snapshotCost.count} snapshots, ${(snapshotCost.ms / 1000).toFixed(1)} s); ${stats.failed} failed`);
  await fx?.world.close();
});

const valid: Family = (op, f, g) => validBuilt(op, f, g).map((b) => toRequest(b, f));

const FAMILIES: Array<[string, Family, PropertyOptions]> = [
  ['nearly valid requests (a field, the authentication, a parameter wrong)', nearlyValidRequest, { runs: 12 }],
  ['huge, deep and wide bodies', bodies, { runs: 3, width: 4 }],
  ['bad encodings (invalid UTF-8, UTF-16, a lying charset, content codings)', encodings, { runs: 4 }],
  ['wrong media types', mediaTypes, { runs: 3 }],
  ['broken multipart', multipart, { runs: 2 }],
  ['bad path parameters', pathParameters, { runs: 4 }],
  ['bad query strings', queryStrings, { runs: 3 }],
];

describe('fuzzing the gateway from contracts/gateway.yaml', () => {
  // the comparison that says "a refusal changed nothing" must see a change when there is one
  test('the before/after comparison sees a new case, its events, its blob and a partner’s new state', async () => {
    const before = await settle(fx.world, fx.regions);
    const { caseId } = await submittedCase(fx.base.origin, fx.tokens.clerk, '640000');
    const after = await settle(fx.world, fx.regions);
    markDirty();
    const changed = differences(before, after).map((d) => d.split(' ')[0]);
    expect(new Set(changed)).toEqual(new Set(['cases', 'events', 'blobs', 'sims']));
    expect(differences(before, after).some((d) => d.includes(caseId))).toBe(true);
  }, TIMEOUT);

  for (const op of apiOperations()) {
    describe(`${op.method} ${op.template} (${op.id})`, () => {
      // each test's name holds its property's name, which the replay line filters on (-t)
      test(`${op.id}: valid requests are answered with a 2xx or a documented 4xx`, async () => {
        await fuzz(`${op.id}: valid requests`, fx, valid(op, fx, gen(op))!, { runs: 12, compare: false });
      }, TIMEOUT);
      // a family that needs something the operation does not have (path parameters) is not defined for it
      for (const [family, make, opts] of FAMILIES.filter(([, make]) => make !== pathParameters || pathParams(op).length > 0)) {
        test(`${op.id}: ${family}: answered as the contract says, and a refusal changes nothing`, async () => {
          const arb: fc.Arbitrary<FuzzRequest> | undefined = make(op, fx, gen(op));
          expect(arb, `${family} builds requests for ${op.id}`).toBeDefined();
          await fuzz(`${op.id}: ${family}`, fx, arb!, opts);
        }, TIMEOUT);
      }
    });
  }

  // what the HTTP parser meets before any route: one property over all the operations
  test('every operation: raw HTTP framing: answered as the contract says, and a refusal changes nothing', async () => {
    const ops = apiOperations();
    await fuzz('every operation: raw HTTP framing', fx, fc.oneof(...ops.map((op) => framing(op, fx, gen(op))!)), { runs: ops.length });
  }, TIMEOUT);

  test('the gateway is still up at the end, after at least 10,000 requests', async () => {
    await assertUp(fx, 'the whole run');
    if (stats.failed === 0 && SCALE >= 1) expect(stats.sent).toBeGreaterThanOrEqual(10_000);
  });
});
