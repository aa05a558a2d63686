import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { canonicalJson } from '../../../gateway/src/audit/canonical.js';
import { createAuditChainer } from '../../../gateway/src/audit/chain.js';
import { verifyCaseAudit } from '../../../gateway/src/audit/verify.js';
import { openStore } from '../../../gateway/src/store/index.js';
import { generateKeyring } from '../../../gateway/src/store/keyring.js';
import { createLowStore } from '../../../gateway/src/store/lowStore.js';
import { shardOf } from '../../../gateway/src/store/paths.js';
import type { AuditEntry } from '../../../gateway/src/store/types.js';
import { caseRecord, event } from '../../support/storeCases.js';

let dir: string;
/** one keyring for every open of the directory in this file */
const keyring = generateKeyring();
const closers: (() => Promise<void>)[] = [];

async function opened() {
  const o = await openStore({ dataDir: dir, keyring });
  closers.push(() => o.store.close());
  return o;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-audit-'));
});
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
  await rm(dir, { recursive: true, force: true });
});

const caseFile = (id: string) => join(dir, 'cases', shardOf(id), `${id}.json`);
const auditFile = (id: string) => join(dir, 'audit', shardOf(id), `${id}.jsonl`);
const ID = 'case-00001';

/** a case with five events, chained and closed, so the test can edit the files at rest */
async function chainedCaseOnDisk(): Promise<void> {
  const { store, audit } = await opened();
  await store.createCase(caseRecord(1), [event('case.created', { window: '诸暨市行政服务中心' })]);
  for (const type of ['case.material_added', 'case.submitted', 'handoff.queued', 'handoff.delivered'] as const) {
    await store.updateCase(ID, () => [event(type, { step: 'submit', nested: { b: 2, a: [1, { y: 'y', x: 'x' }] } })]);
  }
  await audit.close();
  await store.close();
  closers.pop();
}

async function editLines(path: string, edit: (lines: string[]) => string[]): Promise<void> {
  const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
  await writeFile(path, edit(lines).join('\n') + '\n');
}

