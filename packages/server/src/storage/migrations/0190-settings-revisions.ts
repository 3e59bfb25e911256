import type { Kysely, Migration } from 'kysely';

/** Negotiations and parties can be edited (issue 11): a revision per row, so a stale form gets a 409. */
export const settingsRevisionsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('negotiations')
      .addColumn('revision', 'integer', (column) => column.notNull().defaultTo(1))
      .execute();
    await db.schema
      .alterTable('parties')
      .addColumn('revision', 'integer', (column) => column.notNull().defaultTo(1))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('parties').dropColumn('revision').execute();
    await db.schema.alterTable('negotiations').dropColumn('revision').execute();
  },
};
