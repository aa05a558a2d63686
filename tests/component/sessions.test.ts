// 远程帮办 over HTTP: a clerk opens a session from a case or for a walk-in, invites the partner region's
// clerk (三方连线), and tickets open the signalling socket only for those who may enter.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { draftCase } from '../support/flows.js';
import { SignalClient } from '../support/signalling.js';

let world: World;
let token: string;
let offsetMs = 0;
beforeAll(async () => {
  world = await startWorld({ remoteWindow: true, background: false, now: () => new Date(Date.now() + offsetMs) });
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

const create = (body: unknown, t = token) => call(world.url, 'POST', '/api/sessions', { token: t, json: body });
const ticket = (sessionId: string, t: string) => call(world.url, 'POST', `/api/sessions/${sessionId}/tickets`, { token: t, json: {} });
const timeline = async (caseId: string) => (await call(world.url, 'GET', `/api/cases/${caseId}/timeline`, { token })).body.events as Array<{ type: string; data: any }>;

describe('POST /api/sessions (createSession)', () => {
  test('from a case: a join link with a long token, a 6-digit code, a QR code, the clerk panel, and session.created in the case audit', async () => {
    const { caseId, caseNo } = await draftCase(world.url, token, '640000');
    const r = await create({ caseId });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ caseId, caseNo, clerkPanelUrl: `/rw/clerk.html?session=${r.body.sessionId}` });
    expect(r.body.code).toMatch(/^\d{6}$/);
    expect(r.body.joinUrl).toMatch(new RegExp(`^${world.url}/rw/j/[A-Za-z0-9_-]{32,}$`));
    expect(r.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(Date.parse(r.body.expiresAt) - Date.now()).toBeGreaterThan(25 * 60_000);

    const got = await call(world.url, 'GET', `/api/sessions/${r.body.sessionId}`, { token });
    expect(got.body).toMatchObject({ sessionId: r.body.sessionId, status: 'open', walkIn: false, caseNo, code: r.body.code, participants: [] });
    const listed = await call(world.url, 'GET', '/api/sessions', { token });
    expect(listed.body.items.map((s: { sessionId: string }) => s.sessionId)).toContain(r.body.sessionId);

    await world.gateway.remote!.evidence.flush();
    const created = (await timeline(caseId)).find((e) => e.type === 'session.created');
    expect(created?.data).toMatchObject({ sessionId: r.body.sessionId, walkIn: false });
  });

  test('a walk-in session has no case; it cannot invite a 办理地 (409 SESSION_WITHOUT_CASE)', async () => {
    const r = await create({});
    expect(r.status).toBe(201);
    expect(r.body.caseId).toBeUndefined();
    const got = await call(world.url, 'GET', `/api/sessions/${r.body.sessionId}`, { token });
    expect(got.body).toMatchObject({ walkIn: true, caseId: null });
    const inv = await call(world.url, 'POST', `/api/sessions/${r.body.sessionId}/invitations`, { token });
    expect(inv.status).toBe(409);
    expect(inv.body.code).toBe('SESSION_WITHOUT_CASE');
    expect(inv.contentType).toContain('application/problem+json');
  });

  test('a case of another region or an unknown case is refused with the case errors', async () => {
    const { caseId } = await draftCase(world.url, token, '610700');
    const other = await login(world.url, 'shangyu01', 'Shangyu@2026');
    expect((await create({ caseId }, other)).body.code).toBe('CASE_OUT_OF_REGION');
    expect((await create({ caseId: 'no-such-case' })).status).toBe(404);
    expect((await create({ caseId: 42 })).body.code).toBe('VALIDATION_FAILED');
    expect((await call(world.url, 'POST', '/api/sessions', { json: {} })).status).toBe(401);
  });

  test('an unknown session is 404 SESSION_NOT_FOUND; an ended one is 410 SESSION_ENDED', async () => {
    expect((await call(world.url, 'GET', '/api/sessions/00000000-0000-4000-8000-000000000000', { token })).body.code).toBe('SESSION_NOT_FOUND');
    const r = await create({});
    const end = await call(world.url, 'POST', `/api/sessions/${r.body.sessionId}/end`, { token });
    expect(end.body).toEqual({ sessionId: r.body.sessionId, status: 'ended' });
    const after = await call(world.url, 'GET', `/api/sessions/${r.body.sessionId}`, { token });
    expect(after.status).toBe(410);
    expect(after.body.code).toBe('SESSION_ENDED');
  });
});

describe('三方连线: invitePartnerClerk and issueSessionTicket', () => {
  test('the 办理地 clerk gets a ticket only once invited; clerks of other regions and colleagues never', async () => {
    const { caseId } = await draftCase(world.url, token, '640000');
    const s = (await create({ caseId })).body;
    const ningxia = await login(world.url, 'ningxia01', 'Partner@2026');
    const shangyu = await login(world.url, 'shangyu01', 'Shangyu@2026');
    const colleague = await login(world.url, 'zhuji02', 'Zhuji@2026');

    const before = await ticket(s.sessionId, ningxia);
    expect(before.status).toBe(403);
    expect(before.body.code).toBe('INVITATION_REQUIRED');

    const inv = await call(world.url, 'POST', `/api/sessions/${s.sessionId}/invitations`, { token });
    expect(inv.status).toBe(201);
    expect(inv.body).toMatchObject({ region: '640000', inviteUrl: `${world.url}/rw/clerk.html?session=${s.sessionId}&invite=640000` });

    const partner = await ticket(s.sessionId, ningxia);
    expect(partner.status).toBe(201);
    expect(partner.body).toMatchObject({ role: 'partner_clerk' });
    expect(partner.body.wsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/rw\/ws\?ticket=/);
    const seen = await call(world.url, 'GET', `/api/sessions/${s.sessionId}`, { token: ningxia });
    expect(seen.status).toBe(200);
    expect(seen.body.code).toBeUndefined(); // the join code is the receiving window's business
    expect((await call(world.url, 'GET', '/api/sessions', { token: ningxia })).body.items.map((x: { sessionId: string }) => x.sessionId)).toEqual([s.sessionId]);

    expect((await ticket(s.sessionId, shangyu)).body.code).toBe('FORBIDDEN');
    expect((await ticket(s.sessionId, colleague)).body.code).toBe('FORBIDDEN');
    expect((await call(world.url, 'POST', `/api/sessions/${s.sessionId}/end`, { token: ningxia })).body.code).toBe('FORBIDDEN');

    const clerkT = await ticket(s.sessionId, token);
    const clerk = await SignalClient.open(clerkT.body.wsUrl);
    await clerk.call('hello', {});
    const p = await SignalClient.open(partner.body.wsUrl);
    const hello = await p.call('hello', {});
    expect(hello).toMatchObject({ role: 'partner_clerk', state: 'admitted' });
    const joined = await clerk.waitEvent('participantJoined', (d) => d.participant.role === 'partner_clerk');
    expect(joined.participant).toMatchObject({ displayName: '马丽', region: '640000' });
    // a partner clerk is not the session's clerk: clerk-only methods are refused
    expect(await p.request('endSession', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    p.close();
    clerk.close();
  });
});

describe('GET /rw/ws (the upgrade)', () => {
  const wsBase = () => world.url.replace('http', 'ws');

  test('is refused with 401 before any WebSocket exists without a ticket, with a made-up one, a used one or an expired one', async () => {
    const s = (await create({})).body;
    expect(await SignalClient.connect(`${wsBase()}/rw/ws`)).toEqual({ refused: true, status: 401 });
    expect(await SignalClient.connect(`${wsBase()}/rw/ws?ticket=made-up`)).toEqual({ refused: true, status: 401 });
    expect(await SignalClient.connect(`${wsBase()}/rw/ws?resume=made-up`)).toEqual({ refused: true, status: 401 });

    const t = (await ticket(s.sessionId, token)).body;
    const first = await SignalClient.open(t.wsUrl);
    expect(await SignalClient.connect(t.wsUrl)).toEqual({ refused: true, status: 401 });
    first.close();

    const late = (await ticket(s.sessionId, token)).body;
    offsetMs += 61_000; // tickets live 60 s
    try {
      expect(await SignalClient.connect(late.wsUrl)).toEqual({ refused: true, status: 401 });
    } finally {
      offsetMs -= 61_000;
    }
  });

  test('other upgrade paths are not served', async () => {
    expect(await SignalClient.connect(`${wsBase()}/api/cases`).catch((e: Error) => e.message)).toMatch(/socket hang up|ECONNRESET/);
  });
});

describe('signalling frames', () => {
  test('a frame that breaks the schema gets a typed error and the session goes on', async () => {
    const s = (await create({})).body;
    const c = await SignalClient.open((await ticket(s.sessionId, token)).body.wsUrl);
    expect(await c.request('admit', { participantId: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_ADMITTED' } }); // hello first
    await c.call('hello', {});
    expect(await c.sendRaw('this is not json')).toMatchObject({ id: null, ok: false, error: { code: 'BAD_MESSAGE' } });
    expect(await c.sendRaw(JSON.stringify({ id: 7, method: 'chat' }), 7)).toMatchObject({ id: 7, ok: false, error: { code: 'BAD_MESSAGE' } });
    expect(await c.sendRaw(JSON.stringify({ id: 8, method: 'chat', data: { text: 5 } }), 8)).toMatchObject({ id: 8, ok: false, error: { code: 'BAD_MESSAGE' } });
    expect(await c.sendRaw(JSON.stringify({ id: 9, method: 'chat', data: { text: 'hi', extra: 1 } }), 9)).toMatchObject({ id: 9, ok: false, error: { code: 'BAD_MESSAGE', message: expect.stringContaining('extra') } });
    expect(await c.sendRaw(JSON.stringify({ id: 10, method: 'createTransport', data: { direction: 'sideways' } }), 10)).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    expect(await c.sendRaw(JSON.stringify({ id: 11, method: 'teleport', data: {} }), 11)).toMatchObject({ id: 11, ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await c.request('admit', { participantId: 'nobody' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // still open, still answering
    const msg = await c.call('chat', { text: '您好，请稍候' });
    expect(msg).toMatchObject({ text: '您好，请稍候', displayName: '王芳' });
    c.close();
  });
});
