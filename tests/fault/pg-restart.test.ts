// The database restarts under a running gateway (issue 11): while PostgreSQL is down /readyz says so and a
// clerk's request is refused with 503 NOT_READY (nothing half-done); once it is back the gateway
// reconnects by itself, without a restart of its own, and everything a clerk was told was saved is there:
// the case submitted before the crash, its trail intact, and its handoff, held up by a partner that was
// down meanwhile, delivered once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { clearFaults, getCase, setFaults, simState, submittedCase, waitFor } from '../support/flows.js';
import { freshDatabase, startPgCluster, type PgCluster } from '../support/postgres.js';

let cluster: PgCluster;
let world: World;
let token: string;

beforeAll(async () => {
  // a cluster of its own: this file stops and starts it
  cluster = await startPgCluster();
  const url = await freshDatabase(cluster.url, 'pg_restart');
  world = await startWorld({ env: { STORE: 'postgres', DATABASE_URL: url, HANDOFF_BACKOFF_MS: '200,400,800', HANDOFF_MAX_ATTEMPTS: '50' } });
  token = await login(world.url);
});
afterAll(async () => {
  await world?.close();
  cluster?.stop();
});

describe('PostgreSQL restarts under a running gateway', () => {
  test('/readyz fails and writes are refused while it is down; afterwards the gateway is back by itself and nothing it acknowledged is lost', async () => {
    const sim = world.sims.byRegion['310104']!;
    // the partner is down too: the handoff is still pending when the database goes
    await setFaults(sim.url, { mode: 'error', status: 502 });
    const { caseId, caseNo } = await submittedCase(world.url, token, '310104');
    const before = await getCase(world.url, token, caseId);
    expect(before.status).toBe('received');

    cluster.crash();
    await waitFor('readyz 503', () => call(world.url, 'GET', '/readyz'), (r) => r.status === 503, 15_000, 200);
    const refused = await call(world.url, 'GET', `/api/cases/${caseId}`, { token });
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('NOT_READY');
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.contentType).toContain('application/problem+json');

    cluster.start();
    await clearFaults(sim.url);
    await waitFor('readyz 200', () => call(world.url, 'GET', '/readyz'), (r) => r.status === 200, 30_000, 200);
    const after = await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded', 30_000, 200);
    expect(after.handoffs[0].status).toBe('delivered');
    expect((await simState(sim.url)).cases.filter((c) => c.caseNo === caseNo)).toHaveLength(1);
    expect((await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token })).body).toMatchObject({ ok: true });
    // and new work goes on
    const next = await submittedCase(world.url, token, '310104');
    await waitFor('已转递', () => getCase(world.url, token, next.caseId), (c) => c.status === 'forwarded', 30_000, 200);
  }, 120_000);
});
