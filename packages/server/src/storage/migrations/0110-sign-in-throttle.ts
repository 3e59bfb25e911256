import type { Kysely, Migration } from 'kysely';

/**
 * The sign-in and registration throttle (#13, item 6), in the database so that every process
 * serving the instance counts the same attempts. One row per (scope, key): the window's start and
 * the slots taken in it. `key` is a SHA-256 of the email or address, never the value itself.
 */
export const signInThrottleMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sign_in_throttle')
      .addColumn('scope', 'text', (col) => col.notNull())
      .addColumn('key', 'text', (col) => col.notNull())
      .addColumn('window_start', 'timestamptz', (col) => col.notNull())
      .addColumn('attempts', 'integer', (col) => col.notNull())
      .addPrimaryKeyConstraint('sign_in_throttle_pkey', ['scope', 'key'])
      .execute();
    await db.schema
      .createIndex('sign_in_throttle_window_idx')
      .on('sign_in_throttle')
      .column('window_start')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('sign_in_throttle').execute();
  },
};
