import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Exports of every kind and format (issue 8): what was exported, the canonical blocks the
 * fingerprint was embedded in (so tracing never depends on later edits), and the delivered
 * bytes (so a download is exactly what was hashed and audited). Rows from 0040 keep nulls:
 * they are Markdown plan versions, re-rendered from their version and key.
 */
export const exportKindsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('exports')
      .addColumn('kind', 'text', (col) => col.notNull().defaultTo('plan-version'))
      .execute();
    await db.schema.alterTable('exports').addColumn('compare_to_version_id', 'text').execute();
    await db.schema.alterTable('exports').addColumn('point_id', 'text').execute();
    await db.schema.alterTable('exports').addColumn('round_id', 'text').execute();
    await db.schema.alterTable('exports').addColumn('fingerprint_points', 'jsonb').execute();
    await db.schema.alterTable('exports').addColumn('content', 'bytea').execute();
    await db.schema
      .alterTable('exports')
      .alterColumn('version_id', (col) => col.dropNotNull())
      .execute();
    // Public readouts are not fingerprinted: no key.
    await db.schema
      .alterTable('exports')
      .alterColumn('fingerprint_key', (col) => col.dropNotNull())
      .execute();
    // 0040 declared the check inline, so PostgreSQL named it <table>_<column>_check.
    await sql`alter table exports drop constraint exports_format_check`.execute(db);
    await sql`alter table exports add constraint exports_format check (format in ('markdown', 'pdf', 'docx'))`.execute(
      db,
    );
    await sql`alter table exports add constraint exports_kind check (kind in ('plan-version', 'point-history', 'round-minutes', 'round-readout', 'negotiation-summary'))`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>) {
    await sql`delete from exports where kind <> 'plan-version' or format <> 'markdown'`.execute(db);
    await sql`alter table exports drop constraint exports_kind`.execute(db);
    await sql`alter table exports drop constraint exports_format`.execute(db);
    await sql`alter table exports add constraint exports_format_check check (format in ('markdown'))`.execute(
      db,
    );
    await db.schema
      .alterTable('exports')
      .alterColumn('fingerprint_key', (col) => col.setNotNull())
      .execute();
    await db.schema
      .alterTable('exports')
      .alterColumn('version_id', (col) => col.setNotNull())
      .execute();
    for (const column of [
      'content',
      'fingerprint_points',
      'round_id',
      'point_id',
      'compare_to_version_id',
      'kind',
    ]) {
      await db.schema.alterTable('exports').dropColumn(column).execute();
    }
  },
};
