// Issue 11: a remote-window session lives on the instance whose mediasoup router hosts it, and is
// reached through any instance. Three gateway processes on one PostgreSQL: A and B run the remote window
// (each its own mediasoup worker and RTC ports), C runs without it (RW_ENABLED=false). A clerk opens a
// session on A; the applicant and the clerk then come in through B (and C), and every request and
// signalling socket ends up at A's session, through one hop.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { generateSigningKey } from '../../gateway/src/receipts/keys.js';
import { freePort, gatewayEnv, startSimulators, type Env, type Sims } from '../support/world.js';
import { spawnGateway, type GatewayProcess } from '../support/child.js';
import { call, login } from '../support/client.js';
import { SignalClient } from '../support/signalling.js';
import { freshDatabase } from '../support/postgres.js';

let root: string | undefined;
let sims: Sims | undefined;
const gateways: GatewayProcess[] = [];
let A = '';
let B = '';
let C = '';
let token = '';

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'kytb-rw-instances-'));
  const url = await freshDatabase(inject('pgUrl'), 'rw_instances');
  const signingKeyFile = path.join(root, 'receipt-signing-key.pem');
  await writeFile(signingKeyFile, generateSigningKey().privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const ports = [await freePort(), await freePort(), await freePort()];
  [A, B, C] = ports.map((p) => `http://127.0.0.1:${p}`) as [string, string, string];
  sims = await startSimulators(A);
  // the instances trust each other's X-Forwarded-For (they are all on loopback here)
  const shared: Env = { STORE: 'postgres', DATABASE_URL: url, PII_KEYS_FILE: path.join(root, 'pii-keys.json'), RECEIPT_SIGNING_KEY_FILE: signingKeyFile, POLL_INTERVAL_MS: '3600000', TRUST_PROXY: 'loopback' };
  const rw = (min: number): Env => ({ RW_ENABLED: 'true', RW_RTC_MIN_PORT: String(min), RW_RTC_MAX_PORT: String(min + 99) });
  // A first, alone: the keyring is made once, then shared
  gateways.push(await spawnGateway(gatewayEnv(ports[0]!, path.join(root, 'a'), sims, { ...shared, ...rw(46000), INSTANCE_ID: 'gw-a' }), A));
  gateways.push(...await Promise.all([
    spawnGateway(gatewayEnv(ports[1]!, path.join(root, 'b'), sims, { ...shared, ...rw(46200), INSTANCE_ID: 'gw-b' }), B),
    spawnGateway(gatewayEnv(ports[2]!, path.join(root, 'c'), sims, { ...shared, RW_ENABLED: 'false', INSTANCE_ID: 'gw-c' }), C),
  ]));
  token = await login(A);
  // an instance that dies while the tests run says why (its stderr), so a crash is not only "fetch failed"
  for (const [i, g] of gateways.entries()) {
    void g.exited.then((code) => {
      if (!closing) console.error(`instance ${'ABC'[i]} exited (${String(code)}) during the tests:\n${g.output().slice(-6000)}`);
    });
  }
}, 120_000);

