// The instances on one database and the routes of remote-window sessions (store/sql/instances.ts): a
// session's keys lead to the live instance that claimed them; a join code open on one instance cannot be
// claimed by another until that session ends or its instance is gone; keys are stored hashed.
import { afterEach, describe, expect, test } from 'vitest';
import { createInstanceDirectory, routeHash, type RouteKey } from '../../../gateway/src/store/sql/instances.js';
import { ENGINES, testDatabase, type TestDatabase } from '../../support/sqlDatabases.js';

let database: TestDatabase | undefined;
afterEach(async () => { await database?.close(); database = undefined; });

const keysOf = (sessionId: string, code: string): RouteKey[] => [{ kind: 'session', key: sessionId }, { kind: 'code', key: code }, { kind: 'join', key: `join-${sessionId}` }];

describe.each(ENGINES)('session routes on %s', (engine) => {
  test('a key leads to its live host; a code open elsewhere is refused until its session ends or its host is gone', async () => {
    database = await testDatabase(engine, 'instances');
    const [da, db] = await database.instances();
    let t = Date.parse('2026-03-01T08:00:00Z');
    const now = () => new Date(t);
    const opts = { now, staleAfterMs: 30_000, endedRouteMs: 3_600_000 };
    const a = createInstanceDirectory(da, { ...opts, instanceId: 'gw-a' });
    const b = createInstanceDirectory(db, { ...opts, instanceId: 'gw-b' });
    await a.arrive({ url: 'http://10.0.0.1:8080', remoteWindow: true });
    await b.arrive({ url: 'http://10.0.0.2:8080', remoteWindow: false });
    expect(await b.live()).toEqual([
      { instanceId: 'gw-a', url: 'http://10.0.0.1:8080', remoteWindow: true },
      { instanceId: 'gw-b', url: 'http://10.0.0.2:8080', remoteWindow: false },
    ]);

    expect(await a.claim('s1', keysOf('s1', '123456'))).toBe(true);
    for (const key of keysOf('s1', '123456')) expect(await b.hostOf(key)).toMatchObject({ instanceId: 'gw-a', url: 'http://10.0.0.1:8080' });
    expect(await b.hostOf({ kind: 'code', key: '654321' })).toBeUndefined();
    // the same code for a session of B: taken, and nothing of that claim is written
    expect(await b.claim('s2', keysOf('s2', '123456'))).toBe(false);
    expect(await a.hostOf({ kind: 'session', key: 's2' })).toBeUndefined();
    // stored hashed: the code itself is nowhere in the table
    const rows = await da.db.selectFrom('session_routes').selectAll().execute();
    expect(rows.map((r) => r.key_hash)).toContain(routeHash({ kind: 'code', key: '123456' }));
    expect(JSON.stringify(rows)).not.toContain('123456');

    // the session ends: its code is free, its id still leads to A (which says "ended")
    await a.retire('s1');
    expect(await b.hostOf({ kind: 'code', key: '123456' })).toBeUndefined();
    expect(await b.hostOf({ kind: 'session', key: 's1' })).toMatchObject({ instanceId: 'gw-a' });
    expect(await b.claim('s2', keysOf('s2', '123456'))).toBe(true);

    // A claims another code, then falls silent: after staleAfterMs it is gone and so are its routes
    expect(await a.claim('s3', keysOf('s3', '111111'))).toBe(true);
    t += 31_000;
    await b.heartbeat();
    expect((await b.live()).map((i) => i.instanceId)).toEqual(['gw-b']);
    expect(await b.hostOf({ kind: 'session', key: 's3' })).toBeUndefined();
    expect(await b.claim('s4', keysOf('s4', '111111'))).toBe(true);

    // B stops: its row and routes go
    await b.leave();
    expect(await a.live()).toEqual([]);
    expect(await da.db.selectFrom('session_routes').select('key_hash').where('instance_id', '=', 'gw-b').execute()).toEqual([]);
  });
});
