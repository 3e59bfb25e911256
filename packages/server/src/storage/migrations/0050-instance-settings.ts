import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Instance administration (#11): administrators (the first account of an empty instance is one)
 * and the instance's settings as key → value rows (`signup`, `negotiation-creation`). A missing
 * row means the default for a real deployment: sign-up by invitation, negotiations by anyone.
 */
export const instanceSettingsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('users')
      .addColumn('is_admin', 'boolean', (col) => col.notNull().defaultTo(false))
      .execute();
    await db.schema
      .createTable('instance_settings')
      .addColumn('key', 'text', (col) => col.primaryKey())
      .addColumn('value', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('instance_settings').execute();
    await db.schema.alterTable('users').dropColumn('is_admin').execute();
  },
};
