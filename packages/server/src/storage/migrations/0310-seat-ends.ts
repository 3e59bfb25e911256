import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Who set a seat's end and when (issue #11 item 8, no lost updates): a second person ending the
 * same seat is told who ended it before them. Seats ended before this migration name no one.
 */
export const seatEndsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE members ADD COLUMN ended_by uuid REFERENCES users(id)`.execute(db);
    await sql`ALTER TABLE members ADD COLUMN ended_at timestamptz`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`ALTER TABLE members DROP COLUMN ended_by`.execute(db);
    await sql`ALTER TABLE members DROP COLUMN ended_at`.execute(db);
  },
};
