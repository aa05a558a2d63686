// A still of the applicant's video becomes a material of the case only with the applicant's consent,
// with the SHA-256 of its bytes; refused, nothing is stored; either way the case's audit trail says
// so and its hash chain stays valid.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { draftCase, getCase, submittedCase } from '../support/flows.js';
import { TINY_PDF, TINY_PNG, sha256 } from '../support/fixtures.js';
import { applicantWaiting, clerkInSession } from '../support/signalling.js';

let world: World;
let token: string;
beforeAll(async () => {
  world = await startWorld({ remoteWindow: true, background: false });
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

/** a small but real JPEG (SOI, APP0 JFIF, …, EOI): enough for the byte check and the hash */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'), Buffer.alloc(2048, 7), Buffer.from([0xff, 0xd9])]);

async function sessionWithApplicant(caseId?: string) {
  const { session, clerk } = await clerkInSession(world.url, token, caseId ? { caseId } : {});
  const a = await applicantWaiting(world.url, session.code);
  await clerk.call('admit', { participantId: a.hello.participantId });
  await a.client.waitEvent('admitted');
  return { session, clerk, a };
}

const audit = async (caseId: string) => {
  await world.gateway.remote!.evidence.flush();
  const events = (await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token })).body.events as Array<{ type: string; actor: string; data: any }>;
  const verdict = (await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token })).body;
  return { events, verdict };
};

