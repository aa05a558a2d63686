// We as 办理地: a partner region hands us a case (receiveCase), our approver decides it over HTTP, and each
// decision is queued as a report to the sending region. Through the front door: a real gateway on
// loopback, real simulated partners, a real SQLite file. The worker is off here, so the reports stay
// queued and the case is only what the decisions made it (inbound-reports.test.ts delivers them).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login, signedCall } from '../support/client.js';
import { TINY_PDF, TINY_PNG, inboundCase, sha256 } from '../support/fixtures.js';
import { draftCase } from '../support/flows.js';

let world: World;
let approver: string;
/** how far the gateway's clock runs ahead of ours (the overdue test moves it past a deadline) */
let ahead = 0;
const cred = { appId: 'partner-640000', secret: 'dev-only-inbound-secret-640000' };

beforeAll(async () => {
  world = await startWorld({ background: false, now: () => new Date(Date.now() + ahead) });
  approver = await login(world.url, 'zhuji-sp01', 'Shenpi@2026');
});
afterAll(async () => { await world?.close(); });

async function handedOver(overrides: Record<string, unknown> = {}) {
  const body = inboundCase(overrides);
  const r = await signedCall(world.url, '/api/inbound/cases', body, cred, { idempotencyKey: `${body.partnerCaseNo}:handoff` });
  expect(r.status).toBe(201);
  return { caseId: r.body.caseId as string, partnerCaseNo: body.partnerCaseNo };
}

const decide = (caseId: string, what: string, json?: unknown, token = approver) =>
  call(world.url, 'POST', `/api/cases/${caseId}/decisions/${what}`, { token, ...(json !== undefined ? { json } : {}) });
const getCase = async (caseId: string) => (await call(world.url, 'GET', `/api/cases/${caseId}`, { token: approver })).body;
const eventsOf = async (caseId: string) => (await world.gateway.core.store.events(caseId)).length;

function completionForm(fields: Record<string, string>, file?: Buffer): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), '准迁证.pdf');
  return form;
}

function expectProblem(r: { status: number; contentType: string; body: any }, status: number, code: string) {
  expect({ status: r.status, code: r.body.code }).toEqual({ status, code });
  expect(r.contentType).toContain('application/problem+json');
}

describe('the 待受理 queue', () => {
  test('a case a partner hands us waits there for our approvers, with no deadline running yet', async () => {
    const { caseId } = await handedOver();
    const r = await call(world.url, 'GET', '/api/cases?direction=inbound&status=received&limit=200', { token: approver });
    expect(r.status).toBe(200);
    const mine = r.body.items.find((s: any) => s.id === caseId);
    expect(mine).toMatchObject({ direction: 'inbound', status: 'received', statusLabel: '待受理', promisedAt: null, workingDaysLeft: null, overdue: false });
    expect(r.body.items.every((s: any) => s.direction === 'inbound' && s.status === 'received')).toBe(true);
    expectProblem(await call(world.url, 'GET', '/api/cases?direction=sideways', { token: approver }), 400, 'VALIDATION_FAILED');
  });
});

