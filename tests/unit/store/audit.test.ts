// The hash-chained audit trail, on both engines: each event is chained in the transaction that writes
// it (hash over the previous hash and the canonical event), and verifyCaseAudit finds an edited, deleted
// or reordered event in the database at its seq.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { canonicalJson } from '../../../gateway/src/audit/canonical.js';
import type { OpenedStore } from '../../../gateway/src/store/index.js';
import { caseRecord, event } from '../../support/storeCases.js';
import { ENGINES, testStores, type TestStores } from '../../support/storeTargets.js';

const ID = 'case-00001';

test('canonical JSON sorts keys at every depth, so key order never changes a hash', () => {
  expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"e":2,"f":1}]},"b":1}');
  expect(canonicalJson({ x: '诸暨', y: [undefined, null] })).toBe(JSON.stringify({ x: '诸暨', y: [null, null] }));
});

describe.each(ENGINES)('the audit trail on %s', (engine) => {
  let stores: TestStores;
  let o: OpenedStore;
  beforeEach(async () => {
    stores = await testStores(engine, 'audit');
    o = await stores.open();
    await o.store.createCase(caseRecord(1), [event('case.created', { window: '诸暨市行政服务中心' })]);
    for (const type of ['case.material_added', 'case.submitted', 'handoff.queued', 'handoff.delivered'] as const) {
      await o.store.updateCase(ID, () => [event(type, { step: 'submit', nested: { b: 2, a: [1, { y: 'y', x: 'x' }] } })]);
    }
  });
  afterEach(async () => { await stores.dispose(); });

  const db = () => o.database.db;

  test('each entry hashes the previous hash plus the canonical event, and the chain verifies', async () => {
    const entries = await o.store.readAudit(ID);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    for (const [i, e] of entries.entries()) {
      expect(e.prev).toBe(i === 0 ? '0'.repeat(64) : entries[i - 1]?.hash);
      expect(e.hash).toBe(createHash('sha256').update(e.prev + canonicalJson(e.event)).digest('hex'));
    }
    expect(await o.audit.verify(ID)).toEqual({ ok: true, entries: 5, head: entries[4]?.hash });
  });

  test('an event edited in the database is found at its seq', async () => {
    const row = await db().selectFrom('case_events').select('data').where('case_id', '=', ID).where('seq', '=', 3).executeTakeFirstOrThrow();
    await db().updateTable('case_events').set({ data: row.data.replace('submit', 'supplement-1') }).where('case_id', '=', ID).where('seq', '=', 3).execute();
    expect(await o.audit.verify(ID)).toMatchObject({ ok: false, firstBadSeq: 3, reason: expect.stringMatching(/hash does not match/) });
  });

  test('an actor changed in the database is found at its seq', async () => {
    await db().updateTable('case_events').set({ actor: 'clerk:mallory' }).where('case_id', '=', ID).where('seq', '=', 4).execute();
    expect(await o.audit.verify(ID)).toMatchObject({ ok: false, firstBadSeq: 4 });
  });

  test('an event deleted from the database is found at its seq', async () => {
    await db().deleteFrom('case_events').where('case_id', '=', ID).where('seq', '=', 2).execute();
    expect(await o.audit.verify(ID)).toMatchObject({ ok: false, firstBadSeq: 2, reason: expect.stringMatching(/out of place/) });
  });

  test('two events swapped in the database are found at the first of them', async () => {
    await db().transaction().execute(async (trx) => {
      await trx.updateTable('case_events').set({ seq: 100 }).where('case_id', '=', ID).where('seq', '=', 2).execute();
      await trx.updateTable('case_events').set({ seq: 2 }).where('case_id', '=', ID).where('seq', '=', 3).execute();
      await trx.updateTable('case_events').set({ seq: 3 }).where('case_id', '=', ID).where('seq', '=', 100).execute();
    });
    expect(await o.audit.verify(ID)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  test('events appended without their chain (written around the store) are found', async () => {
    await sql`insert into case_events (case_id, seq, at, actor, type, data, prev_hash, hash) values (${ID}, 6, 'x', 'clerk:mallory', 'case.viewed', '{}', ${'0'.repeat(64)}, ${'f'.repeat(64)})`.execute(db());
    expect(await o.audit.verify(ID)).toMatchObject({ ok: false, firstBadSeq: 6 });
  });
});
