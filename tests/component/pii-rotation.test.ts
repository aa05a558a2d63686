// Rotating the key of personal data at rest (README, "Personal data at rest"): stop the gateway,
// `npm run pii-keys -- rotate --file <keyring>`, start it again. New writes use the new key; every
// record and blob sealed before stays readable, and a value that did not change keeps its old seal.
import { readFile, stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { maskIdNumber } from '../../gateway/src/domain/mask.js';
import { parseKeyring } from '../../gateway/src/store/keyring.js';
import { runScript } from '../support/cli.js';
import { call, login, materialForm } from '../support/client.js';
import { TINY_PNG, VALID_ID_NUMBER } from '../support/fixtures.js';
import { draftCase, getCase, submittedCase, waitFor } from '../support/flows.js';
import { sealedKeyId, storedBlob, storedRecord, whileStopped } from '../support/sealed.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let token: string;
beforeAll(async () => {
  world = await startWorld();
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

const keyring = async () => parseKeyring(await readFile(world.config.piiKeys.file, 'utf8'));
const blobKeyId = async (caseId: string, name: string, database = world.gateway.database) => sealedKeyId(await storedBlob(database, caseId, name));
const download = async (url: string) => {
  const res = await fetch(`${world.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, url).toBe(200);
  return Buffer.from(await res.arrayBuffer());
};

describe('npm run pii-keys -- rotate, then a restart', () => {
  test('new writes are sealed with the new key, and every case and blob sealed with the old one still reads', async () => {
    const oldKey = (await keyring()).current;
    const sent = await submittedCase(world.url, token, '610700');
    await waitFor('已转递', () => getCase(world.url, token, sent.caseId), (c) => c.status === 'forwarded');
    const draft = await draftCase(world.url, token, '310104');
    const oldMaterial = (await getCase(world.url, token, draft.caseId)).materials[0];
    await world.gateway.stop();
    await whileStopped(world.config.store, async (database) => {
      expect(sealedKeyId((await storedRecord(database, draft.caseId)).applicant.idNumber)).toBe(oldKey);
      expect(await blobKeyId(draft.caseId, oldMaterial.id, database)).toBe(oldKey);
    });

    const rotated = await runScript('pii-keys.ts', 'rotate', '--file', world.config.piiKeys.file);
    expect(rotated).toMatchObject({ code: 0, out: expect.stringContaining(`(was ${oldKey})`) });
    const ring = await keyring();
    expect(ring.current).not.toBe(oldKey);
    expect([...ring.keys.keys()].sort()).toEqual([oldKey, ring.current].sort());
    expect((await stat(world.config.piiKeys.file)).mode & 0o777).toBe(0o600);
    await world.restart();

    // what was sealed with the old key reads as before
    for (const caseId of [sent.caseId, draft.caseId]) {
      expect((await getCase(world.url, token, caseId)).applicant).toMatchObject({ name: expect.any(String), idNumberMasked: maskIdNumber(VALID_ID_NUMBER) });
    }
    expect((await download(`/api/cases/${draft.caseId}/materials/${oldMaterial.id}/file`)).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await download(`/api/cases/${sent.caseId}/documents/acceptance_receipt`)).subarray(0, 5).toString()).toBe('%PDF-');

    // the draft changes (a new material) and is submitted: its unchanged values keep their old seal, the new blob has the new key
    const added = await call(world.url, 'POST', `/api/cases/${draft.caseId}/materials`, { token, form: materialForm('extra', TINY_PNG, 'extra.png', 'image/png') });
    expect(added.status).toBe(201);
    expect((await call(world.url, 'POST', `/api/cases/${draft.caseId}/submit`, { token })).status).toBe(202);
    // the partner reads the old blobs through the store as well: the handoff goes through
    await waitFor('已转递', () => getCase(world.url, token, draft.caseId), (c) => c.status === 'forwarded');
    expect(await blobKeyId(draft.caseId, added.body.id)).toBe(ring.current);
    expect(await blobKeyId(draft.caseId, oldMaterial.id)).toBe(oldKey);

    // a case made now is sealed with the new key only
    const fresh = await draftCase(world.url, token, '310104');
    await world.restart();
    const stored = await storedRecord(world.gateway.database, fresh.caseId);
    for (const value of [stored.applicant.name, stored.applicant.idNumber, stored.applicant.phone, stored.delivery.address]) expect(sealedKeyId(value)).toBe(ring.current);
    const freshMaterial = (await getCase(world.url, token, fresh.caseId)).materials[0];
    expect(await blobKeyId(fresh.caseId, freshMaterial.id)).toBe(ring.current);
    const kept = await storedRecord(world.gateway.database, draft.caseId);
    expect(sealedKeyId(kept.applicant.idNumber)).toBe(oldKey);
    // the lookup key did not rotate: the index finds old and new cases alike
    const found = (await call(world.url, 'GET', `/api/cases?idNumber=${VALID_ID_NUMBER}`, { token })).body.items.map((s: { id: string }) => s.id);
    expect(found).toEqual(expect.arrayContaining([sent.caseId, draft.caseId, fresh.caseId]));
  }, 90_000);
});
