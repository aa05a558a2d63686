// A remote session's end is evidence of the case. A gateway that stops normally ends its sessions
// itself (服务停止); one killed with SIGKILL cannot, so the next start writes the session.ended that was
// never written (网关异常中断), once, and the session's join code is dead.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort, gatewayEnv, removeDataDir, startSimulators, testStoreEnv, type Env, type Sims } from '../support/world.js';
import { spawnGateway, type GatewayProcess } from '../support/child.js';
import { call, login } from '../support/client.js';
import { draftCase, waitFor } from '../support/flows.js';

let sims: Sims;
let gw: GatewayProcess | undefined;
let dataDir: string;
let base: string;
let env: Env;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kytb-rw-crash-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  sims = await startSimulators(base);
  env = gatewayEnv(port, dataDir, sims, { RW_ENABLED: 'true', RW_WORKERS: '1', ...(await testStoreEnv('rwcrash')) });
});
afterAll(async () => {
  gw?.child.kill('SIGKILL');
  await sims?.close();
  await removeDataDir(dataDir);
});

type Event = { type: string; actor: string; data: Record<string, unknown> };
const timeline = async (token: string, caseId: string) => (await call(base, 'GET', `/api/cases/${caseId}/timeline`, { token })).body.events as Event[];
const ends = (events: Event[], sessionId: string) => events.filter((e) => e.type === 'session.ended' && e.data.sessionId === sessionId);

/** a clerk opens a session on a new case; its session.created reaches the trail only once it is noted open */
async function openSession(token: string) {
  const { caseId } = await draftCase(base, token, '610700');
  const s = (await call(base, 'POST', '/api/sessions', { token, json: { caseId } })).body as { sessionId: string; code: string };
  await waitFor('session.created in the trail', () => timeline(token, caseId), (ev) => ev.some((e) => e.type === 'session.created'));
  return { caseId, ...s };
}

/** stops the gateway with `signal`, starts it again on the same data, and logs in again */
async function restart(signal: NodeJS.Signals): Promise<string> {
  gw?.child.kill(signal);
  await gw?.exited;
  gw = await spawnGateway(env, base);
  return login(base);
}

describe('remote sessions across gateway stops', () => {
  test('SIGKILL: after the restart the case shows the session ended by the crash, once; its code no longer joins', async () => {
    gw = await spawnGateway(env, base);
    let token = await login(base);
    const s = await openSession(token);
    token = await restart('SIGKILL');
    const events = await waitFor('session.ended after the restart', () => timeline(token, s.caseId), (ev) => ends(ev, s.sessionId).length > 0);
    expect(ends(events, s.sessionId)).toEqual([expect.objectContaining({ actor: 'system', data: expect.objectContaining({ reason: '网关异常中断，会话未正常结束', afterRestart: true }) })]);
    const join = await call(base, 'POST', '/api/rw/join', { json: { code: s.code, displayName: '张三' } });
    expect(join.status).toBe(404);

    // a second restart does not end it again
    token = await restart('SIGTERM');
    expect(ends(await timeline(token, s.caseId), s.sessionId)).toHaveLength(1);
  }, 180_000);

  test('a normal stop (SIGTERM) ends the session itself, and the next start adds nothing', async () => {
    gw ??= await spawnGateway(env, base);
    let token = await login(base);
    const s = await openSession(token);
    token = await restart('SIGTERM');
    const ended = ends(await timeline(token, s.caseId), s.sessionId);
    expect(ended).toEqual([expect.objectContaining({ actor: 'system', data: expect.objectContaining({ reason: '服务停止' }) })]);
  }, 180_000);
});