describe('captureStill and captureConsent', () => {
  test('with consent the still is a material of the case with the hash of its bytes, and the audit has the consent with that hash', async () => {
    const { caseId } = await draftCase(world.url, token, '640000');
    const { clerk, a } = await sessionWithApplicant(caseId);
    const before = (await getCase(world.url, token, caseId)).materials.length;

    const taken = await clerk.call('captureStill', { fromParticipantId: a.hello.participantId, mediaType: 'image/jpeg', imageBase64: JPEG.toString('base64'), note: '身份证正面' });
    expect(taken.sha256).toBe(sha256(JPEG));
    const asked = await a.client.waitEvent('captureRequested');
    expect(asked).toMatchObject({ captureId: taken.captureId, sha256: sha256(JPEG), mediaType: 'image/jpeg', note: '身份证正面' });
    expect(Buffer.from(asked.imageBase64, 'base64').equals(JPEG)).toBe(true);
    // nothing is stored before consent
    expect((await getCase(world.url, token, caseId)).materials).toHaveLength(before);

    const consent = await a.client.call('captureConsent', { captureId: taken.captureId, granted: true });
    expect(consent).toMatchObject({ captureId: taken.captureId, granted: true, sha256: sha256(JPEG), materialId: expect.any(String) });
    expect(await clerk.waitEvent('captureResolved')).toEqual(consent);

    const c = await getCase(world.url, token, caseId);
    const m = c.materials.find((x: { id: string }) => x.id === consent.materialId);
    expect(m).toMatchObject({ sha256: sha256(JPEG), mediaType: 'image/jpeg', size: JPEG.length, code: 'extra', name: '远程帮办拍摄件', source: 'remote_capture' });
    const file = await fetch(`${world.url}/api/cases/${caseId}/materials/${m.id}/file`, { headers: { authorization: `Bearer ${token}` } });
    expect(sha256(Buffer.from(await file.arrayBuffer()))).toBe(sha256(JPEG));

    const { events, verdict } = await audit(caseId);
    expect(events.find((e) => e.type === 'session.capture_consented')).toMatchObject({ actor: `applicant:${a.hello.participantId}`, data: { captureId: taken.captureId, sha256: sha256(JPEG), materialId: consent.materialId } });
    expect(events.find((e) => e.type === 'case.material_added' && e.data.materialId === consent.materialId)?.data).toMatchObject({ sha256: sha256(JPEG), source: 'remote_capture' });
    expect(verdict).toMatchObject({ ok: true, firstBadSeq: null });

    // a capture resolves once
    expect(await a.client.request('captureConsent', { captureId: taken.captureId, granted: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    a.client.close();
    clerk.close();
  });

  test('refused: nothing is stored and the refusal is in the audit', async () => {
    const { caseId } = await draftCase(world.url, token, '610700');
    const { clerk, a } = await sessionWithApplicant(caseId);
    const before = (await getCase(world.url, token, caseId)).materials;
    const taken = await clerk.call('captureStill', { fromParticipantId: a.hello.participantId, mediaType: 'image/png', imageBase64: TINY_PNG.toString('base64') });
    await a.client.waitEvent('captureRequested');
    const answer = await a.client.call('captureConsent', { captureId: taken.captureId, granted: false });
    expect(answer).toEqual({ captureId: taken.captureId, granted: false, sha256: sha256(TINY_PNG) });
    expect((await clerk.waitEvent('captureResolved')).granted).toBe(false);
    expect((await getCase(world.url, token, caseId)).materials).toEqual(before);
    const { events, verdict } = await audit(caseId);
    expect(events.find((e) => e.type === 'session.capture_refused')?.data).toMatchObject({ captureId: taken.captureId, sha256: sha256(TINY_PNG) });
    expect(events.some((e) => e.type === 'session.capture_consented')).toBe(false);
    expect(verdict.ok).toBe(true);
    a.client.close();
    clerk.close();
  });

  test('only the person in the still decides; only the clerk captures; bytes that are not the declared image are refused', async () => {
    const { caseId } = await draftCase(world.url, token, '310104');
    const { clerk, a } = await sessionWithApplicant(caseId);
    const taken = await clerk.call('captureStill', { fromParticipantId: a.hello.participantId, mediaType: 'image/png', imageBase64: TINY_PNG.toString('base64') });
    expect(await clerk.request('captureConsent', { captureId: taken.captureId, granted: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await a.client.request('captureStill', { fromParticipantId: a.hello.participantId, mediaType: 'image/png', imageBase64: TINY_PNG.toString('base64') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clerk.request('captureStill', { fromParticipantId: a.hello.participantId, mediaType: 'image/jpeg', imageBase64: TINY_PDF.toString('base64') })).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE', message: expect.stringContaining('not image/jpeg') } });
    expect(await clerk.request('captureStill', { fromParticipantId: a.hello.participantId, mediaType: 'image/png', imageBase64: '!!!!' })).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    a.client.close();
    clerk.close();
  });

  test('a still of about 8 MiB goes through the socket; a bigger one is refused and the session goes on', async () => {
    const { caseId } = await draftCase(world.url, token, '640000');
    const { clerk, a } = await sessionWithApplicant(caseId);
    const big = Buffer.concat([JPEG.subarray(0, 20), Buffer.alloc(8 * 1024 * 1024 - 22, 1), Buffer.from([0xff, 0xd9])]);
    const ok = await clerk.call('captureStill', { fromParticipantId: a.hello.participantId, mediaType: 'image/jpeg', imageBase64: big.toString('base64') });
    expect(ok.sha256).toBe(sha256(big));
    const tooBig = Buffer.concat([big, Buffer.alloc(16)]);
    expect(await clerk.request('captureStill', { fromParticipantId: a.hello.participantId, mediaType: 'image/jpeg', imageBase64: tooBig.toString('base64') })).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    expect(await clerk.call('chat', { text: '还在' })).toMatchObject({ text: '还在' });
    a.client.close();
    clerk.close();
  });

  test('a walk-in session, or a case already submitted, cannot capture (typed CONFLICT before the applicant is asked)', async () => {
    const walkIn = await sessionWithApplicant();
    const r = await walkIn.clerk.request('captureStill', { fromParticipantId: walkIn.a.hello.participantId, mediaType: 'image/png', imageBase64: TINY_PNG.toString('base64') });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('未关联办件') } });
    expect(walkIn.a.client.seen('captureRequested')).toHaveLength(0);

    const { caseId } = await submittedCase(world.url, token, '640000');
    const sub = await sessionWithApplicant(caseId);
    const r2 = await sub.clerk.request('captureStill', { fromParticipantId: sub.a.hello.participantId, mediaType: 'image/png', imageBase64: TINY_PNG.toString('base64') });
    expect(r2).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已提交') } });
    for (const s of [walkIn, sub]) { s.a.client.close(); s.clerk.close(); }
  });
});