describe('POST /api/cases/{caseId}/decisions/…', () => {
  test('受理 → 办结 → 送达: the deadline comes from our catalog, each decision queues its report with its signed document', async () => {
    const { caseId } = await handedOver();
    const accepted = await decide(caseId, 'accept');
    expect(accepted.status).toBe(200);
    // 户口迁移（迁入）: 5 working days in our catalog, whatever the partner sent (promisedDays 10)
    expect(accepted.body).toMatchObject({ status: 'accepted', statusLabel: '已受理', promisedDays: 5, workingDaysLeft: 5, overdue: false });
    const completed = await call(world.url, 'POST', `/api/cases/${caseId}/decisions/complete`, {
      token: approver, form: completionForm({ documentName: '户口迁移证明（准迁证）', certificateNo: 'ZJ-ZQZ-2026-0001', deliveryMethod: 'post', trackingNo: 'SF1234567890' }, TINY_PDF),
    });
    expect(completed.status).toBe(200);
    expect(completed.body.result).toMatchObject({ documentName: '户口迁移证明（准迁证）', certificateNo: 'ZJ-ZQZ-2026-0001', document: { sha256: sha256(TINY_PDF), mediaType: 'application/pdf' } });
    const delivered = await decide(caseId, 'delivery', { method: 'post', trackingNo: 'SF1234567890' });
    expect(delivered.body).toMatchObject({ status: 'delivered', statusLabel: '已送达' });
    expect(delivered.body.handoffs.map((j: any) => [j.step, j.status])).toEqual([['report-accepted', 'pending'], ['report-completed', 'pending'], ['report-delivered', 'pending']]);
    expect(delivered.body.decisions.map((d: any) => [d.decision, d.department, d.clerk])).toEqual([
      ['accepted', '诸暨市行政审批局', '孙伟'], ['completed', '诸暨市行政审批局', '孙伟'], ['delivered', '诸暨市行政审批局', '孙伟'],
    ]);
    const docs = await call(world.url, 'GET', `/api/cases/${caseId}/documents`, { token: approver });
    expect(docs.body.items.filter((d: any) => d.source === 'gateway').map((d: any) => d.type)).toEqual(['acceptance_notice', 'completion_notice', 'delivery_receipt']);
    const notice = await fetch(`${world.url}/api/cases/${caseId}/documents/acceptance_notice`, { headers: { authorization: `Bearer ${approver}` } });
    expect(notice.status).toBe(200);
    const verdict = world.gateway.core.documents.verify(new Uint8Array(await notice.arrayBuffer()));
    expect(verdict).toMatchObject({ genuine: true, facts: { documentType: 'acceptance_notice', issuer: { region: '330681', window: '诸暨市行政审批局' } } });
    // personal data masked on the document as on the others
    expect(JSON.stringify(verdict.facts)).not.toContain('64010419900101123X');
  });

  test('补正 → the partner’s answer (checked on arrival, replayed idempotently) → 待受理 → 受理', async () => {
    const { caseId, partnerCaseNo } = await handedOver();
    const asked = await decide(caseId, 'supplement', { missing: [{ code: 'M03', name: '迁入地合法稳定住所证明' }], reason: '未提交住所证明' });
    expect(asked.body).toMatchObject({ status: 'needs_supplement', statusLabel: '待补正', supplement: { missing: ['迁入地合法稳定住所证明'], note: '未提交住所证明' } });
    const path = `/api/inbound/cases/${encodeURIComponent(partnerCaseNo)}/supplements`;
    const wrong = { materials: [{ code: 'M03', name: '住所证明', fileName: 'zs.png', contentBase64: TINY_PNG.toString('base64'), sha256: sha256(TINY_PDF) }] };
    const before = await eventsOf(caseId);
    const refused = await signedCall(world.url, path, wrong, cred, { idempotencyKey: `${partnerCaseNo}:bz1-bad` });
    expectProblem(refused, 400, 'VALIDATION_FAILED');
    expect(refused.body.detail).toContain('住所证明');
    expect(refused.body.errors).toEqual([{ field: '/materials/0/sha256', message: 'mismatch' }]);
    expect({ status: (await getCase(caseId)).status, events: await eventsOf(caseId) }).toEqual({ status: 'needs_supplement', events: before });

    const answer = { materials: [{ code: 'M03', name: '迁入地合法稳定住所证明', fileName: 'zs.png', contentBase64: TINY_PNG.toString('base64'), sha256: sha256(TINY_PNG) }] };
    const key = `${partnerCaseNo}:bz1`;
    const first = await signedCall(world.url, path, answer, cred, { idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ caseId, partnerCaseNo, status: 'received', round: 1 });
    const again = await signedCall(world.url, path, answer, cred, { idempotencyKey: key });
    expect({ status: again.status, replayed: again.headers.get('idempotent-replayed'), body: again.body }).toEqual({ status: 201, replayed: 'true', body: first.body });
    expectProblem(await signedCall(world.url, path, { materials: [{ ...answer.materials[0], name: '其他' }] }, cred, { idempotencyKey: key }), 409, 'IDEMPOTENCY_CONFLICT');
    const back = await getCase(caseId);
    expect(back).toMatchObject({ status: 'received', statusLabel: '待受理' });
    expect(back.materials.map((m: any) => m.sha256)).toEqual([sha256(TINY_PDF), sha256(TINY_PNG)]);

    expect((await decide(caseId, 'accept')).body.status).toBe('accepted');
    expect((await getCase(caseId)).handoffs.map((j: any) => j.step)).toEqual(['report-supplement-1', 'report-accepted']);
  });

  test('an answer to a 补正 nobody asked for, or for a case the partner never sent, is refused', async () => {
    const { partnerCaseNo } = await handedOver();
    const answer = { materials: [{ code: 'M03', name: '住所证明', fileName: 'zs.pdf', contentBase64: TINY_PDF.toString('base64'), sha256: sha256(TINY_PDF) }] };
    expectProblem(await signedCall(world.url, `/api/inbound/cases/${partnerCaseNo}/supplements`, answer, cred, { idempotencyKey: `${partnerCaseNo}:bz-x` }), 409, 'ILLEGAL_TRANSITION');
    expectProblem(await signedCall(world.url, '/api/inbound/cases/NX-NEVER-SENT/supplements', answer, cred, { idempotencyKey: 'NX-NEVER-SENT:bz' }), 404, 'CASE_NOT_FOUND');
    expectProblem(await signedCall(world.url, `/api/inbound/cases/${partnerCaseNo}/supplements`, answer, cred, { idempotencyKey: `${partnerCaseNo}:bz-t`, tamper: true }), 401, 'SIGNATURE_INVALID');
  });

  test('不予受理 keeps the reason and its legal basis, and issues the 不予受理通知书 with the applicant’s remedies', async () => {
    const { caseId } = await handedOver();
    const r = await decide(caseId, 'reject', { reason: '申请人不符合户口迁入条件', legalBasis: '《浙江省户口登记管理规定》第十条' });
    expect(r.body).toMatchObject({ status: 'rejected', rejection: { reason: '申请人不符合户口迁入条件', legalBasis: '《浙江省户口登记管理规定》第十条' } });
    const pdf = await fetch(`${world.url}/api/cases/${caseId}/documents/rejection_notice`, { headers: { authorization: `Bearer ${approver}` } });
    const verdict = world.gateway.core.documents.verify(new Uint8Array(await pdf.arrayBuffer()));
    expect(verdict).toMatchObject({ genuine: true, facts: { documentType: 'rejection_notice', body: { reason: '申请人不符合户口迁入条件', legalBasis: '《浙江省户口登记管理规定》第十条' } } });
  });

  test('a window clerk (no approver role) and an approver of another region are refused, and nothing changes', async () => {
    const { caseId } = await handedOver();
    const before = { status: (await getCase(caseId)).status, events: await eventsOf(caseId) };
    expectProblem(await decide(caseId, 'accept', undefined, await login(world.url)), 403, 'FORBIDDEN');
    expectProblem(await decide(caseId, 'accept', undefined, await login(world.url, 'shangyu-sp01', 'Shenpi@2026')), 403, 'CASE_OUT_OF_REGION');
    expectProblem(await decide(caseId, 'reject', { reason: 'x', legalBasis: 'y' }, await login(world.url, 'ningxia01', 'Partner@2026')), 403, 'FORBIDDEN');
    expect({ status: (await getCase(caseId)).status, events: await eventsOf(caseId) }).toEqual(before);
  });

  test('an approver cannot decide a case our own window received (we are 收件地 there)', async () => {
    const { caseId } = await draftCase(world.url, await login(world.url), '640000', { skipMaterials: true });
    expectProblem(await decide(caseId, 'accept'), 403, 'FORBIDDEN');
  });

  test('an illegal move is refused with ILLEGAL_TRANSITION and nothing changes', async () => {
    const { caseId } = await handedOver();
    const before = { status: (await getCase(caseId)).status, events: await eventsOf(caseId) };
    expectProblem(await decide(caseId, 'delivery', { method: 'electronic' }), 409, 'ILLEGAL_TRANSITION');
    const form = completionForm({ documentName: '准迁证', certificateNo: 'ZJ-1', deliveryMethod: 'electronic' });
    expectProblem(await call(world.url, 'POST', `/api/cases/${caseId}/decisions/complete`, { token: approver, form }), 409, 'ILLEGAL_TRANSITION');
    expect({ status: (await getCase(caseId)).status, events: await eventsOf(caseId) }).toEqual(before);
  });

  test('bad input is problem+json naming the field, and changes nothing', async () => {
    const { caseId } = await handedOver();
    const before = await eventsOf(caseId);
    const noBasis = await decide(caseId, 'reject', { reason: '不符合条件' });
    expectProblem(noBasis, 400, 'VALIDATION_FAILED');
    expect(noBasis.body.errors.map((e: any) => e.field)).toContain('/legalBasis');
    const noMaterials = await decide(caseId, 'supplement', { missing: [], reason: '缺材料' });
    expectProblem(noMaterials, 400, 'VALIDATION_FAILED');
    expect(noMaterials.body.errors.map((e: any) => e.field)).toContain('/missing');
    await decide(caseId, 'accept');
    const after = await eventsOf(caseId);
    const neither = await call(world.url, 'POST', `/api/cases/${caseId}/decisions/complete`, { token: approver, form: completionForm({ documentName: '准迁证', deliveryMethod: 'electronic' }) });
    expectProblem(neither, 400, 'VALIDATION_FAILED');
    expect(neither.body.errors.map((e: any) => e.field)).toContain('/certificateNo');
    const noTracking = await call(world.url, 'POST', `/api/cases/${caseId}/decisions/complete`, { token: approver, form: completionForm({ documentName: '准迁证', certificateNo: 'ZJ-1', deliveryMethod: 'post' }) });
    expect(noTracking.body.errors.map((e: any) => e.field)).toContain('/trackingNo');
    const notPdf = await call(world.url, 'POST', `/api/cases/${caseId}/decisions/complete`, { token: approver, form: completionForm({ documentName: '准迁证', deliveryMethod: 'electronic' }, TINY_PNG) });
    expectProblem(notPdf, 415, 'DOCUMENT_NOT_PDF');
    const badMethod = await call(world.url, 'POST', `/api/cases/${caseId}/decisions/complete`, { token: approver, form: completionForm({ documentName: '准迁证', deliveryMethod: 'pigeon', certificateNo: 'ZJ-1' }) });
    expect(badMethod.body.errors.map((e: any) => e.field)).toContain('/deliveryMethod');
    expect(after).toBe(before + 3); // the 受理 and nothing of the refusals
    expect({ status: (await getCase(caseId)).status, events: await eventsOf(caseId) }).toEqual({ status: 'accepted', events: after });
  });
});

describe('overdue inbound cases', () => {
  const overdueGauge = async () => Number(/^kytb_inbound_overdue_cases (\d+)$/m.exec((await call(world.url, 'GET', '/metrics')).body as string)?.[1]);

  test('an accepted case past its 承诺办结时间 is flagged in the queue and counted in /metrics', async () => {
    const { caseId } = await handedOver();
    await decide(caseId, 'accept');
    const onTime = await overdueGauge();
    ahead = 30 * 24 * 3600_000;
    try {
      const token = await login(world.url, 'zhuji-sp01', 'Shenpi@2026');
      const r = await call(world.url, 'GET', '/api/cases?direction=inbound&status=accepted&limit=200', { token });
      expect(r.body.items.find((s: any) => s.id === caseId)).toMatchObject({ overdue: true, workingDaysLeft: expect.any(Number) });
      expect(r.body.items.find((s: any) => s.id === caseId).workingDaysLeft).toBeLessThan(0);
      expect(await overdueGauge()).toBeGreaterThanOrEqual(onTime + 1);
    } finally {
      ahead = 0;
    }
  });
});
