// Our decisions reach the region that sent the case, in its own style: 宁夏's simulator hands us a case
// through our receiveCase, our approver decides it over HTTP, and the simulator's own state shows each
// 办理结果反馈 (KYTB1004) with documents whose SHA-256 checked on arrival. A report the platform keeps
// refusing is retried, then dead-lettered, visible, and retried by an operator.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { TINY_PDF, TINY_PNG, inboundCase, sha256 } from '../support/fixtures.js';
import { clearFaults, getCase, setFaults, waitFor } from '../support/flows.js';

let world: World;
let approver: string;
let sim: string;

beforeAll(async () => {
  world = await startWorld({ env: { HANDOFF_MAX_ATTEMPTS: '3', HANDOFF_BACKOFF_MS: '20,40' } });
  approver = await login(world.url, 'zhuji-sp01', 'Shenpi@2026');
  sim = world.sims.byRegion['640000']!.url;
});
afterAll(async () => { await world?.close(); });

interface Handed { bjbh: string; reports: Array<{ bizSerial: string; bldbh: string; ztdm: string; blbm: string; blr: string; detail: Record<string, unknown>; documents: Array<{ wslx: string; sha256: string; size: number }> }> }
const handedOf = async (bjbh: string): Promise<Handed | undefined> => ((await call(sim, 'GET', '/__sim/handed')).body.handed as Handed[]).find((h) => h.bjbh === bjbh);

/** 宁夏's platform hands us a case received at one of its windows */
async function handOver() {
  const body = inboundCase();
  const r = await call(sim, 'POST', '/__sim/handover', { json: body });
  expect(r.status).toBe(201);
  return { caseId: r.body.caseId as string, caseNo: r.body.caseNo as string, bjbh: body.partnerCaseNo };
}

const decide = (caseId: string, what: string, json?: unknown) => call(world.url, 'POST', `/api/cases/${caseId}/decisions/${what}`, { token: approver, ...(json ? { json } : {}) });
const reported = (caseId: string, step: string) => waitFor(`${step} delivered`, () => getCase(world.url, approver, caseId), (c) => c.handoffs.some((j: any) => j.step === step && j.status === 'delivered'));

