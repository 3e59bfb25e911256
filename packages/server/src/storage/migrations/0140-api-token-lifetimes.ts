import { sql, type Kysely, type Migration } from 'kysely';

/**
 * API tokens used to live for ever (issue #13, item 7). Each now has an end, may be revoked, shows
 * when it was last used, and remembers the browser session that created it (by the session's
 * hash, not a foreign key: the token must outlive a signed-out session unless revoked with it).
 * Tokens made before this migration get the default 90 days from now, so none stops at once.
 */
export const apiTokenLifetimesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('api_tokens')
      .addColumn('expires_at', 'timestamptz', (col) =>
        col.notNull().defaultTo(sql`now() + interval '90 days'`),
      )
      .addColumn('revoked_at', 'timestamptz')
      .addColumn('last_used_at', 'timestamptz')
      .addColumn('session_id_hash', 'text')
      .execute();
    await db.schema
      .alterTable('api_tokens')
      .alterColumn('expires_at', (col) => col.dropDefault())
      .execute();
    await db.schema.createIndex('api_tokens_user_id').on('api_tokens').column('user_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('api_tokens_user_id').execute();
    await db.schema
      .alterTable('api_tokens')
      .dropColumn('expires_at')
      .dropColumn('revoked_at')
      .dropColumn('last_used_at')
      .dropColumn('session_id_hash')
      .execute();
  },
};
