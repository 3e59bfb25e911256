import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The fingerprint's mark scheme each copy was made with (core `MarkScheme`): scheme 2 added
 * channels for Cyrillic, Hebrew and Arabic text, and a copy issued before carries none of their
 * marks, so it is traced by the scheme it was made with. Every copy until now was scheme 1; the
 * default is dropped after, so a new copy cannot be stored without saying which scheme it has.
 */
export const exportMarkSchemeMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE exports ADD COLUMN mark_scheme smallint NOT NULL DEFAULT 1`.execute(db);
    await sql`ALTER TABLE exports ALTER COLUMN mark_scheme DROP DEFAULT`.execute(db);
    await sql`ALTER TABLE exports ADD CONSTRAINT exports_mark_scheme CHECK (mark_scheme >= 1)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`ALTER TABLE exports DROP COLUMN mark_scheme`.execute(db);
  },
};
