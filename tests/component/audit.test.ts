import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { entryHash } from '../../gateway/src/audit/hash.js';
import { startWorld, type World } from '../support/world.js';
import { call, login } from '../support/client.js';
import { getCase, submittedCase, waitFor } from '../support/flows.js';
import { whileStopped } from '../support/sealed.js';

let world: World;
let token: string;
beforeAll(async () => {
  world = await startWorld({ env: { AUDIT_ANCHOR_INTERVAL_S: '1' } });
  token = await login(world.url);
});
afterAll(async () => { await world?.close(); });

const events = (caseId: string, database = world.gateway.database) =>
  database.db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();

describe('GET /api/cases/{caseId}/audit (verifyCaseAudit)', () => {
  test('a case’s chain verifies; after one stored event is edited in the database, the edit is found with its seq', async () => {
    const { caseId } = await submittedCase(world.url, token, '640000');
    await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
    const good = await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token });
    expect(good.body).toMatchObject({ ok: true, firstBadSeq: null });
    expect(good.body.entries).toBeGreaterThanOrEqual(5);

    // someone with write access to the database changes who did the third step
    const third = (await events(caseId))[2]!;
    await world.gateway.database.db.updateTable('case_events').set({ actor: 'clerk:someone-else' }).where('case_id', '=', caseId).where('seq', '=', third.seq).execute();

    const bad = await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token });
    expect(bad.body).toMatchObject({ ok: false, firstBadSeq: third.seq });
  });
});

/** what someone who can write the database does: edit event `seq` and re-hash the chain from there */
async function rewriteTrail(caseId: string, seq: number, edit: (event: Record<string, unknown>) => void): Promise<void> {
  await whileStopped(world.config.store, async (database) => {
    const rows = await events(caseId, database);
    let prev = rows[seq - 1]!.prev_hash;
    for (const row of rows.slice(seq - 1)) {
      const event = { caseId: row.case_id, seq: row.seq, at: row.at, actor: row.actor, type: row.type, data: JSON.parse(row.data) as Record<string, unknown> };
      if (row.seq === seq) edit(event);
      const hash = entryHash(prev, event as never);
      await database.db.updateTable('case_events').set({ actor: event.actor, data: JSON.stringify(event.data), prev_hash: prev, hash }).where('case_id', '=', caseId).where('seq', '=', row.seq).execute();
      prev = hash;
    }
  });
}

const verdict = async (caseId: string) => (await call(world.url, 'GET', `/api/cases/${caseId}/audit`, { token })).body;

describe('audit anchors (GET /api/audit/anchor)', () => {
  test('the heads are signed with the published key; a trail edited and re-hashed in the database is found against its anchor', async () => {
    const { caseId } = await submittedCase(world.url, token, '310104');
    await waitFor('已转递', () => getCase(world.url, token, caseId), (c) => c.status === 'forwarded');
    const anchored = await waitFor('the case anchored at its head', () => verdict(caseId), (v) => v.anchor !== null && v.anchor.seq === v.entries, 10_000, 200);
    expect(anchored).toMatchObject({ ok: true, anchorLogBroken: null, anchor: { hash: anchored.head } });

    const status = (await call(world.url, 'GET', '/api/audit/anchor', { token })).body;
    expect(status).toMatchObject({ broken: null, latest: { keyId: expect.any(String), cases: expect.any(Number) } });
    const metrics = (await call(world.url, 'GET', '/metrics')).body as string;
    expect(metrics).toMatch(/^kytb_audit_anchor_log_broken 0$/m);
    expect(Number(/^kytb_audit_anchor_latest_number (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(status.latest.n);
    expect(status.latest.n).toBeGreaterThanOrEqual(anchored.anchor.n);
    const keys = (await call(world.url, 'GET', '/api/receipts/signing-keys')).body;
    const key = createPublicKey(keys.keys.find((k: { keyId: string }) => k.keyId === status.latest.keyId).publicKeyPem);
    expect(verify(null, Buffer.from(status.latest.hash, 'hex'), key, Buffer.from(status.latest.sig, 'base64url'))).toBe(true);
    expect((await call(world.url, 'GET', '/api/audit/anchor')).status).toBe(401);
    // each record as it stands, to hold an operator's earlier copy of `latest` against
    const record = (await call(world.url, 'GET', `/api/audit/anchors/${status.latest.n}`, { token })).body;
    expect(record).toEqual(status.latest);
    const missing = await call(world.url, 'GET', `/api/audit/anchors/${status.latest.n + 1}`, { token });
    expect(missing).toMatchObject({ status: 404, body: { code: 'ANCHOR_NOT_FOUND' } });
    expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await call(world.url, 'GET', '/api/audit/anchors/first', { token })).body).toMatchObject({ code: 'VALIDATION_FAILED' });

    await world.gateway.stop();
    await rewriteTrail(caseId, 2, (event) => { event.actor = 'clerk:someone-else'; });
    await world.restart();
    const bad = await verdict(caseId);
    // both copies agree and the chain links: only the anchor shows the rewrite
    expect(bad).toMatchObject({ ok: false, firstBadSeq: anchored.anchor.seq, anchor: anchored.anchor });
    expect(bad.reason).toMatch(/anchor/);
  });

  test('an edited anchor record is found at start: reported with every verdict, and nothing more is anchored', async () => {
    const { caseId } = await submittedCase(world.url, token, '640000');
    await waitFor('the case anchored', () => verdict(caseId), (v) => v.anchor !== null, 10_000, 200);
    await world.gateway.stop();
    // someone with write access to the database changes a head in the first anchor record
    const records = await whileStopped(world.config.store, async (database) => {
      const row = await database.db.selectFrom('audit_anchors').select('record').where('n', '=', 1).executeTakeFirstOrThrow();
      const first = JSON.parse(row.record);
      const [someCase] = Object.keys(first.cases);
      first.cases[someCase!][1] = 'f'.repeat(64);
      await database.db.updateTable('audit_anchors').set({ record: JSON.stringify(first) }).where('n', '=', 1).execute();
      return (await database.db.selectFrom('audit_anchors').select('n').execute()).length;
    });
    await world.restart();

    const status = (await call(world.url, 'GET', '/api/audit/anchor', { token })).body;
    expect(status).toMatchObject({ latest: null, broken: { n: 1, reason: expect.stringMatching(/hash does not match/) } });
    const v = await verdict(caseId);
    expect(v).toMatchObject({ ok: false, anchorLogBroken: { n: 1 } });
    expect(v.reason).toMatch(/anchor log/);
    // and what an operator's alert watches
    expect((await call(world.url, 'GET', '/metrics')).body).toMatch(/^kytb_audit_anchor_log_broken 1$/m);
    // the log is left as it is for whoever looks at it
    expect(await world.gateway.database.db.selectFrom('audit_anchors').select('n').execute()).toHaveLength(records);
    // and the whole log can be taken away to be checked (npm run verify-anchors)
    const exported = await fetch(`${world.url}/api/audit/anchor-log`, { headers: { authorization: `Bearer ${token}` } });
    expect([exported.status, exported.headers.get('content-type')]).toEqual([200, 'application/jsonl; charset=utf-8']);
    expect((await exported.text()).trimEnd().split('\n')).toHaveLength(records);
  });
});
