import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A new copy's fingerprint key is chosen to number its headings unlike the latest copies, which
 * needs the order copies were issued in. Their `created_at` cannot say it: copies made in the same
 * instant tie, and a copy's time is taken before it is rendered. An issue number is assigned where
 * the copy is inserted, under the negotiation's export lock.
 */
export const exportOrderMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE exports ADD COLUMN issued bigint GENERATED ALWAYS AS IDENTITY`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`ALTER TABLE exports DROP COLUMN issued`.execute(db);
  },
};
