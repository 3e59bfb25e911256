import { sql, type Kysely, type Migration } from 'kysely';

/** Records (transcripts, notes) can be exported as marked copies (issue 14): the record's id and kind. */
export const exportRecordsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('exports').addColumn('record_id', 'text').execute();
    await sql`alter table exports drop constraint exports_kind`.execute(db);
    await sql`alter table exports add constraint exports_kind check (kind in ('plan-version', 'point-history', 'round-minutes', 'round-readout', 'negotiation-summary', 'record'))`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>) {
    await sql`delete from exports where kind = 'record'`.execute(db);
    await sql`alter table exports drop constraint exports_kind`.execute(db);
    await sql`alter table exports add constraint exports_kind check (kind in ('plan-version', 'point-history', 'round-minutes', 'round-readout', 'negotiation-summary'))`.execute(
      db,
    );
    await db.schema.alterTable('exports').dropColumn('record_id').execute();
  },
};
