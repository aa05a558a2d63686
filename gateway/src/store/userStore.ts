// Clerk accounts: a small lowdb document (users change rarely; one file is fine here).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

/** clerk: works at one of our windows; operator: runs the gateway; partner_clerk: a partner region's clerk (三方连线) */
export type Role = 'clerk' | 'operator' | 'partner_clerk';

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

export interface UserStore {
  get(username: string): UserRecord | undefined;
  /** add the accounts that are not there yet (by username); those there keep their password, take the rest */
  seed(users: UserRecord[]): Promise<number>;
  count(): number;
}

export async function openUserStore(dataDir: string): Promise<UserStore> {
  await mkdir(dataDir, { recursive: true });
  const db = new Low<{ users: UserRecord[] }>(new JSONFile(path.join(dataDir, 'users.json')), { users: [] });
  await db.read();
  return {
    get: (username) => db.data.users.find((u) => u.username === username),
    async seed(users) {
      const fresh = users.filter((u) => !db.data.users.some((x) => x.username === u.username));
      const changed = users.filter((u) => db.data.users.some((x) => x.username === u.username && (x.region !== u.region || x.window !== u.window || x.displayName !== u.displayName || x.roles.join() !== u.roles.join())));
      if (fresh.length === 0 && changed.length === 0) return 0;
      await db.update((d) => {
        for (const u of changed) Object.assign(d.users.find((x) => x.username === u.username)!, { region: u.region, window: u.window, displayName: u.displayName, roles: u.roles });
        d.users.push(...fresh);
      });
      return fresh.length;
    },
    count: () => db.data.users.length,
  };
}