describe('the hash-chained audit trail', () => {
  test('each entry hashes the previous hash plus the canonical event, and the chain verifies', async () => {
    await chainedCaseOnDisk();
    const { store, audit } = await opened();
    const entries = await store.readAudit(ID);

    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]?.prev).toBe('0'.repeat(64));
    for (const [i, e] of entries.entries()) {
      expect(e.prev).toBe(i === 0 ? '0'.repeat(64) : entries[i - 1]?.hash);
      expect(e.hash).toBe(createHash('sha256').update(e.prev + canonicalJson(e.event)).digest('hex'));
    }
    expect(await audit.verify(ID)).toEqual({ ok: true, entries: 5, head: entries[4]?.hash });
  });

  test('canonical JSON sorts keys at every depth, so key order never changes a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"e":2,"f":1}]},"b":1}');
    expect(canonicalJson({ x: '诸暨', y: [undefined, null] })).toBe(JSON.stringify({ x: '诸暨', y: [null, null] }));
  });

  test('editing one event in the case file is detected at its seq', async () => {
    await chainedCaseOnDisk();
    const doc = JSON.parse(await readFile(caseFile(ID), 'utf8'));
    doc.events[2].data.step = 'supplement-1';
    await writeFile(caseFile(ID), JSON.stringify(doc));

    const { audit } = await opened();
    expect(await audit.verify(ID)).toMatchObject({ ok: false, firstBadSeq: 3, reason: expect.stringMatching(/differs/) });
  });

  test('deleting one event from the case file is detected at its seq', async () => {
    await chainedCaseOnDisk();
    const doc = JSON.parse(await readFile(caseFile(ID), 'utf8'));
    doc.events.splice(1, 1);
    await writeFile(caseFile(ID), JSON.stringify(doc));

    const { audit } = await opened();
    expect(await audit.verify(ID)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  test('editing one entry in the audit file is detected at its seq', async () => {
    await chainedCaseOnDisk();
    await editLines(auditFile(ID), (lines) => {
      const entry = JSON.parse(lines[3] as string) as AuditEntry;
      entry.event.actor = 'clerk:mallory';
      lines[3] = JSON.stringify(entry);
      return lines;
    });

    const { audit } = await opened();
    expect(await audit.verify(ID)).toMatchObject({ ok: false, firstBadSeq: 4, reason: expect.stringMatching(/hash does not match/) });
  });

  test('deleting an entry from the audit file is detected at its seq', async () => {
    await chainedCaseOnDisk();
    await editLines(auditFile(ID), (lines) => lines.filter((_, i) => i !== 1));

    const { audit } = await opened();
    expect(await audit.verify(ID)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  test('deleting the last entry from the audit file is detected', async () => {
    await chainedCaseOnDisk();
    await editLines(auditFile(ID), (lines) => lines.slice(0, -1));

    const { store } = await opened();
    // verified directly: a flush would not refill it, the case is not owed since the checkpoint
    expect(await verifyCaseAudit(store, ID)).toMatchObject({ ok: false, firstBadSeq: 5, reason: expect.stringMatching(/not in the audit trail/) });
  });

  test('swapping two entries of the audit file is detected at the first of them', async () => {
    await chainedCaseOnDisk();
    await editLines(auditFile(ID), (lines) => [lines[0], lines[2], lines[1], lines[3], lines[4]] as string[]);

    const { audit } = await opened();
    expect(await audit.verify(ID)).toMatchObject({ ok: false, firstBadSeq: 2, reason: expect.stringMatching(/out of place/) });
  });

  test('events written but not chained before a crash are chained at the next start, and only those cases are checked', async () => {
    // five cases chained cleanly: the checkpoint then says nothing before them is owed
    const first = await openStore({ dataDir: dir, keyring });
    for (const n of [1, 2, 3, 4, 5]) await first.store.createCase(caseRecord(n), [event('case.created')]);
    await first.audit.close();
    await first.store.close();

    // a run whose chainer never got to its events (the process died between the case write and the chaining)
    const crashed = createLowStore({ dataDir: dir, onEvents: () => undefined });
    await crashed.init();
    await crashed.updateCase('case-00002', () => [event('case.submitted'), event('handoff.queued')]);
    await crashed.updateCase('case-00004', () => [event('case.withdrawn')]);
    await crashed.createCase(caseRecord(6), [event('case.created')]);
    await crashed.close();
    expect(await crashed.readAudit('case-00002')).toHaveLength(1);

    const { store, audit } = await opened();
    expect(store.casesToReconcile().sort()).toEqual(['case-00002', 'case-00004', 'case-00006']);
    await audit.flush();
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const id = caseRecord(n).id;
      expect(await verifyCaseAudit(store, id)).toMatchObject({ ok: true, entries: (await store.events(id)).length });
    }
    expect((await store.readAudit('case-00002')).map((e) => e.event.type)).toEqual(['case.created', 'case.submitted', 'handoff.queued']);

    // once chained and closed, the next start has nothing to reconcile
    await audit.close();
    await store.close();
    closers.pop();
    expect((await opened()).store.casesToReconcile()).toEqual([]);
  });

  test('the audit checkpoint moves only once the audit files are synced, so a crash before that re-chains those cases', async () => {
    const first = await openStore({ dataDir: dir, keyring });
    for (const n of [1, 2, 3]) await first.store.createCase(caseRecord(n), [event('case.created')]);
    await first.audit.close();
    await first.store.close();

    // appended to the audit files, but no checkpoint synced them before the crash
    const crashed = await openStore({ dataDir: dir, checkpointMs: 600_000, keyring });
    await crashed.store.updateCase('case-00002', () => [event('case.submitted')]);
    await crashed.store.updateCase('case-00003', () => [event('case.submitted')]);
    await crashed.audit.flush();
    expect(await crashed.store.readAudit('case-00002')).toHaveLength(2);

    const second = await openStore({ dataDir: dir, checkpointMs: 600_000, keyring });
    expect(second.store.casesToReconcile().sort()).toEqual(['case-00002', 'case-00003']);
    expect(await second.audit.verify('case-00003')).toMatchObject({ ok: true, entries: 2 });
    await second.store.updateCase('case-00001', () => [event('case.submitted')]);
    await second.audit.flush();
    // a checkpoint syncs the audit files and only then saves the watermark
    await second.store.checkpoint();

    const third = await opened();
    expect(third.store.casesToReconcile()).toEqual([]);
    expect(await third.audit.verify('case-00001')).toMatchObject({ ok: true, entries: 2 });
  });

  test('a torn last line left by an interrupted append is cut off, and the chain continues cleanly', async () => {
    await chainedCaseOnDisk();
    await appendFile(auditFile(ID), '{"seq":6,"prev":"ab12');

    const { store, audit } = await opened();
    await store.updateCase(ID, () => [event('case.viewed')]);
    expect(await audit.verify(ID)).toMatchObject({ ok: true, entries: 6 });
  });

  test('a stalled audit disk holds up no case write; the events are chained once it recovers', async () => {
    const store = createLowStore({ dataDir: dir, onEvents: (id, events) => chainer.enqueue(id, events) });
    let release: () => void = () => undefined;
    const stalled = new Promise<void>((r) => (release = r));
    const chainer = createAuditChainer({
      store: {
        events: (id) => store.events(id),
        readAudit: (id) => store.readAudit(id),
        appendAudit: async (id, entries) => {
          await stalled;
          await store.appendAudit(id, entries);
        },
      },
    });
    await store.init();
    closers.push(() => store.close());

    await store.createCase(caseRecord(1), [event('case.created')]);
    for (let i = 0; i < 5; i++) await store.updateCase(ID, () => [event('case.viewed')]);
    expect(await store.readAudit(ID)).toEqual([]);

    release();
    await chainer.flush();
    expect(await verifyCaseAudit(store, ID)).toMatchObject({ ok: true, entries: 6 });
  });
});
