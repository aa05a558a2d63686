// The other direction for every registered partner region (tests/support/registry.ts): its simulator
// hands us a case through our receiveCase, our approver decides it over HTTP, and the region's own
// simulator holds each report in its own format, with documents whose SHA-256 it recomputed on arrival:
// pushed to it (徐汇, 宁夏) or fetched by its own polls (汉中). A push that keeps failing is retried,
// dead-lettered, visible and retried by an operator; a forged or stale poll is refused in the region's style.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { devSettings, startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { TINY_PDF, TINY_PNG, inboundCase, sha256 } from '../support/fixtures.js';
import { clearFaults, getCase, setFaults, waitFor } from '../support/flows.js';
import { PARTNERS } from '../support/registry.js';

let world: World;
let approver: string;
let ops: string;

beforeAll(async () => {
  world = await startWorld({ env: { HANDOFF_MAX_ATTEMPTS: '3', HANDOFF_BACKOFF_MS: '20,40' } });
  approver = await login(world.url, 'zhuji-sp01', 'Shenpi@2026');
  ops = await login(world.url, 'ops01', 'Ops@2026');
});
afterAll(async () => { await world?.close(); });

interface Summary { decision: string; partnerStatus: string; documents: Array<{ name: string; sha256: string; size: number }> }

const supplementsFor = (region: string): boolean => world.gateway.core.partners.get(region)?.capabilities.supplement === true;
const pollsFor = (region: string): boolean => world.gateway.core.partners.get(region)?.capabilities.reportsBy === 'poll';
const decide = (caseId: string, what: string, json?: unknown) => call(world.url, 'POST', `/api/cases/${caseId}/decisions/${what}`, { token: approver, ...(json ? { json } : {}) });
const reported = (caseId: string, step: string) => waitFor(`${step} delivered`, () => getCase(world.url, approver, caseId), (c) => c.handoffs.some((j: any) => j.step === step && j.status === 'delivered'));
const oursOf = async (caseId: string) => (await call(world.url, 'GET', `/api/cases/${caseId}/documents`, { token: approver })).body.items.filter((d: any) => d.source === 'gateway');

