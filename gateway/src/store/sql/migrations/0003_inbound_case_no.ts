// Version 3: the sending region's 办件编号 of an inbound case (we are 办理地), so that the partner's
// answer to a 补正 (supplyInboundMaterials, addressed by that number) finds its case on an index.
// Cases already stored get theirs from their record (the number is not personal data, never sealed).
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export function inboundCaseNo(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('cases').addColumn('inbound_case_no', 'text').execute();
      const rows = await sql<{ id: string; record: string }>`select id, record from cases where inbound_partner is not null`.execute(db);
      for (const r of rows.rows) {
        const no = (JSON.parse(r.record) as { inbound?: { partnerCaseNo?: string } }).inbound?.partnerCaseNo;
        if (no) await sql`update cases set inbound_case_no = ${no} where id = ${r.id}`.execute(db);
      }
      await db.schema.createIndex('cases_inbound_case_no').on('cases').columns(['inbound_partner', 'inbound_case_no']).execute();
    },
  };
}
