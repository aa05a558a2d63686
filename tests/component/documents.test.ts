// The documents of a case through the front door: issued when the case moves, travelling to the
// partner, downloaded and reprinted by clerks (audited), visible only to the case's region.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login, materialForm } from '../support/client.js';
import { decide, getCase, simState, submittedCase, waitFor } from '../support/flows.js';
import { sha256, TINY_PNG } from '../support/fixtures.js';
import { pdfText } from '../unit/receipts/pdfTools.js';
import { loadContract } from '../../gateway/src/contracts/contract.js';
import { PARTNER_REGIONS } from '../support/registry.js';

const contract = loadContract('gateway.yaml');

let world: World;
let token: string;

beforeAll(async () => {
  // the documents are rendered in a worker thread here (RECEIPT_RENDER_THREADS), on the event loop elsewhere
  world = await startWorld({ env: { RECEIPT_RENDER_THREADS: '1' } });
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

const flat = (s: string) => s.replace(/\s+/g, '');
async function documents(caseId: string, t = token) {
  const r = await call(world.url, 'GET', `/api/cases/${caseId}/documents`, { token: t });
  if (r.status === 200) expect(contract.validateResponse('listCaseDocuments', 200, r.body)).toEqual([]);
  return r.body;
}

async function download(caseId: string, documentId: string, t = token) {
  const res = await fetch(`${world.url}/api/cases/${caseId}/documents/${documentId}`, { headers: { authorization: `Bearer ${t}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const timelineTypes = async (caseId: string): Promise<string[]> =>
  (await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token })).body.events.map((e: { type: string }) => e.type);

describe('documents that travel with the case', () => {
  test.each(PARTNER_REGIONS)('%s: the 受理回执 and the 材料流转单 are issued at submission and arrive at the partner beside the materials, hashes matching', async (region) => {
    const { caseId, caseNo } = await submittedCase(world.url, token, region);
    const forwarded = await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
    const list = await documents(caseId);
    const receipt = list.items.find((d: any) => d.type === 'acceptance_receipt');
    const sheet = list.items.find((d: any) => d.type === 'transfer_sheet');
    expect(receipt).toMatchObject({ source: 'gateway', signed: true, copy: null, mediaType: 'application/pdf' });
    expect(sheet).toBeDefined();

    const atPartner = (await simState(world.sims.byRegion[region]!.url)).cases.find((c) => c.caseNo === caseNo) as any;
    expect(atPartner.materials.map((m: any) => m.sha256).sort()).toEqual(forwarded.materials.map((m: any) => m.sha256).sort());
    expect(atPartner.documents).toEqual([
      { code: 'KYTB-SLHZ', name: receipt.title, sha256: receipt.sha256, size: receipt.size },
      { code: 'KYTB-CLLZD', name: sheet.title, sha256: sheet.sha256, size: sheet.size },
    ]);
    // the transfer sheet lists every file that travelled, the receipt included, with its hash
    const sheetText = flat(await pdfText((await download(caseId, sheet.id)).bytes));
    for (const m of forwarded.materials) expect(sheetText).toContain(m.sha256.slice(0, 8));
    expect(sheetText).toContain(receipt.sha256.slice(0, 8));
    const types = await timelineTypes(caseId);
    expect(types.filter((t) => t === 'document.issued')).toHaveLength(2);
    expect(types.indexOf('document.issued')).toBeLessThan(types.indexOf('handoff.delivered'));
  });
});

describe('GET /api/cases/{caseId}/documents/{documentId} (downloadCaseDocument)', () => {
  test('the original is the stored file, byte for byte; it verifies as genuine for its case; the download is in the audit trail', async () => {
    const { caseId, caseNo } = await submittedCase(world.url, token, '640000');
    await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
    const receipt = (await documents(caseId)).items.find((d: any) => d.type === 'acceptance_receipt');
    const got = await download(caseId, receipt.id);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(sha256(got.bytes)).toBe(receipt.sha256);
    expect(got.headers.get('x-content-sha256')).toBe(receipt.sha256);
    const byType = await download(caseId, 'acceptance_receipt');
    expect(sha256(byType.bytes)).toBe(receipt.sha256);

    const text = flat(await pdfText(got.bytes));
    expect(text).toContain(flat(`办件编号：${caseNo}`));
    // personal data only masked (PIPL), as in the case view
    expect(text).toContain('138****5678');
    expect(text).not.toContain('13812345678');

    const verdict = await call(world.url, 'POST', '/api/receipts/verify', { raw: got.bytes, headers: { 'content-type': 'application/pdf' } });
    expect(verdict.body).toMatchObject({ genuine: true, reason: null, caseId, caseNo, documentType: 'acceptance_receipt', copy: false, documentId: receipt.id });

    const types = await timelineTypes(caseId);
    expect(types.filter((t) => t === 'document.downloaded')).toHaveLength(2);
    expect((await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token })).body).toMatchObject({ ok: true });
  });

  test('a clerk of another region sees, downloads and reprints none of the case’s documents', async () => {
    const { caseId } = await submittedCase(world.url, token, '610700');
    await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
    const receipt = (await documents(caseId)).items[0];
    const other = await login(world.url, 'shangyu01', 'Shangyu@2026');
    expect((await call(world.url, 'GET', `/api/cases/${caseId}/documents`, { token: other })).body.code).toBe('CASE_OUT_OF_REGION');
    expect((await download(caseId, receipt.id, other)).status).toBe(403);
    expect((await call(world.url, 'POST', `/api/cases/${caseId}/documents/${receipt.id}/reprint`, { token: other })).status).toBe(403);
    expect((await call(world.url, 'GET', `/api/cases/${caseId}/documents`)).status).toBe(401);
    expect((await download(caseId, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('POST /api/cases/{caseId}/documents/{documentId}/reprint (reprintCaseDocument)', () => {
  test('a reprint is a new signed PDF marked 副本 with its number, listed beside the original, and recorded in the audit trail', async () => {
    const { caseId, caseNo } = await submittedCase(world.url, token, '310104');
    await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
    const receipt = (await documents(caseId)).items.find((d: any) => d.type === 'acceptance_receipt');
    const first = await fetch(`${world.url}/api/cases/${caseId}/documents/${receipt.id}/reprint`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(first.status).toBe(201);
    expect(first.headers.get('x-reprint-no')).toBe('1');
    const copy1 = Buffer.from(await first.arrayBuffer());
    expect(flat(await pdfText(copy1))).toContain(flat('本件为副本：第 1 次补打'));
    const second = await fetch(`${world.url}/api/cases/${caseId}/documents/${receipt.id}/reprint`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(second.headers.get('x-reprint-no')).toBe('2');

    const verdict = await call(world.url, 'POST', '/api/receipts/verify', { raw: copy1, headers: { 'content-type': 'application/pdf' } });
    expect(verdict.body).toMatchObject({ genuine: true, caseNo, copy: true, reprintNo: 1, documentType: 'acceptance_receipt' });
    expect(verdict.body.documentId).toBe(first.headers.get('x-document-id'));

    const list = (await documents(caseId)).items.filter((d: any) => d.type === 'acceptance_receipt');
    expect(list.map((d: any) => d.copy?.reprintNo ?? 0)).toEqual([0, 1, 2]);
    expect(list[1]).toMatchObject({ sha256: sha256(copy1), copy: { originalId: receipt.id, reprintNo: 1, printedBy: 'zhuji01' } });
    const again = await download(caseId, list[1].id);
    expect(sha256(again.bytes)).toBe(sha256(copy1));

    const events = (await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token })).body.events.filter((e: any) => e.type === 'document.reprinted');
    expect(events.map((e: any) => [e.actor, e.data.reprintNo, e.data.originalId])).toEqual([['clerk:zhuji01', 1, receipt.id], ['clerk:zhuji01', 2, receipt.id]]);
    expect(events[0].label).toBe('补打文书（副本）');
    expect((await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token })).body).toMatchObject({ ok: true });
  });
});

describe('documents asked for at the same time', () => {
  test('four reprints at once get the numbers 1 to 4, each PDF printed with its own; downloads racing the first issue find one original per kind', async () => {
    const { caseId } = await submittedCase(world.url, token, '310104');
    // the clerk's screen and the worker ask for the documents together: each kind is there once
    const lists = await Promise.all(Array.from({ length: 4 }, () => documents(caseId)));
    await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
    const originals = (await documents(caseId)).items.filter((d: any) => !d.copy);
    expect(originals.map((d: any) => d.type).sort()).toEqual(['acceptance_receipt', 'transfer_sheet']);
    for (const l of lists) for (const d of l.items) expect(originals.some((o: any) => o.id === d.id)).toBe(true);

    const receipt = originals.find((d: any) => d.type === 'acceptance_receipt');
    const copies = await Promise.all(Array.from({ length: 4 }, async () => {
      const r = await fetch(`${world.url}/api/cases/${caseId}/documents/${receipt.id}/reprint`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      expect(r.status).toBe(201);
      return { no: Number(r.headers.get('x-reprint-no')), bytes: Buffer.from(await r.arrayBuffer()) };
    }));
    expect(copies.map((c) => c.no).sort()).toEqual([1, 2, 3, 4]);
    for (const c of copies) expect(flat(await pdfText(c.bytes))).toContain(flat(`本件为副本：第 ${c.no} 次补打`));
    const listed = (await documents(caseId)).items.filter((d: any) => d.copy?.originalId === receipt.id);
    expect(listed.map((d: any) => d.copy.reprintNo).sort()).toEqual([1, 2, 3, 4]);
    const blobs = await world.gateway.database.db.selectFrom('blobs').select('name').where('case_id', '=', caseId).execute();
    const all = (await documents(caseId)).items;
    // no blob of a rendering that lost its race: each blob is a material or a listed document
    const known = new Set([...all.map((d: any) => d.id), ...(await getCase(world.url, token, caseId)).materials.map((m: any) => m.id)]);
    expect(blobs.filter((b) => !known.has(b.name))).toEqual([]);
    expect((await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token })).body).toMatchObject({ ok: true });
  });
});

describe('documents that follow the partner’s decisions', () => {
  test('需补正 brings a 补齐补正通知书 listing what is missing; 办结 a 办结通知 and the partner’s result PDF, stored and hashed; 送达 a 送达回执', async () => {
    const sim = world.sims.byRegion['640000']!;
    const { caseId } = await submittedCase(world.url, token, '640000');
    const forwarded = await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
    await decide(sim.url, forwarded.partnerRef, { to: 'needs_supplement', missing: ['清税证明（需加盖公章）'] });
    const withNotice = await waitFor('补齐补正通知书', () => documents(caseId), (l) => l.items.some((d: any) => d.type === 'supplement_notice'));
    const notice = withNotice.items.find((d: any) => d.type === 'supplement_notice');
    expect(flat(await pdfText((await download(caseId, notice.id)).bytes))).toContain('清税证明（需加盖公章）');

    // the clerk adds what was missing and hands the case over again: the 补正 step has its own 材料流转单
    const code = (await getCase(world.url, token, caseId)).materials[0].code;
    const up = await call(world.url, 'POST', `/api/cases/${caseId}/materials`, { token, form: materialForm(code, TINY_PNG, 'qingshui.png', 'image/png') });
    expect(up.status).toBe(201);
    expect((await call(world.url, 'POST', `/api/cases/${caseId}/submit`, { token })).status).toBe(202);
    await waitFor('补正已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded' && c.handoffs[1]?.status === 'delivered');
    const atPartner = (await simState(sim.url)).cases.find((c) => c.ref === forwarded.partnerRef) as any;
    const sheets = (await documents(caseId)).items.filter((d: any) => d.type === 'transfer_sheet');
    expect(sheets).toHaveLength(2);
    expect(atPartner.documents.map((d: any) => d.sha256)).toContain(sheets[1].sha256);
    expect(atPartner.materials.map((m: any) => m.sha256)).toContain(sha256(TINY_PNG));

    await decide(sim.url, forwarded.partnerRef, { to: 'completed', result: { documentName: '准予注销登记通知书', certificateNo: 'NX-9', byPost: true, trackingNo: 'SF555' } });
    const done = await waitFor('办结', () => getCase(world.url, token, caseId), (c) => c.status === 'completed');
    const list = await waitFor('办结通知', () => documents(caseId), (l) => l.items.some((d: any) => d.type === 'completion_notice'));
    const partner = list.items.find((d: any) => d.source === 'partner');
    expect(partner).toMatchObject({ type: 'partner_result', signed: false, reprintable: false, sha256: done.result.document.sha256 });
    const result = await download(caseId, partner.id);
    expect(sha256(result.bytes)).toBe(done.result.document.sha256);
    const refused = await call(world.url, 'POST', `/api/cases/${caseId}/documents/${partner.id}/reprint`, { token });
    expect([refused.status, refused.body.code]).toEqual([409, 'DOCUMENT_NOT_REPRINTABLE']);
    const completion = flat(await pdfText((await download(caseId, 'completion_notice')).bytes));
    expect(completion).toContain('准予注销登记通知书');
    expect(completion).toContain(done.result.document.sha256.slice(0, 8));

    const delivered = await call(world.url, 'POST', `/api/cases/${caseId}/deliver`, { token, json: { method: 'post', trackingNo: 'EMS1122334455' } });
    expect(delivered.status).toBe(200);
    // made before the clerk is answered: listed at once
    const finalList = await documents(caseId);
    const receipt = finalList.items.find((d: any) => d.type === 'delivery_receipt');
    expect(flat(await pdfText((await download(caseId, receipt.id)).bytes))).toContain('EMS1122334455');
    expect(finalList.items.map((d: any) => d.type)).toEqual(['acceptance_receipt', 'transfer_sheet', 'supplement_notice', 'transfer_sheet', 'completion_notice', 'delivery_receipt', 'partner_result']);

    const timeline = (await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token })).body.events;
    const result_ = timeline.find((e: any) => e.type === 'partner.result_received');
    expect(result_.data.sha256).toBe(done.result.document.sha256);
    expect(timeline.filter((e: any) => e.type === 'document.issued').map((e: any) => e.data.documentType))
      .toEqual(['acceptance_receipt', 'transfer_sheet', 'supplement_notice', 'transfer_sheet', 'completion_notice', 'delivery_receipt']);
  });
});
