// The store as openStore returns it: personal data plain above it, sealed in its files; what does not
// open (moved, altered) fails the call rather than coming back as wrong data.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openStore, PersonalDataError, type LowStore } from '../../../gateway/src/store/index.js';
import { generateKeyring } from '../../../gateway/src/store/keyring.js';
import { shardOf } from '../../../gateway/src/store/paths.js';
import { TINY_PDF } from '../../support/fixtures.js';
import { caseRecord, event } from '../../support/storeCases.js';

let dir: string;
const keyring = generateKeyring();
const opened: { store: LowStore; close(): Promise<void> }[] = [];

async function open(): Promise<LowStore> {
  const o = await openStore({ dataDir: dir, keyring });
  opened.push({ store: o.store, close: async () => { await o.audit.close(); await o.store.close(); } });
  return o.store;
}
async function closeAll(): Promise<void> {
  await Promise.all(opened.splice(0).map((o) => o.close()));
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-sealed-'));
});
afterEach(async () => {
  await closeAll();
  await rm(dir, { recursive: true, force: true });
});

const caseFile = (id: string): string => join(dir, 'cases', shardOf(id), `${id}.json`);
const stored = async (id: string) => JSON.parse(await readFile(caseFile(id), 'utf8')).record;
const applicant = { kind: 'person' as const, name: '林晓雯', idType: '111' as const, idNumber: '330681199003071233', phone: '13812345678', address: '浙江省诸暨市暨阳街道艮塔西路1号' };

describe('the store openStore returns', () => {
  test('gives back plain records while its case file holds them sealed; an update leaves unchanged values as they were sealed', async () => {
    const store = await open();
    const record = caseRecord(1, { applicant });
    expect((await store.createCase(record, [event('case.created')])).record).toEqual(record);
    expect(await store.getCase(record.id)).toEqual(record);
    await store.flushDocuments();
    const before = await stored(record.id);
    expect(JSON.stringify(before)).not.toMatch(/林晓雯|330681199003071233|13812345678|艮塔西路/);

    const { record: updated } = await store.updateCase(record.id, (c) => {
      c.applicant.phone = '13900001111';
      c.status = 'forwarded';
      return [event('case.status_changed')];
    });
    expect(updated).toEqual({ ...record, applicant: { ...applicant, phone: '13900001111' }, status: 'forwarded', version: 2 });
    await store.flushDocuments();
    const after = await stored(record.id);
    expect(after.applicant.name).toBe(before.applicant.name);
    expect(after.applicant.idNumber).toBe(before.applicant.idNumber);
    expect(after.applicant.phone).not.toBe(before.applicant.phone);
    expect(after.idNumberHash).toBe(before.idNumberHash);
  });

  test('finds a person’s cases by ID number through its keyed hash; summaries carry neither', async () => {
    const store = await open();
    await store.createCase(caseRecord(1, { applicant }), [event('case.created')]);
    await store.createCase(caseRecord(2, { applicant: { ...applicant, idNumber: '110101199003071234' } }), [event('case.created')]);
    await store.createCase(caseRecord(3, { applicant: { ...applicant, idNumber: '33068119900307123X' } }), [event('case.created')]);
    await store.createCase(caseRecord(4, { applicant: { ...applicant, name: '另一位' } }), [event('case.created')]);
    const q = { regions: ['330681'], offset: 0, limit: 10 };
    const found = store.listCases({ ...q, idNumber: '330681199003071233' });
    expect(found.items.map((s) => s.id)).toEqual(['case-00004', 'case-00001']);
    expect(store.listCases({ ...q, idNumber: '33068119900307123x' }).items.map((s) => s.id)).toEqual(['case-00003']);
    expect(store.listCases({ ...q, idNumber: '110101199003071235' }).total).toBe(0);
    expect(JSON.stringify(found)).not.toMatch(/idNumber|330681199003/);
    expect(store.listCases(q).total).toBe(4);
  });

  test('a value moved to another field on disk, or altered, fails reads and updates with PersonalDataError, and the update writes nothing', async () => {
    const first = await open();
    await first.createCase(caseRecord(1, { applicant }), [event('case.created')]);
    await first.createCase(caseRecord(2, { applicant }), [event('case.created')]);
    await closeAll();

    const one = JSON.parse(await readFile(caseFile('case-00001'), 'utf8'));
    one.record.applicant.name = one.record.applicant.idNumber;
    await writeFile(caseFile('case-00001'), JSON.stringify(one));
    const two = JSON.parse(await readFile(caseFile('case-00002'), 'utf8'));
    two.record.applicant.phone = two.record.applicant.phone.replace(/\.(.)([^.]*)$/, (_m: string, c: string, rest: string) => `.${c === 'A' ? 'B' : 'A'}${rest}`);
    await writeFile(caseFile('case-00002'), JSON.stringify(two));

    const store = await open();
    await expect(store.getCase('case-00001')).rejects.toThrow(PersonalDataError);
    await expect(store.getCase('case-00001')).rejects.toThrow(/applicant\.name of case case-00001/);
    await expect(store.getCase('case-00002')).rejects.toThrow(/applicant\.phone of case case-00002/);
    await expect(store.updateCase('case-00001', () => [event('case.viewed')])).rejects.toThrow(PersonalDataError);
    // nothing was written: the case still has its one event, and its file the edited value
    expect(await store.events('case-00001')).toHaveLength(1);
    expect((await stored('case-00001')).applicant.name).toBe(one.record.applicant.name);
  });

  test('a blob is sealed in its file; one altered or copied from another case fails to read', async () => {
    const store = await open();
    await store.putBlob('case-00001', 'm1', TINY_PDF);
    await store.putBlob('case-00002', 'm1', TINY_PDF);
    expect(await store.getBlob('case-00001', 'm1')).toEqual(TINY_PDF);
    const file = join(dir, 'blobs', 'case-00001', 'm1');
    const onDisk = await readFile(file);
    expect(onDisk.includes(TINY_PDF.subarray(0, 16))).toBe(false);

    await copyFile(join(dir, 'blobs', 'case-00002', 'm1'), file);
    await expect(store.getBlob('case-00001', 'm1')).rejects.toThrow(PersonalDataError);
    onDisk[onDisk.length - 1]! ^= 1;
    await writeFile(file, onDisk);
    await expect(store.getBlob('case-00001', 'm1')).rejects.toThrow(/blob:m1 of case case-00001 does not open/);
  });
});
