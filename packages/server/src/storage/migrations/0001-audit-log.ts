import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The append-only, hash-chained audit log. `seq` is assigned by the writer under an advisory lock
 * (not a sequence) so it is gapless: a rolled-back write leaves no hole that would look like a
 * deleted entry. Triggers refuse UPDATE, DELETE and TRUNCATE, so tampering needs a superuser who first
 * disables it — and the hash chain still shows what they changed.
 */
export const auditLogMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'bigint', (col) => col.primaryKey())
      .addColumn('at', 'timestamptz', (col) => col.notNull())
      .addColumn('actor_id', 'uuid')
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('subject_type', 'text', (col) => col.notNull())
      .addColumn('subject_id', 'text')
      .addColumn('negotiation_id', 'uuid')
      .addColumn('detail', 'jsonb', (col) => col.notNull())
      .addColumn('ip', 'text')
      .addColumn('prev_hash', 'text', (col) => col.notNull())
      .addColumn('hash', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('audit_log_negotiation')
      .on('audit_log')
      .columns(['negotiation_id', 'seq'])
      .execute();
    // The head remembers the last entry, so cutting entries off the end is detected too.
    await db.schema
      .createTable('audit_head')
      .addColumn('id', 'integer', (col) => col.primaryKey())
      .addColumn('seq', 'bigint', (col) => col.notNull())
      .addColumn('hash', 'text', (col) => col.notNull())
      .execute();
    await sql`
      CREATE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`.execute(db);
    await sql`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change()`.execute(db);
    await sql`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change()`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('audit_head').execute();
    await db.schema.dropTable('audit_log').execute();
    await sql`DROP FUNCTION audit_log_reject_change()`.execute(db);
  },
};
