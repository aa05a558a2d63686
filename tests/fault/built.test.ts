// The production artifact: `npm run build` compiles the gateway to dist/, and `node dist/gateway/src/main.js`
// (what the Docker image and `npm run gateway` run, with no TypeScript loader) serves its contract, its
// pages and the remote window's pages from the repository root, and hands a case off to a partner.
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort, gatewayEnv, removeDataDir, startSimulators, type Sims } from '../support/world.js';
import { spawnGateway, type GatewayProcess } from '../support/child.js';
import { call, login } from '../support/client.js';
import { submittedCase, waitFor } from '../support/flows.js';

let sims: Sims;
let gw: GatewayProcess | undefined;
let dataDir: string;
let base: string;

beforeAll(async () => {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-server.ts'], { stdio: 'ignore' });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kytb-built-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  sims = await startSimulators(base);
  gw = await spawnGateway(gatewayEnv(port, dataDir, sims, { RW_ENABLED: 'true', RW_WORKERS: '1', RECEIPT_RENDER_THREADS: '1' }), base, { built: true });
}, 120_000);
afterAll(async () => {
  gw?.child.kill('SIGTERM');
  await gw?.exited;
  await sims?.close();
  await removeDataDir(dataDir);
});

describe('node dist/gateway/src/main.js', () => {
  test('serves the contract, the clerk console and the applicant page', async () => {
    const spec = await call(base, 'GET', '/openapi.yaml');
    expect(spec.status).toBe(200);
    expect(String(spec.body)).toContain('operationId: receiveCase');
    for (const page of ['/', '/rw/']) expect((await fetch(`${base}${page}`)).status).toBe(200);
  });

  test('a case goes to its partner with its documents (rendered in a compiled worker thread)', async () => {
    const token = await login(base);
    const c = await submittedCase(base, token, '640000');
    const done = await waitFor('已转递', () => call(base, 'GET', `/api/cases/${c.caseId}`, { token }).then((r) => r.body), (v) => v.status === 'forwarded', 60_000);
    expect(done.status).toBe('forwarded');
    const docs = (await call(base, 'GET', `/api/cases/${c.caseId}/documents`, { token })).body;
    expect(JSON.stringify(docs)).toContain('acceptance_receipt');
  }, 90_000);
});
