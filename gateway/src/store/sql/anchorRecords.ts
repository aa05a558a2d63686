// The audit anchor log's records in the store (audit/anchors.ts decides what they say and checks them):
// one row per record, its JSON as signed, and an index of which records hold a head of which case.
// Appending is one transaction; a record number already taken (another instance sealed first) is
// reported, not overwritten.
import type { SqlDatabase } from './database.js';

export interface AnchorRecordStore {
  /** every record's text, by number */
  all(): Promise<Array<{ n: number; text: string }>>;
  get(n: number): Promise<string | undefined>;
  latest(): Promise<{ n: number; text: string } | undefined>;
  /** the number of the latest record holding a head of this case */
  latestFor(caseId: string): Promise<number | undefined>;
  /** false when record n exists already */
  append(record: { n: number; at: string; hash: string; text: string; caseIds: string[] }): Promise<boolean>;
}

const isUniqueViolation = (err: unknown): boolean => {
  const code = (err as { code?: string })?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

export function createAnchorRecordStore({ db }: SqlDatabase): AnchorRecordStore {
  return {
    async all() {
      const rows = await db.selectFrom('audit_anchors').select(['n', 'record']).orderBy('n').execute();
      return rows.map((r) => ({ n: Number(r.n), text: r.record }));
    },
    async get(n) {
      return (await db.selectFrom('audit_anchors').select('record').where('n', '=', n).executeTakeFirst())?.record;
    },
    async latest() {
      const r = await db.selectFrom('audit_anchors').select(['n', 'record']).orderBy('n', 'desc').limit(1).executeTakeFirst();
      return r ? { n: Number(r.n), text: r.record } : undefined;
    },
    async latestFor(caseId) {
      const r = await db.selectFrom('audit_anchor_cases').select((eb) => eb.fn.max('n').as('n')).where('case_id', '=', caseId).executeTakeFirst();
      return r?.n === null || r?.n === undefined ? undefined : Number(r.n);
    },
    async append({ n, at, hash, text, caseIds }) {
      try {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('audit_anchors').values({ n, at, hash, record: text }).execute();
          for (let i = 0; i < caseIds.length; i += 500) {
            await trx.insertInto('audit_anchor_cases').values(caseIds.slice(i, i + 500).map((caseId) => ({ case_id: caseId, n }))).execute();
          }
        });
        return true;
      } catch (err) {
        if (isUniqueViolation(err)) return false;
        throw err;
      }
    },
  };
}
