// The world the fuzz runs against: the real gateway (remote window on) and the three real simulated
// partners, with cases in every state a request can meet (drafts with and without materials, forwarded,
// needs_supplement, completed with a result document, a dead-lettered handoff, an inbound case), their
// documents, a genuine signed receipt, 查询码, and open 远程帮办 sessions, so that valid requests reach
// deep code. Built through the front door; the 查询码 is read from the store (it is printed on paper).
import { call, login, signedCall } from '../support/client.js';
import { clearFaults, decide, draftCase, getCase, setFaults, submittedCase, waitFor } from '../support/flows.js';
import { TINY_PDF, sha256 } from '../support/fixtures.js';
import { devSettings, startWorld, type World } from '../support/world.js';
import { PARTNERS } from '../../partners/index.js';
import { PARTNER_REGIONS } from '../support/registry.js';

export interface Fixtures {
  world: World;
  base: URL;
  tokens: { clerk: string; operator: string; partnerClerk: string; otherRegion: string };
  caseIds: string[];
  drafts: string[];
  materials: Array<{ caseId: string; materialId: string; code: string }>;
  materialCodes: string[];
  jobs: Array<{ caseId: string; jobId: string }>;
  documents: Array<{ caseId: string; documentId: string }>;
  publicCodes: Array<{ caseNo: string; code: string }>;
  sessions: Array<{ sessionId: string; code: string; joinToken: string }>;
  /** sessions for endSession to end, so that the others stay open for the other operations */
  sessionsToEnd: Array<{ sessionId: string; code: string; joinToken: string }>;
  refs: Record<'310104' | '640000', Array<{ ref: string; caseNo: string }>>;
  caseNos: string[];
  receiptPdf: Buffer;
  keyId: string;
  secrets: { inbound: { appId: string; secret: string }; xuhuiWebhook: string; ningxiaCallback: string };
  /** the regions whose cases the snapshot lists (every case is in one of them) */
  regions: string[];
}

const settingsOf = (region: string) => devSettings(PARTNERS.find((m) => m.region === region)!);

