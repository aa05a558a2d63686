// The store as openStore returns it, on both engines: personal data plain above it, sealed in the
// database; what does not open (moved, altered) fails the call rather than coming back as wrong data.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PersonalDataError, type OpenedStore } from '../../../gateway/src/store/index.js';
import { TINY_PDF } from '../../support/fixtures.js';
import { storedBlob, storedRecord } from '../../support/sealed.js';
import { caseRecord, event } from '../../support/storeCases.js';
import { ENGINES, testStores, type TestStores } from '../../support/storeTargets.js';

const applicant = { kind: 'person' as const, name: '林晓雯', idType: '111' as const, idNumber: '330681199003071233', phone: '13812345678', address: '浙江省诸暨市暨阳街道艮塔西路1号' };

describe.each(ENGINES)('the store openStore returns, on %s', (engine) => {
  let stores: TestStores;
  let o: OpenedStore;
  beforeEach(async () => {
    stores = await testStores(engine, 'sealed');
    o = await stores.open();
  });
  afterEach(async () => { await stores.dispose(); });

  const setRecord = async (id: string, change: (r: any) => void) => {
    const r = await storedRecord(o.database, id);
    change(r);
    await o.database.db.updateTable('cases').set({ record: JSON.stringify(r) }).where('id', '=', id).execute();
  };

  test('gives back plain records while the database holds them sealed; an update leaves unchanged values as they were sealed', async () => {
    const record = caseRecord(1, { applicant });
    expect((await o.store.createCase(record, [event('case.created')])).record).toEqual(record);
    expect(await o.store.getCase(record.id)).toEqual(record);
    const before = await storedRecord(o.database, record.id);
    expect(JSON.stringify(before)).not.toMatch(/林晓雯|330681199003071233|13812345678|艮塔西路/);

    const { record: updated } = await o.store.updateCase(record.id, (c) => {
      c.applicant.phone = '13900001111';
      c.status = 'forwarded';
      return [event('case.status_changed')];
    });
    expect(updated).toEqual({ ...record, applicant: { ...applicant, phone: '13900001111' }, status: 'forwarded', version: 2 });
    const after = await storedRecord(o.database, record.id);
    expect(after.applicant.name).toBe(before.applicant.name);
    expect(after.applicant.idNumber).toBe(before.applicant.idNumber);
    expect(after.applicant.phone).not.toBe(before.applicant.phone);
    expect(after.idNumberHash).toBe(before.idNumberHash);
  });

  test('finds a person’s cases by ID number through its keyed hash; summaries carry neither', async () => {
    await o.store.createCase(caseRecord(1, { applicant }), [event('case.created')]);
    await o.store.createCase(caseRecord(2, { applicant: { ...applicant, idNumber: '110101199003071234' } }), [event('case.created')]);
    await o.store.createCase(caseRecord(3, { applicant: { ...applicant, idNumber: '33068119900307123X' } }), [event('case.created')]);
    await o.store.createCase(caseRecord(4, { applicant: { ...applicant, name: '另一位' } }), [event('case.created')]);
    const q = { regions: ['330681'], offset: 0, limit: 10 };
    const found = await o.store.listCases({ ...q, idNumber: '330681199003071233' });
    expect(found.items.map((s) => s.id)).toEqual(['case-00004', 'case-00001']);
    expect((await o.store.listCases({ ...q, idNumber: '33068119900307123x' })).items.map((s) => s.id)).toEqual(['case-00003']);
    expect((await o.store.listCases({ ...q, idNumber: '110101199003071235' })).total).toBe(0);
    expect(JSON.stringify(found)).not.toMatch(/idNumber|330681199003/);
    expect((await o.store.listCases(q)).total).toBe(4);
  });

  test('a value moved to another field in the database, or altered, fails reads and updates with PersonalDataError, and the update writes nothing', async () => {
    await o.store.createCase(caseRecord(1, { applicant }), [event('case.created')]);
    await o.store.createCase(caseRecord(2, { applicant }), [event('case.created')]);
    await setRecord('case-00001', (r) => { r.applicant.name = r.applicant.idNumber; });
    await setRecord('case-00002', (r) => { r.applicant.phone = r.applicant.phone.replace(/\.(.)([^.]*)$/, (_m: string, c: string, rest: string) => `.${c === 'A' ? 'B' : 'A'}${rest}`); });

    await expect(o.store.getCase('case-00001')).rejects.toThrow(PersonalDataError);
    await expect(o.store.getCase('case-00001')).rejects.toThrow(/applicant\.name of case case-00001/);
    await expect(o.store.getCase('case-00002')).rejects.toThrow(/applicant\.phone of case case-00002/);
    await expect(o.store.updateCase('case-00001', () => [event('case.viewed')])).rejects.toThrow(PersonalDataError);
    expect(await o.store.events('case-00001')).toHaveLength(1);
  });

  test('a blob is sealed in the database; one altered or copied from another case fails to read', async () => {
    await o.store.putBlob('case-00001', 'm1', TINY_PDF);
    await o.store.putBlob('case-00002', 'm1', TINY_PDF);
    expect(await o.store.getBlob('case-00001', 'm1')).toEqual(TINY_PDF);
    const sealed = await storedBlob(o.database, 'case-00001', 'm1');
    expect(sealed.includes(TINY_PDF.subarray(0, 16))).toBe(false);
    const setBlob = (bytes: Buffer) => o.database.db.updateTable('blobs').set({ bytes }).where('case_id', '=', 'case-00001').where('name', '=', 'm1').execute();

    await setBlob(await storedBlob(o.database, 'case-00002', 'm1'));
    await expect(o.store.getBlob('case-00001', 'm1')).rejects.toThrow(PersonalDataError);
    sealed[sealed.length - 1]! ^= 1;
    await setBlob(sealed);
    await expect(o.store.getBlob('case-00001', 'm1')).rejects.toThrow(/blob:m1 of case case-00001 does not open/);
  });
});
