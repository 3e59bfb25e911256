import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Preference profiles are sealed at rest (docs/security.md#sealed-preference-profiles). A
 * migration cannot hold the seal key, which lives outside the database: it only makes room for
 * the ciphertext. The server seals the rows still in clear at start-up with the key it loaded
 * (`sealClearProfiles`, storage/preference-profiles.ts) and empties their `body`; until then they read as before.
 */
export const sealedProfilesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE preference_profiles ADD COLUMN sealed text`.execute(db);
    await sql`ALTER TABLE preference_profiles ALTER COLUMN body DROP NOT NULL`.execute(db);
    // Exactly one copy of the content: never both (a clear copy beside the sealed one), never none.
    await sql`ALTER TABLE preference_profiles ADD CONSTRAINT preference_profiles_one_body
      CHECK (num_nonnulls(body, sealed) = 1)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    // Sealed rows cannot be opened here (no key): refuse rather than lose them.
    const sealed = await sql<{ count: string }>`SELECT count(*) AS count FROM preference_profiles
      WHERE sealed IS NOT NULL`.execute(db);
    if (Number(sealed.rows[0]?.count ?? 0) > 0)
      throw new Error('preference profiles are sealed; a server of this version must read them');
    await sql`ALTER TABLE preference_profiles DROP CONSTRAINT preference_profiles_one_body`.execute(db);
    await sql`ALTER TABLE preference_profiles ALTER COLUMN body SET NOT NULL`.execute(db);
    await sql`ALTER TABLE preference_profiles DROP COLUMN sealed`.execute(db);
  },
};
