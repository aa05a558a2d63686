// The catalog as the clerk's console sees it: the partners come from the registry, and one national item
// (one 事项基本编码) may be offered for two partner regions, each deciding its own cases.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import { startGateway } from '../../gateway/src/server.js';
import { startWorld, type World } from '../support/world.js';
import { call, login, materialForm } from '../support/client.js';
import { TINY_PDF } from '../support/fixtures.js';
import { applicantFor, getCase, simState, waitFor } from '../support/flows.js';
import { OFFERED_ITEMS, PARTNERS } from '../support/registry.js';

const contract = loadContract('gateway.yaml');
// a national item two registered partners offer (内资企业及分支机构注销登记: 汉中 and 宁夏)
const shared = OFFERED_ITEMS.find((i) => OFFERED_ITEMS.filter((o) => o.itemCode === i.itemCode).length > 1)!;
const offering = OFFERED_ITEMS.filter((i) => i.itemCode === shared.itemCode);
const [one, other] = offering as [typeof shared, typeof shared];

let world: World;
let token: string;

beforeAll(async () => {
  world = await startWorld();
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

describe('GET /api/partners', () => {
  test('lists every registered partner region with its name and what its contract offers, and only that', async () => {
    const r = await call(world.url, 'GET', '/api/partners', { token });
    expect(r.status).toBe(200);
    expect(contract.validateResponse('listPartners', 200, r.body)).toEqual([]);
    expect(r.body.partners.map((p: { region: string; name: string }) => ({ region: p.region, name: p.name }))).toEqual(PARTNERS.map((m) => ({ region: m.region, name: m.name })));
    for (const p of r.body.partners) {
      const declared = world.gateway.core.partners.get(p.region)!.capabilities;
      expect(p.capabilities).toEqual({ ...declared, reportsBy: declared.reportsBy ?? 'push' });
    }
  });

  test('needs a login, like the catalog', async () => {
    const r = await call(world.url, 'GET', '/api/partners');
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ code: 'AUTH_REQUIRED' });
  });
});

describe('one national item offered for two partner regions', () => {
  test('the catalog lists it once for each, with its own 实施编码 and department', async () => {
    expect(offering.map((i) => i.partner)).toEqual([one.partner, other.partner]);
    const r = await call(world.url, 'GET', `/api/items?q=${shared.itemCode}`, { token });
    expect(r.body.items.map((i: { partner: string; implementationCode: string }) => [i.partner, i.implementationCode])).toEqual(offering.map((i) => [i.partner, i.implementationCode]));
  });

  test('getItem by its 事项基本编码 needs the partner; with it, or by 实施编码, it is that region’s', async () => {
    const ambiguous = await call(world.url, 'GET', `/api/items/${shared.itemCode}`, { token });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body).toMatchObject({ code: 'ITEM_AMBIGUOUS', detail: expect.stringContaining(`${one.partner}、${other.partner}`) });
    const named = await call(world.url, 'GET', `/api/items/${shared.itemCode}?partner=${other.partner}`, { token });
    expect(named.body).toMatchObject({ partner: other.partner, department: other.department });
    const byImplementation = await call(world.url, 'GET', `/api/items/${one.implementationCode}`, { token });
    expect(byImplementation.body).toMatchObject({ partner: one.partner, department: one.department });
    const notOffered = await call(world.url, 'GET', `/api/items/${shared.itemCode}?partner=310104`, { token });
    expect(notOffered.status).toBe(422);
    expect(notOffered.body).toMatchObject({ code: 'UNKNOWN_ITEM' });
  });

  test('createCase without the partner is refused and nothing is stored; with it, the case goes to that region and no other', async () => {
    const body = { itemCode: shared.itemCode, applicant: applicantFor(shared), delivery: { byPost: false, electronic: true } };
    const before = (await call(world.url, 'GET', '/api/cases', { token })).body.total;
    const refused = await call(world.url, 'POST', '/api/cases', { token, json: body });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'ITEM_AMBIGUOUS', errors: [{ field: '/partner' }] });
    expect((await call(world.url, 'GET', '/api/cases', { token })).body.total).toBe(before);

    const created = await call(world.url, 'POST', '/api/cases', { token, json: { ...body, partner: one.partner } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ itemCode: shared.itemCode, implementationCode: one.implementationCode, partner: one.partner, handlingRegion: one.partner });
    // the materials and the submission are checked against this region's item (stored: partner + itemCode)
    for (const m of one.materials.filter((x) => x.required)) {
      const up = await call(world.url, 'POST', `/api/cases/${created.body.id}/materials`, { token, form: materialForm(m.code, TINY_PDF, `${m.code}.pdf`) });
      expect(up.status).toBe(201);
    }
    expect((await call(world.url, 'POST', `/api/cases/${created.body.id}/submit`, { token })).status).toBe(202);
    await waitFor('已转递', () => getCase(world.url, token, created.body.id), (c) => c.status === 'forwarded');
    const caseNo = created.body.caseNo as string;
    expect((await simState(world.sims.byRegion[one.partner]!.url)).cases.filter((c) => c.caseNo === caseNo)).toHaveLength(1);
    expect((await simState(world.sims.byRegion[other.partner]!.url)).cases.filter((c) => c.caseNo === caseNo)).toHaveLength(0);
  });
});

describe('the start', () => {
  test('a partner module whose catalog cannot be built stops it, naming the item, before anything is opened', async () => {
    const [first, ...rest] = PARTNERS;
    const twice = { ...first!, catalog: [...first!.catalog, first!.catalog[0]!] };
    await expect(startGateway({ config: world.config, partnerModules: [twice, ...rest], background: false }))
      .rejects.toThrow(`duplicate 事项基本编码 in the catalog of ${first!.region}: ${first!.catalog[0]!.itemCode}`);
  });
});