for (const m of PARTNERS) {
  const sim = () => world.sims.byRegion[m.region]!.url;
  /** what the region now holds of a case it handed us: a polling region polls first, as it would */
  const heldBy = async (no: string): Promise<Summary[]> => {
    if (pollsFor(m.region)) expect((await call(sim(), 'POST', `/__sim/handed/${no}/poll`, { json: {} })).body.status).toBe(200);
    const r = await call(sim(), 'GET', `/__sim/handed/${no}/reports`);
    expect(r.status).toBe(200);
    return r.body.reports as Summary[];
  };
  async function handOver() {
    const body = inboundCase({ partnerCaseNo: `HO${m.region}${Date.now()}${Math.floor(Math.random() * 1e6)}`, acceptRegion: m.region });
    const r = await call(sim(), 'POST', '/__sim/handover', { json: body });
    expect(r.status).toBe(201);
    return { caseId: r.body.caseId as string, no: body.partnerCaseNo };
  }

  describe(`${m.name} (${m.region}) hears each of our decisions in its own style`, () => {
    test('受理 → 补正 (where its contract has one) → its answer → 受理 → 办结 with the result → 送达: every report in its state, documents whose hashes check', async () => {
      const { caseId, no } = await handOver();
      const supplements = supplementsFor(m.region);
      const asked = await decide(caseId, 'supplement', { missing: [{ code: 'M03', name: '迁入地合法稳定住所证明' }], reason: '未提交住所证明' });
      if (supplements) {
        expect(asked.status).toBe(200);
        await reported(caseId, 'report-supplement-1');
        expect((await heldBy(no)).map((r) => r.decision)).toEqual(['needs_supplement']);
        const answered = await call(sim(), 'POST', `/__sim/handed/${no}/supplement`, { json: { round: 1, materials: [{ code: 'M03', name: '迁入地合法稳定住所证明', fileName: 'zs.png', contentBase64: TINY_PNG.toString('base64'), sha256: sha256(TINY_PNG) }] } });
        expect(answered.body).toMatchObject({ caseId, status: 'received', round: 1 });
      } else {
        // a region whose contract has no 补正 is not asked for one: the approver accepts or refuses
        expect([asked.status, asked.body.code]).toEqual([409, 'SUPPLEMENT_UNSUPPORTED']);
        expect((await getCase(world.url, approver, caseId)).status).toBe('received');
      }
      expect((await decide(caseId, 'accept')).status).toBe(200);
      await reported(caseId, 'report-accepted');
      const form = new FormData();
      for (const [k, v] of Object.entries({ documentName: '户口迁移证明（准迁证）', certificateNo: 'ZJ-ZQZ-2026-0007', deliveryMethod: 'post', trackingNo: 'SF7654321' })) form.set(k, v);
      form.set('file', new Blob([new Uint8Array(TINY_PDF)], { type: 'application/pdf' }), 'zqz.pdf');
      expect((await call(world.url, 'POST', `/api/cases/${caseId}/decisions/complete`, { token: approver, form })).status).toBe(200);
      await reported(caseId, 'report-completed');
      expect((await decide(caseId, 'delivery', { method: 'post', trackingNo: 'SF7654321' })).status).toBe(200);
      expect((await reported(caseId, 'report-delivered')).status).toBe('delivered');

      const held = await heldBy(no);
      expect(held.map((r) => r.decision)).toEqual([...(supplements ? ['needs_supplement'] : []), 'accepted', 'completed', 'delivered']);
      // in its own format: its view of the case carries each of its own status codes
      const view = JSON.stringify((await call(sim(), 'GET', '/__sim/handed')).body.handed);
      for (const r of held) expect(view).toContain(`"${r.partnerStatus}"`);
      // the documents that arrived are the ones we signed, byte for byte, and the result
      const ours: Array<{ sha256: string }> = await oursOf(caseId);
      const arrived = held.flatMap((r) => r.documents);
      expect(arrived.map((d) => d.sha256)).toEqual(expect.arrayContaining([...ours.map((d) => d.sha256), sha256(TINY_PDF)]));
      expect(held.map((r) => r.documents.length)).toEqual([...(supplements ? [1] : []), 1, 2, 1]);
    });

    test('不予受理: the 不予受理通知书 reaches it with the decision', async () => {
      const { caseId, no } = await handOver();
      expect((await decide(caseId, 'reject', { reason: '申请人不符合户口迁入条件', legalBasis: '《浙江省户口登记管理规定》第十条' })).status).toBe(200);
      await reported(caseId, 'report-rejected');
      const held = await heldBy(no);
      expect(held.map((r) => [r.decision, r.documents.length])).toEqual([['rejected', 1]]);
      expect(held[0]!.documents[0]!.sha256).toBe((await oursOf(caseId)).at(-1).sha256);
    });
  });

  const polls = m.createAdapter(devSettings(m)).capabilities.reportsBy === 'poll';

  // a region that polls has nothing pushed to it that could fail: its report is published
  if (!polls) describe(`a report ${m.name} keeps refusing`, () => {
    test('is retried, then dead-lettered and visible in the dead-letter list; an operator’s retry delivers it once', async () => {
      const { caseId, no } = await handOver();
      await setFaults(sim(), { mode: 'error', status: 503 });
      try {
        expect((await decide(caseId, 'accept')).status).toBe(200);
        const dead = await waitFor('死信', () => getCase(world.url, approver, caseId), (c) => c.handoffs[0]?.status === 'dead');
        expect(dead.handoffs[0]).toMatchObject({ step: 'report-accepted', attempts: 3, lastError: { code: 'PARTNER_UNAVAILABLE' } });
        expect(dead.status).toBe('accepted');
        const letters = await call(world.url, 'GET', '/api/cases?handoffStatus=dead&direction=inbound', { token: ops });
        expect(letters.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
        expect(await heldBy(no)).toEqual([]);

        await clearFaults(sim());
        expect((await call(world.url, 'POST', `/api/cases/${caseId}/handoffs/${dead.handoffs[0].id}/retry`, { token: ops })).status).toBe(202);
        await reported(caseId, 'report-accepted');
        expect((await heldBy(no)).map((r) => r.decision)).toEqual(['accepted']);
      } finally {
        await clearFaults(sim());
      }
    });
  });

  if (polls) describe(`${m.name} polls our reports`, () => {
    const poll = (no: string, tamper?: string) => call(sim(), 'POST', `/__sim/handed/${no}/poll`, { json: tamper ? { tamper } : {} });

    test('each poll and its answer are in the case’s audit trail with their hashes; a repeat lists the same records', async () => {
      const { caseId, no } = await handOver();
      await decide(caseId, 'accept');
      await reported(caseId, 'report-accepted');
      const first = (await poll(no)).body.body;
      const again = (await poll(no)).body.body;
      expect(first.code).toBe('0');
      expect(again.data.lsjl.map((r: { jlid: string }) => r.jlid)).toEqual(first.data.lsjl.map((r: { jlid: string }) => r.jlid));
      const events = (await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token: approver })).body.events.filter((e: { type: string }) => e.type === 'partner.polled');
      // two fkcx polls and the one download of the 受理通知书
      expect(events.map((e: any) => e.data.operationId).sort()).toEqual(['fkcx', 'fkcx', 'fkxz']);
      for (const e of events) expect(e.data).toMatchObject({ requestSha256: expect.stringMatching(/^[0-9a-f]{64}$/), responseSha256: expect.stringMatching(/^[0-9a-f]{64}$/), status: 200 });
      expect((await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token: approver })).body).toMatchObject({ ok: true, firstBadSeq: null });
    });

    test('a forged poll and a stale one are refused in its own style and recorded nowhere; a case it did not hand us is its “not found”', async () => {
      const { caseId, no } = await handOver();
      await decide(caseId, 'accept');
      await reported(caseId, 'report-accepted');
      const before = (await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token: approver })).body.events.length;
      const forged = (await poll(no, 'sign')).body;
      expect(forged).toMatchObject({ status: 401, body: { code: '2002', data: null } });
      const stale = (await poll(no, 'stale')).body;
      expect(stale).toMatchObject({ status: 401, body: { code: '2003' } });
      expect((await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token: approver })).body.events).toHaveLength(before);
      const stranger = (await poll(`HZ-NEVER-${Date.now()}`)).body;
      expect(stranger).toMatchObject({ status: 200, body: { code: '3004' } });
    });
  });
}
