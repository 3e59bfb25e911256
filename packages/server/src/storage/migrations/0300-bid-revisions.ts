import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A delegation's bid counts its replacements (issue #11 item 8, no lost updates): two members of
 * one delegation who bid at once no longer overwrite each other unseen. A bid stored before is its
 * delegation's first as far as anyone can tell; the default is dropped after, so a new bid cannot
 * be stored without saying which revision it is.
 */
export const bidRevisionsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE blind_bids ADD COLUMN revision integer NOT NULL DEFAULT 1`.execute(db);
    await sql`ALTER TABLE blind_bids ALTER COLUMN revision DROP DEFAULT`.execute(db);
    await sql`ALTER TABLE blind_bids ADD CONSTRAINT blind_bids_revision CHECK (revision >= 1)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`ALTER TABLE blind_bids DROP COLUMN revision`.execute(db);
  },
};
