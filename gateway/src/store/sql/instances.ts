// The gateway instances sharing one database (gateway_instances: id, internal URL, whether the remote
// window runs there, last heard of) and the routes of remote-window sessions (session_routes): every key
// a client holds to reach a session (its id, its join code, its join link's token) leads to the instance
// whose mediasoup router hosts it. Keys are stored as SHA-256 hashes, never as handed out. An instance not
// heard of for `staleAfterMs` is gone: its routes lead nowhere and its join codes may be drawn again.
// Tickets and resume tokens need no rows: they name their session (remote-window/src/server/tickets.ts).
import { createHash } from 'node:crypto';
import type { SqlDatabase } from './database.js';

export type RouteKind = 'session' | 'code' | 'join';
export interface RouteKey { kind: RouteKind; key: string }
export interface InstanceRef { instanceId: string; url: string; remoteWindow: boolean }

export interface InstanceDirectoryOptions {
  /** this instance (INSTANCE_ID) */
  instanceId: string;
  now: () => Date;
  /** an instance whose heartbeat is older than this is gone (ms) */
  staleAfterMs: number;
  /** how long an ended session's id still leads to its host, which then says "ended" (ms) */
  endedRouteMs: number;
}

export interface InstanceDirectory {
  /** this instance is up, reachable at `url` (INSTANCE_URL) by the others */
  arrive(self: { url: string; remoteWindow: boolean }): Promise<void>;
  /** still up; also drops routes of sessions ended long ago */
  heartbeat(): Promise<void>;
  /** this instance stops: its row and its routes go */
  leave(): Promise<void>;
  /** the instances heard of lately (this one included) */
  live(): Promise<InstanceRef[]>;
  /** the keys of a new session hosted here; false (nothing written) when one already leads to a live instance */
  claim(sessionId: string, keys: RouteKey[]): Promise<boolean>;
  /** the session ended: its code and link token lead nowhere; its id still leads here for a while */
  retire(sessionId: string): Promise<void>;
  /** the routes this instance's previous run left (it crashed: those sessions are gone) */
  forgetOwn(): Promise<void>;
  /** the live instance a key leads to */
  hostOf(key: RouteKey): Promise<InstanceRef | undefined>;
}

export const routeHash = ({ kind, key }: RouteKey): string => createHash('sha256').update(`${kind}:${key}`).digest('hex');

class KeyTaken extends Error {}

export function createInstanceDirectory({ db }: SqlDatabase, opts: InstanceDirectoryOptions): InstanceDirectory {
  const { instanceId } = opts;
  const at = (): string => opts.now().toISOString();
  const liveSince = (): string => new Date(opts.now().getTime() - opts.staleAfterMs).toISOString();
  const toRef = (r: { id: string; url: string; remote_window: number }): InstanceRef => ({ instanceId: r.id, url: r.url, remoteWindow: r.remote_window === 1 });

  return {
    async arrive({ url, remoteWindow }) {
      const now = at();
      const row = { id: instanceId, url, started_at: now, heartbeat_at: now, remote_window: remoteWindow ? 1 : 0 };
      await db.insertInto('gateway_instances').values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ url, started_at: now, heartbeat_at: now, remote_window: row.remote_window }))
        .execute();
    },
    async heartbeat() {
      await db.updateTable('gateway_instances').set({ heartbeat_at: at() }).where('id', '=', instanceId).execute();
      const endedBefore = new Date(opts.now().getTime() - opts.endedRouteMs).toISOString();
      await db.deleteFrom('session_routes').where('instance_id', '=', instanceId).where('ended_at', '<', endedBefore).execute();
    },
    async leave() {
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('session_routes').where('instance_id', '=', instanceId).execute();
        await tx.deleteFrom('gateway_instances').where('id', '=', instanceId).execute();
      });
    },
    async live() {
      const rows = await db.selectFrom('gateway_instances').select(['id', 'url', 'remote_window'])
        .where('heartbeat_at', '>=', liveSince()).orderBy('id').execute();
      return rows.map(toRef);
    },
    async claim(sessionId, keys) {
      const hashes = keys.map(routeHash);
      try {
        await db.transaction().execute(async (tx) => {
          // a key left by an instance that is gone no longer leads anywhere
          await tx.deleteFrom('session_routes').where('key_hash', 'in', hashes)
            .where('instance_id', 'not in', tx.selectFrom('gateway_instances').select('id').where('heartbeat_at', '>=', liveSince()))
            .execute();
          const now = at();
          const inserted = await tx.insertInto('session_routes')
            .values(hashes.map((key_hash) => ({ key_hash, session_id: sessionId, instance_id: instanceId, created_at: now, ended_at: null })))
            .onConflict((oc) => oc.column('key_hash').doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== hashes.length) throw new KeyTaken();
        });
        return true;
      } catch (err) {
        if (err instanceof KeyTaken) return false;
        throw err;
      }
    },
    async retire(sessionId) {
      const own = routeHash({ kind: 'session', key: sessionId });
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('session_routes').where('session_id', '=', sessionId).where('instance_id', '=', instanceId).where('key_hash', '<>', own).execute();
        await tx.updateTable('session_routes').set({ ended_at: at() }).where('key_hash', '=', own).where('instance_id', '=', instanceId).execute();
      });
    },
    async forgetOwn() {
      await db.deleteFrom('session_routes').where('instance_id', '=', instanceId).execute();
    },
    async hostOf(key) {
      const row = await db.selectFrom('session_routes as r').innerJoin('gateway_instances as i', 'i.id', 'r.instance_id')
        .select(['i.id', 'i.url', 'i.remote_window'])
        .where('r.key_hash', '=', routeHash(key)).where('i.heartbeat_at', '>=', liveSince())
        .executeTakeFirst();
      return row ? toRef(row) : undefined;
    },
  };
}
