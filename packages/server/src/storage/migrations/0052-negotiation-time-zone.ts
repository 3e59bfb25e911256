import type { Kysely, Migration } from 'kysely';

/** A negotiation's time zone (IANA name): deadlines and rounds are shown in it (#11). */
export const negotiationTimeZoneMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('negotiations')
      .addColumn('time_zone', 'text', (col) => col.notNull().defaultTo('UTC'))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('negotiations').dropColumn('time_zone').execute();
  },
};
