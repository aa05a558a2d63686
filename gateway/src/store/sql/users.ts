// Clerk accounts in the `users` table, shared by every gateway instance. Seeding is one transaction of
// an INSERT … ON CONFLICT DO NOTHING (what it inserted is what this call added, however many instances
// seed at once) and an UPDATE of the existing accounts' descriptive fields; a password hash, once
// there, is never overwritten by a seed.
import type { Selectable } from 'kysely';
import type { SqlDatabase } from './database.js';
import type { UsersTable } from './schema.js';

/** clerk: works at one of our windows; operator: runs the gateway; partner_clerk: a partner region's clerk (三方连线);
 *  approver: our region's department staff who decide the cases partner regions hand us (we are 办理地) */
export type Role = 'clerk' | 'operator' | 'partner_clerk' | 'approver';

export interface UserRecord {
  username: string;
  displayName: string;
  /** the region the clerk works for (GB/T 2260): they see only that region's cases */
  region: string;
  window: string;
  roles: Role[];
  passwordHash: string;
  disabled?: boolean;
}

export interface UserRepository {
  get(username: string): Promise<UserRecord | undefined>;
  /**
   * adds the accounts that are not there yet (by username) and resolves to how many this call added;
   * those already there keep their password hash and take the region, window, display name and roles given
   */
  seed(users: readonly UserRecord[]): Promise<number>;
  count(): Promise<number>;
}

function toRecord(row: Selectable<UsersTable>): UserRecord {
  return {
    username: row.username,
    displayName: row.display_name,
    region: row.region,
    window: row.window,
    roles: JSON.parse(row.roles) as Role[],
    passwordHash: row.password_hash,
    ...(row.disabled ? { disabled: true } : {}),
  };
}

export function createUserRepository({ db }: SqlDatabase): UserRepository {
  return {
    async get(username) {
      const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },

    async seed(users) {
      if (users.length === 0) return 0;
      // one order for every seeder, so that two instances seeding at once take the row locks in the same order
      const sorted = [...users].sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
      return db.transaction().execute(async (trx) => {
        const inserted = await trx.insertInto('users')
          .values(sorted.map((u) => ({
            username: u.username, display_name: u.displayName, region: u.region, window: u.window,
            roles: JSON.stringify(u.roles), password_hash: u.passwordHash, disabled: u.disabled ? 1 : 0,
          })))
          .onConflict((oc) => oc.column('username').doNothing())
          .executeTakeFirst();
        for (const u of sorted) {
          const roles = JSON.stringify(u.roles);
          await trx.updateTable('users')
            .set({ display_name: u.displayName, region: u.region, window: u.window, roles })
            .where('username', '=', u.username)
            .where((eb) => eb.or([eb('display_name', '<>', u.displayName), eb('region', '<>', u.region), eb('window', '<>', u.window), eb('roles', '<>', roles)]))
            .execute();
        }
        return Number(inserted.numInsertedOrUpdatedRows ?? 0n);
      });
    },

    async count() {
      const { n } = await db.selectFrom('users').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
      return Number(n);
    },
  };
}
