// Clerk accounts on SQL (store/sql/users.ts): a seed adds the accounts that are missing and brings the
// others' descriptive fields up to date without touching their password; instances seeding at once add
// each account once.
import { afterEach, describe, expect, test } from 'vitest';
import { createUserRepository, type UserRecord } from '../../../gateway/src/store/sql/users.js';
import { ENGINES, testDatabase, type TestDatabase } from '../../support/sqlDatabases.js';

let database: TestDatabase | undefined;
afterEach(async () => { await database?.close(); database = undefined; });

const user = (username: string, more: Partial<UserRecord> = {}): UserRecord => ({
  username, displayName: '王芳', region: '330681', window: '诸暨市行政服务中心跨域通办窗口', roles: ['clerk'], passwordHash: `scrypt$hash-of-${username}`, ...more,
});

describe.each(ENGINES)('clerk accounts on %s', (engine) => {
  test('a seed adds the missing accounts; get returns them as they were given', async () => {
    database = await testDatabase(engine, 'users');
    const users = createUserRepository(await database.open());
    expect(await users.count()).toBe(0);
    expect(await users.seed([user('zhuji01'), user('ops01', { roles: ['clerk', 'operator'] }), user('gone01', { disabled: true })])).toBe(3);
    expect(await users.get('zhuji01')).toEqual(user('zhuji01'));
    expect(await users.get('ops01')).toEqual(user('ops01', { roles: ['clerk', 'operator'] }));
    expect(await users.get('gone01')).toEqual(user('gone01', { disabled: true }));
    expect(await users.get('nobody')).toBeUndefined();
    expect(await users.count()).toBe(3);
    expect(await users.seed([])).toBe(0);
  });

  test('seeding again updates region, window, name and roles, and keeps the password hash', async () => {
    database = await testDatabase(engine, 'users_reseed');
    const users = createUserRepository(await database.open());
    await users.seed([user('zhuji01'), user('zhuji02')]);
    const changed = user('zhuji01', { displayName: '王芳芳', region: '330604', window: '上虞区行政服务中心', roles: ['clerk', 'operator'], passwordHash: 'scrypt$a-new-one' });
    expect(await users.seed([changed, user('zhuji02'), user('shangyu01')])).toBe(1);
    expect(await users.get('zhuji01')).toEqual({ ...changed, passwordHash: 'scrypt$hash-of-zhuji01' });
    expect(await users.get('zhuji02')).toEqual(user('zhuji02'));
    expect(await users.count()).toBe(3);
  });

  test('two instances seeding at once, over and over: each account is added once, by one of them', async () => {
    database = await testDatabase(engine, 'users_race');
    const [a, b] = await database.instances();
    const gateways = [createUserRepository(a), createUserRepository(b)];
    const names = Array.from({ length: 12 }, (_, i) => `clerk${String(i).padStart(2, '0')}`);
    // every seeder has all the accounts, in its own order, with its own (ignored once there) hash
    const added = await Promise.all(Array.from({ length: 10 }, (_, i) => gateways[i % 2]!.seed(
      [...names.slice(i), ...names.slice(0, i)].map((n) => user(n, { passwordHash: `scrypt$seeder-${i}` })),
    )));
    expect(added.reduce((s, n) => s + n, 0)).toBe(names.length);
    expect(await gateways[1]!.count()).toBe(names.length);
    const hashes = new Set(await Promise.all(names.map(async (n) => (await gateways[0]!.get(n))!.passwordHash)));
    expect([...hashes].every((h) => /^scrypt\$seeder-\d$/.test(h))).toBe(true);
  });
});
