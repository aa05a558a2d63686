// A material that is not what was handed over at the window is refused by the partner, and the case
// shows why. Modelled by changing the stored scan on disk after it was hashed (storage fault or
// tampering at the sending side): the receipt and the transfer sheet state the hash taken at the window,
// the gateway sends that hash with the bytes it now has, and each partner recomputes it on arrival in
// its own way (徐汇 on upload, 汉中 on clsc, 宁夏 on the inline content). Corruption on the wire would
// mostly be caught earlier by the signed partners' request signatures, so it shows less of this check.
// The stored scan is sealed at rest, so the change is made to its content and sealed again (an edit of
// the sealed file itself fails to open at our side, tests/unit/store/sealedStore.test.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { draftCase, getCase, simState, waitFor } from '../support/flows.js';
import { rewriteBlob } from '../support/sealed.js';

let world: World;
let token: string;

beforeAll(async () => {
  world = await startWorld({ env: { HANDOFF_MAX_ATTEMPTS: '3' } });
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

describe('a material whose bytes no longer match the hash taken at the window', () => {
  test.each([
    ['310104', /MATERIAL_HASH_MISMATCH/],
    ['610700', /3001.*材料哈希校验不一致/],
    ['640000', /2001.*SHA-256 与文件内容不符/],
  ])('%s refuses it on arrival; the handoff is dead-lettered at once and the case says which material and why', async (region, partnerWords) => {
    const { caseId, caseNo } = await draftCase(world.url, token, region);
    const material = (await getCase(world.url, token, caseId)).materials[0];
    await rewriteBlob({ database: world.gateway.database, keysFile: world.config.piiKeys.file, caseId, name: material.id }, (bytes) => {
      bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0x01;
      return bytes;
    });

    expect((await call(world.url, 'POST', `/api/cases/${caseId}/submit`, { token })).status).toBe(202);
    const dead = await waitFor('死信', () => getCase(world.url, token, caseId), (c) => c.handoffs[0].status === 'dead');
    // a refusal of the content is not retried: one attempt
    expect(dead.handoffs[0]).toMatchObject({ attempts: 1, lastError: { code: 'PARTNER_REJECTED' } });
    expect(dead.handoffs[0].lastError.message).toMatch(partnerWords);
    expect(dead.handoffs[0].lastError.message).toContain(material.name);
    expect(dead.status).toBe('received');

    const events = (await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token })).body.events;
    const letter = events.find((e: { type: string }) => e.type === 'handoff.dead_lettered');
    expect(letter).toMatchObject({ label: '转递失败，已转入死信，需人工处理', data: { code: 'PARTNER_REJECTED', message: dead.handoffs[0].lastError.message } });
    // the partner holds nothing of the case
    expect((await simState(world.sims.byRegion[region]!.url)).cases.filter((c) => c.caseNo === caseNo)).toEqual([]);
  });
});