describe('宁夏 hears each of our decisions in its own format', () => {
  test('受理 → 补正 → its answer → 受理 → 办结 → 送达: every report in the platform’s state, documents whose hashes check', async () => {
    const { caseId, caseNo, bjbh } = await handOver();
    expect((await decide(caseId, 'supplement', { missing: [{ code: 'M03', name: '迁入地合法稳定住所证明' }], reason: '未提交住所证明' })).status).toBe(200);
    await reported(caseId, 'report-supplement-1');
    const answered = await call(sim, 'POST', `/__sim/handed/${bjbh}/supplement`, { json: { round: 1, materials: [{ code: 'M03', name: '迁入地合法稳定住所证明', fileName: 'zs.png', contentBase64: TINY_PNG.toString('base64'), sha256: sha256(TINY_PNG) }] } });
    expect(answered.body).toMatchObject({ caseId, status: 'received', round: 1 });
    expect((await decide(caseId, 'accept')).status).toBe(200);
    await reported(caseId, 'report-accepted');
    const form = new FormData();
    for (const [k, v] of Object.entries({ documentName: '户口迁移证明（准迁证）', certificateNo: 'ZJ-ZQZ-2026-0007', deliveryMethod: 'post', trackingNo: 'SF7654321' })) form.set(k, v);
    form.set('file', new Blob([new Uint8Array(TINY_PDF)], { type: 'application/pdf' }), 'zqz.pdf');
    expect((await call(world.url, 'POST', `/api/cases/${caseId}/decisions/complete`, { token: approver, form })).status).toBe(200);
    await reported(caseId, 'report-completed');
    expect((await decide(caseId, 'delivery', { method: 'post', trackingNo: 'SF7654321' })).status).toBe(200);
    const done = await reported(caseId, 'report-delivered');
    // reports reaching the platform moved nothing of the case
    expect(done.status).toBe('delivered');

    const handed = (await handedOf(bjbh))!;
    expect(handed.reports.map((r) => [r.ztdm, r.bizSerial, r.bldbh, r.blbm, r.blr])).toEqual([
      ['03', `${caseNo}:640000:report-supplement-1`, caseNo, '诸暨市行政审批局', '孙伟'],
      ['02', `${caseNo}:640000:report-accepted`, caseNo, '诸暨市行政审批局', '孙伟'],
      ['04', `${caseNo}:640000:report-completed`, caseNo, '诸暨市行政审批局', '孙伟'],
      ['06', `${caseNo}:640000:report-delivered`, caseNo, '诸暨市行政审批局', '孙伟'],
    ]);
    expect(handed.reports[0]!.detail).toMatchObject({ bzcl: [{ clbm: 'M03', clmc: '迁入地合法稳定住所证明' }], bzsm: '未提交住所证明' });
    expect(handed.reports[1]!.detail).toMatchObject({ cnbjsj: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) });
    expect(handed.reports[2]!.detail).toMatchObject({ bjjg: { jgmc: '户口迁移证明（准迁证）', zzbh: 'ZJ-ZQZ-2026-0007', sdfs: '1', kddh: 'SF7654321' } });
    expect(handed.reports[3]!.detail).toMatchObject({ sdxx: { sdfs: '1', kddh: 'SF7654321' } });
    expect(handed.reports.map((r) => r.documents.map((d) => d.wslx))).toEqual([['BZTZS'], ['SLTZS'], ['BJTZ', 'JGWJ'], ['SDHZ']]);

    // the documents that arrived are the ones we signed and keep, byte for byte (the platform recomputed each hash)
    const ours = (await call(world.url, 'GET', `/api/cases/${caseId}/documents`, { token: approver })).body.items.filter((d: any) => d.source === 'gateway');
    const arrived = handed.reports.flatMap((r) => r.documents);
    expect(arrived.filter((d) => d.wslx !== 'JGWJ').map((d) => d.sha256)).toEqual(ours.map((d: any) => d.sha256));
    expect(arrived.find((d) => d.wslx === 'JGWJ')).toMatchObject({ sha256: sha256(TINY_PDF), size: TINY_PDF.length });
    for (const d of ours) expect(world.gateway.core.documents.verify(new Uint8Array(await (await fetch(`${world.url}/api/cases/${caseId}/documents/${d.id}`, { headers: { authorization: `Bearer ${approver}` } })).arrayBuffer()))).toMatchObject({ genuine: true });
  });

  test('不予受理: the reason and its legal basis reach the platform with the 不予受理通知书', async () => {
    const { caseId, bjbh } = await handOver();
    await decide(caseId, 'reject', { reason: '申请人不符合户口迁入条件', legalBasis: '《浙江省户口登记管理规定》第十条' });
    await reported(caseId, 'report-rejected');
    const r = (await handedOf(bjbh))!.reports;
    expect(r.map((x) => [x.ztdm, x.detail.byslyy, x.detail.flyj, x.documents.map((d) => d.wslx)])).toEqual([['05', '申请人不符合户口迁入条件', '《浙江省户口登记管理规定》第十条', ['BYSLTZS']]]);
  });
});

describe('a report the platform keeps refusing', () => {
  test('is retried, then dead-lettered and visible in the dead-letter list; an operator’s retry delivers it once', async () => {
    const { caseId, bjbh } = await handOver();
    await setFaults(sim, { mode: 'error', status: 503, pathPrefix: '/exchange/case/result' });
    try {
      await decide(caseId, 'accept');
      const dead = await waitFor('死信', () => getCase(world.url, approver, caseId), (c) => c.handoffs[0]?.status === 'dead');
      expect(dead.handoffs[0]).toMatchObject({ step: 'report-accepted', attempts: 3, lastError: { code: 'PARTNER_UNAVAILABLE' } });
      expect(dead.status).toBe('accepted');
      const ops = await login(world.url, 'ops01', 'Ops@2026');
      const letters = await call(world.url, 'GET', '/api/cases?handoffStatus=dead&direction=inbound', { token: ops });
      expect(letters.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
      expect((await handedOf(bjbh))!.reports).toEqual([]);

      await clearFaults(sim);
      expect((await call(world.url, 'POST', `/api/cases/${caseId}/handoffs/${dead.handoffs[0].id}/retry`, { token: ops })).status).toBe(202);
      await reported(caseId, 'report-accepted');
      expect((await handedOf(bjbh))!.reports.map((r) => r.ztdm)).toEqual(['02']);
    } finally {
      await clearFaults(sim);
    }
  });
});
