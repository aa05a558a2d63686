// Issue 11: what happens on one instance reaches the others. Two gateway processes on one PostgreSQL; a
// clerk's screen is connected to A (GET /api/events, server-sent events); the partner's callbacks go to
// B. The partner's answer, received and committed by B, reaches the clerk on A (LISTEN/NOTIFY).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { generateSigningKey } from '../../gateway/src/receipts/keys.js';
import { freePort, gatewayEnv, startSimulators, type Env, type Sims } from '../support/world.js';
import { spawnGateway, type GatewayProcess } from '../support/child.js';
import { login } from '../support/client.js';
import { decide, getCase, submittedCase, waitFor } from '../support/flows.js';
import { freshDatabase } from '../support/postgres.js';

let root: string | undefined;
let sims: Sims | undefined;
const gateways: GatewayProcess[] = [];
afterAll(async () => {
  for (const g of gateways) g.child.kill('SIGKILL');
  await sims?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** the events a clerk's screen receives, as they come */
async function eventsOf(base: string, token: string): Promise<{ seen: Array<{ caseId: string; status: string }>; close(): void }> {
  const ctrl = new AbortController();
  const res = await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${token}` }, signal: ctrl.signal });
  expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/event-stream; charset=utf-8']);
  const seen: Array<{ caseId: string; status: string }> = [];
  const reader = res.body!.getReader();
  let buffer = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += Buffer.from(value!).toString('utf8');
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (frame.includes('event: case') && data) seen.push(JSON.parse(data.slice(6)) as { caseId: string; status: string });
      }
    }
  })();
  return { seen, close: () => ctrl.abort() };
}

describe('two gateway instances on one PostgreSQL', () => {
  test('a clerk connected to one instance sees a partner’s answer that arrived at the other', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'kytb-notify-'));
    const url = await freshDatabase(inject('pgUrl'), 'notify');
    const signingKeyFile = path.join(root, 'receipt-signing-key.pem');
    await writeFile(signingKeyFile, generateSigningKey().privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const [portA, portB] = [await freePort(), await freePort()];
    const [baseA, baseB] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
    sims = await startSimulators(baseB);
    const shared: Env = { STORE: 'postgres', DATABASE_URL: url, PII_KEYS_FILE: path.join(root, 'pii-keys.json'), RECEIPT_SIGNING_KEY_FILE: signingKeyFile, RW_ENABLED: 'false', POLL_INTERVAL_MS: '3600000' };
    gateways.push(await spawnGateway(gatewayEnv(portA, path.join(root, 'a'), sims, { ...shared, INSTANCE_ID: 'gw-a' }), baseA));
    gateways.push(await spawnGateway(gatewayEnv(portB, path.join(root, 'b'), sims, { ...shared, INSTANCE_ID: 'gw-b' }), baseB));

    const token = await login(baseA);
    const screen = await eventsOf(baseA, token);
    try {
      const { caseId } = await submittedCase(baseA, token, '640000');
      const forwarded = await waitFor('已转递', () => getCase(baseA, token, caseId), (c) => c.status === 'forwarded');
      // the partner's 受理 arrives at B (its callback URL); A never receives it itself
      await decide(sims.byRegion['640000']!.url, forwarded.partnerRef, { to: 'accepted' });
      await waitFor('the clerk on A told of the answer B received', async () => screen.seen.filter((e) => e.caseId === caseId).map((e) => e.status), (s) => s.includes('accepted'), 15_000);
      expect(screen.seen.filter((e) => e.caseId === caseId).map((e) => e.status)).toEqual(expect.arrayContaining(['draft', 'received', 'forwarded', 'accepted']));
      // and a clerk of another region is told nothing of it
      const other = await eventsOf(baseB, await login(baseB, 'shangyu01', 'Shangyu@2026'));
      await decide(sims.byRegion['640000']!.url, forwarded.partnerRef, { to: 'completed', result: { documentName: '办结通知书' } });
      await waitFor('办结 seen on A', async () => screen.seen.map((e) => e.status), (s) => s.includes('completed'), 15_000);
      expect(other.seen).toEqual([]);
      other.close();
    } finally {
      screen.close();
    }
  }, 120_000);
});