export async function startFuzzWorld(): Promise<Fixtures> {
  const world = await startWorld({
    remoteWindow: true,
    env: {
      STORE_FSYNC: 'false', MAX_UPLOAD_BYTES: '262144', INBOUND_MAX_BODY_BYTES: '4194304',
      HANDOFF_MAX_ATTEMPTS: '2', HANDOFF_BACKOFF_MS: '20', AUDIT_ANCHOR_INTERVAL_S: '2', RW_WORKERS: '1',
    },
  });
  const url = world.url;
  const tokens = {
    clerk: await login(url),
    operator: await login(url, 'ops01', 'Ops@2026'),
    partnerClerk: await login(url, 'xuhui01', 'Partner@2026'),
    otherRegion: await login(url, 'shangyu01', 'Shangyu@2026'),
  };
  const t = tokens.clerk;
  const forwarded = async (partner: string) => {
    const s = await submittedCase(url, t, partner);
    const c = await waitFor(`${partner} 已转递`, () => getCase(url, t, s.caseId), (x) => x.status === 'forwarded' && !!x.partnerRef);
    return { caseId: s.caseId, caseNo: s.caseNo, ref: c.partnerRef as string };
  };
  const sent = { '310104': [await forwarded('310104'), await forwarded('310104'), await forwarded('310104')], '610700': [await forwarded('610700')], '640000': [await forwarded('640000'), await forwarded('640000'), await forwarded('640000')] };

  // one case of each callback partner completed with a result document, one 310104 case to supplement
  for (const region of ['310104', '640000'] as const) {
    const c = sent[region][0]!;
    await decide(world.sims.byRegion[region]!.url, c.ref, { to: 'completed', result: { documentName: '准予登记通知书', certificateNo: 'ZZ-1', byPost: true, trackingNo: 'SF1001' } });
    await waitFor('办结', () => getCase(url, t, c.caseId), (x) => x.status === 'completed');
  }
  await decide(world.sims.byRegion['310104']!.url, sent['310104'][1]!.ref, { to: 'needs_supplement', missing: ['营业执照正副本'] });
  await waitFor('需补正', () => getCase(url, t, sent['310104'][1]!.caseId), (x) => x.status === 'needs_supplement');

  // a dead-lettered handoff
  const hz = world.sims.byRegion['610700']!;
  await setFaults(hz.url, { mode: 'error', status: 503 });
  const dead = await submittedCase(url, t, '610700');
  await waitFor('死信', () => getCase(url, t, dead.caseId), (x) => x.handoffs[0]?.status === 'dead');
  await clearFaults(hz.url);

  const drafts = [
    (await draftCase(url, t, '310104')).caseId, (await draftCase(url, t, '640000')).caseId, (await draftCase(url, t, '610700')).caseId,
    (await draftCase(url, t, '640000', { skipMaterials: true })).caseId, (await draftCase(url, t, '310104', { skipMaterials: true })).caseId,
  ];

  const inbound = { appId: 'partner-640000', secret: 'dev-only-inbound-secret-640000' };
  const received = await signedCall(url, '/api/inbound/cases', {
    partnerCaseNo: 'NX-FUZZ-0001', itemCode: '000109004000', itemName: '户口迁移（迁入）', kind: '2', handlingForm: '1', acceptRegion: '640104',
    applicant: { kind: 'person', name: '马小花', idType: '111', idNumber: '64010419900101123X', phone: '13912345678' },
    materials: [{ code: 'M01', name: '居民户口簿', fileName: 'hkb.pdf', contentBase64: TINY_PDF.toString('base64'), sha256: sha256(TINY_PDF) }],
    promisedDays: 10, delivery: { byPost: false, electronic: true }, receivedAt: new Date().toISOString(),
  }, inbound, { idempotencyKey: 'NX-FUZZ-0001:handoff' });
  if (received.status !== 201) throw new Error(`receiveCase: ${received.status} ${JSON.stringify(received.body)}`);

  const all = [...Object.values(sent).flat().map((c) => c.caseId), dead.caseId, ...drafts, received.body.caseId as string];
  const materials: Fixtures['materials'] = [];
  const jobs: Fixtures['jobs'] = [];
  const documents: Fixtures['documents'] = [];
  const publicCodes: Fixtures['publicCodes'] = [];
  const caseNos: string[] = [];
  for (const id of all) {
    const c = await getCase(url, t, id);
    caseNos.push(c.caseNo);
    for (const m of c.materials) materials.push({ caseId: id, materialId: m.id, code: m.code });
    for (const j of c.handoffs) jobs.push({ caseId: id, jobId: j.id });
    const docs = await call(url, 'GET', `/api/cases/${id}/documents`, { token: t });
    for (const d of docs.body.items ?? []) documents.push({ caseId: id, documentId: d.id });
    const record = await world.gateway.core.store.getCase(id);
    if (record?.publicCode) publicCodes.push({ caseNo: record.caseNo, code: record.publicCode });
  }
  const receipt = await fetch(`${url}/api/cases/${sent['640000'][1]!.caseId}/documents/acceptance_receipt`, { headers: { authorization: `Bearer ${t}` } });
  if (receipt.status !== 200) throw new Error(`no receipt: ${receipt.status}`);
  const keys = await call(url, 'GET', '/api/receipts/signing-keys');

  const sessions: Fixtures['sessions'] = [];
  for (const body of [{ caseId: sent['310104'][2]!.caseId }, {}, {}, { caseId: sent['640000'][2]!.caseId }, {}, {}]) {
    const s = await call(url, 'POST', '/api/sessions', { token: t, json: body });
    if (s.status !== 201) throw new Error(`createSession: ${s.status} ${JSON.stringify(s.body)}`);
    sessions.push({ sessionId: s.body.sessionId, code: s.body.code, joinToken: String(s.body.joinUrl).split('/').pop()! });
  }
  await call(url, 'POST', `/api/sessions/${sessions[0]!.sessionId}/invitations`, { token: t });
  const sessionsToEnd = sessions.splice(3);

  const ref = (r: { ref: string; caseNo: string }) => ({ ref: r.ref, caseNo: r.caseNo });
  return {
    world, base: new URL(url), tokens, caseIds: all, drafts, materials, jobs, documents, publicCodes, sessions, sessionsToEnd, caseNos,
    materialCodes: [...new Set(materials.map((m) => m.code))],
    refs: { '310104': sent['310104'].map(ref), '640000': sent['640000'].map(ref) },
    receiptPdf: Buffer.from(await receipt.arrayBuffer()),
    keyId: keys.body.current as string,
    secrets: { inbound, xuhuiWebhook: settingsOf('310104').WEBHOOK_SECRET!, ningxiaCallback: settingsOf('640000').CALLBACK_SECRET! },
    regions: ['330681', '330604', ...PARTNER_REGIONS],
  };
}
