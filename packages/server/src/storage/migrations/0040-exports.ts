import { sql, type Kysely, type Migration } from 'kysely';

/** Fingerprinted exports: who received which version, and the secret key their copy was marked with. */
export const exportsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('exports')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('version_id', 'text', (col) => col.notNull())
      .addColumn('recipient_user_id', 'uuid', (col) =>
        col.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('exported_by', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('format', 'text', (col) => col.notNull().check(sql`format in ('markdown')`))
      .addColumn('fingerprint_key', 'text', (col) => col.notNull())
      .addColumn('content_hash', 'text', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('exports_negotiation')
      .on('exports')
      .columns(['negotiation_id', 'created_at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('exports').execute();
  },
};