let closing = false;
afterAll(async () => {
  closing = true;
  for (const g of gateways) g.child.kill('SIGKILL');
  await sims?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const ws = (base: string, wsUrl: string): string => `${base.replace(/^http/, 'ws')}${new URL(wsUrl).pathname}${new URL(wsUrl).search}`;
const openOnA = async () => {
  const created = await call(A, 'POST', '/api/sessions', { token, json: {} });
  expect(created.status).toBe(201);
  return created.body as { sessionId: string; code: string; joinUrl: string };
};
const otherCode = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');

describe('a remote-window session reached through any instance', () => {
  test('opened on A, joined by code through B: the signalling through B reaches A’s router, and a dropped applicant resumes through B', async () => {
    const s = await openOnA();
    // the clerk's ticket, asked of B, is A's: the clerk's socket straight to A takes it
    const t = await call(B, 'POST', `/api/sessions/${s.sessionId}/tickets`, { token, json: {} });
    expect(t.status).toBe(201);
    const clerk = await SignalClient.open(t.body.wsUrl);
    expect(new URL(t.body.wsUrl).origin).toBe(A.replace('http', 'ws'));
    expect(await clerk.call('hello', { device: 'pc' })).toMatchObject({ role: 'clerk', state: 'admitted' });

    const joined = await call(B, 'POST', '/api/rw/join', { json: { code: s.code, displayName: '张三', device: 'phone' } });
    expect(joined.status).toBe(201);
    expect(joined.body.sessionId).toBe(s.sessionId);
    const applicant = await SignalClient.open(ws(B, joined.body.wsUrl));
    const hello = await applicant.call('hello', { device: 'phone', displayName: '张三' });
    expect(hello).toMatchObject({ role: 'applicant', state: 'waiting' });
    // the clerk on A sees the applicant who came in through B, and admits them
    await clerk.waitEvent('participantWaiting', (d) => d.participant.participantId === hello.participantId);
    await clerk.call('admit', { participantId: hello.participantId });
    await applicant.waitEvent('admitted');
    // only the session's router can answer this
    const caps = (await applicant.call('getRouterRtpCapabilities', {})).rtpCapabilities as { codecs: Array<{ mimeType: string }> };
    expect(caps.codecs.map((c: { mimeType: string }) => c.mimeType)).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8']));

    // the connection drops; the resume token, used through B, brings back the same participant on A
    applicant.drop();
    await clerk.waitEvent('participantReconnecting', (d) => d.participantId === hello.participantId);
    const back = await SignalClient.open(`${B.replace('http', 'ws')}/rw/ws?resume=${encodeURIComponent(hello.resumeToken)}`);
    expect(await back.call('hello', { device: 'phone' })).toMatchObject({ participantId: hello.participantId, resumed: true, state: 'admitted' });
    await clerk.waitEvent('participantReconnected', (d) => d.participantId === hello.participantId);
    back.close();
    clerk.close();
  }, 60_000);

  test('the clerk’s getSession, listSessions and endSession through B act on A’s session; then it is ended everywhere', async () => {
    const s = await openOnA();
    const viaB = await call(B, 'GET', `/api/sessions/${s.sessionId}`, { token });
    expect(viaB.status).toBe(200);
    expect(viaB.body).toMatchObject({ sessionId: s.sessionId, code: s.code });
    const listedB = await call(B, 'GET', '/api/sessions', { token });
    expect(listedB.status).toBe(200);
    expect(listedB.body.items.map((i: { sessionId: string }) => i.sessionId)).toContain(s.sessionId);
    // listed once, though A and B both answer for it
    expect(listedB.body.items.filter((i: { sessionId: string }) => i.sessionId === s.sessionId)).toHaveLength(1);

    const ended = await call(B, 'POST', `/api/sessions/${s.sessionId}/end`, { token, json: { reason: '测试结束' } });
    expect(ended.status).toBe(200);
    expect(ended.body).toEqual({ sessionId: s.sessionId, status: 'ended' });
    expect((await call(A, 'GET', `/api/sessions/${s.sessionId}`, { token })).body.code).toBe('SESSION_ENDED');
    const afterB = await call(B, 'GET', `/api/sessions/${s.sessionId}`, { token });
    expect([afterB.status, afterB.body.code]).toEqual([410, 'SESSION_ENDED']);
    const lateJoin = await call(B, 'POST', '/api/rw/join', { json: { code: s.code, displayName: '张三' } });
    expect([lateJoin.status, lateJoin.body.code]).toEqual([404, 'JOIN_CODE_INVALID']);
  });

  test('an unknown session id, code, link token or ticket through B gets the same refusal as on A', async () => {
    const s = await openOnA();
    const unknown = await call(B, 'GET', `/api/sessions/${randomUUID()}`, { token });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'SESSION_NOT_FOUND']);
    const wrong = await call(B, 'POST', '/api/rw/join', { json: { code: otherCode(s.code), displayName: '张三' } });
    expect([wrong.status, wrong.body.code]).toEqual([404, 'JOIN_CODE_INVALID']);
    const madeUp = await call(B, 'POST', '/api/rw/join', { json: { joinToken: 'x'.repeat(32), displayName: '张三' } });
    expect([madeUp.status, madeUp.body.code]).toEqual([404, 'JOIN_CODE_INVALID']);
    // a ticket naming A's session but not issued by it: A refuses it, as it refuses any bad ticket
    expect(await SignalClient.connect(`${B.replace('http', 'ws')}/rw/ws?ticket=${s.sessionId}_${'x'.repeat(43)}`)).toEqual({ refused: true, status: 401 });
    expect(await SignalClient.connect(`${B.replace('http', 'ws')}/rw/ws?ticket=${randomUUID()}_${'x'.repeat(43)}`)).toEqual({ refused: true, status: 401 });
  });

  test('a join forwarded to the host is counted against the applicant’s own address there (X-Forwarded-For)', async () => {
    const s = await openOnA();
    const guesser = { 'X-Forwarded-For': '203.0.113.50' };
    for (let i = 0; i < 5; i++) expect((await call(A, 'POST', '/api/rw/join', { json: { code: otherCode(s.code), displayName: 'x' }, headers: guesser })).status).toBe(404);
    // B has seen nothing wrong from this address, so it forwards; A knows the address and refuses it
    const blocked = await call(B, 'POST', '/api/rw/join', { json: { code: s.code, displayName: 'x' }, headers: guesser });
    expect([blocked.status, blocked.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect((await call(B, 'POST', '/api/rw/join', { json: { code: s.code, displayName: 'x' }, headers: { 'X-Forwarded-For': '203.0.113.51' } })).status).toBe(201);
  });

  test('a request already forwarded once is answered where it lands, never forwarded again', async () => {
    const s = await openOnA();
    const marked = await call(B, 'GET', `/api/sessions/${s.sessionId}`, { token, headers: { 'X-Kytb-Forwarded-By': 'gw-x' } });
    expect([marked.status, marked.body.code]).toEqual([404, 'SESSION_NOT_FOUND']);
    expect((await call(B, 'GET', `/api/sessions/${s.sessionId}`, { token })).status).toBe(200);
  });

  test('an instance without the remote window (RW_ENABLED=false) has the session made on one that runs it, and reaches it', async () => {
    const created = await call(C, 'POST', '/api/sessions', { token, json: {} });
    expect(created.status).toBe(201);
    const { sessionId, code } = created.body as { sessionId: string; code: string };
    const onA = await call(A, 'GET', `/api/sessions/${sessionId}`, { token });
    const onB = await call(B, 'GET', `/api/sessions/${sessionId}`, { token });
    // it lives on A or B, and each of them reaches it
    expect([onA.status, onB.status]).toEqual([200, 200]);
    expect((await call(C, 'GET', `/api/sessions/${sessionId}`, { token })).body).toMatchObject({ sessionId, code });
    expect((await call(C, 'GET', '/api/sessions', { token })).body.items.map((i: { sessionId: string }) => i.sessionId)).toContain(sessionId);
    const joined = await call(C, 'POST', '/api/rw/join', { json: { code, displayName: '李四' } });
    expect([joined.status, joined.body.sessionId]).toEqual([201, sessionId]);
    const applicant = await SignalClient.open(ws(C, joined.body.wsUrl));
    expect(await applicant.call('hello', { device: 'pc', displayName: '李四' })).toMatchObject({ role: 'applicant', state: 'waiting' });
    applicant.close();
    // what nobody hosts is refused by C as before: it has no remote window
    expect((await call(C, 'GET', `/api/sessions/${randomUUID()}`, { token })).body.code).toBe('REMOTE_WINDOW_DISABLED');
  });
});
