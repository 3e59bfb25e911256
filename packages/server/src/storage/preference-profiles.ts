import { PreferenceProfileSchema, type PreferenceProfile } from '@parley/core';
import type { Selectable } from 'kysely';
import { openProfile, sealProfile } from '../sealing/profile-seal';
import type { SealKey } from '../sealing/seal-key';
import type { Database } from './database';
import type { PreferenceProfilesTable } from './schema';

// A profile is stored sealed (docs/security.md#sealed-preference-profiles). In clear stay only
// what SQL needs: negotiation, party and revision (keys, the newest revision, the 409 on a stale
// save), who saved it and when, and whether it is shared with the mediator — none a preference.

type StoredRow = Pick<
  Selectable<PreferenceProfilesTable>,
  'negotiation_id' | 'party_id' | 'revision' | 'body' | 'sealed'
>;
const STORED_COLUMNS = ['negotiation_id', 'party_id', 'revision', 'body', 'sealed'] as const;

const contextOf = (row: StoredRow) => ({
  negotiationId: row.negotiation_id,
  partyId: row.party_id,
  revision: row.revision,
});

/** A row saved before sealing reads from its clear body until start-up seals it: same profile either way. */
function toProfile(row: StoredRow, sealKey: SealKey): PreferenceProfile {
  return row.sealed === null
    ? PreferenceProfileSchema.parse(row.body)
    : openProfile(sealKey, contextOf(row), row.sealed);
}

/** Each party's newest profile revision in a negotiation. */
export async function listLatestProfiles(
  db: Database,
  input: { negotiationId: string; sealKey: SealKey },
): Promise<PreferenceProfile[]> {
  const rows = await db
    .selectFrom('preference_profiles as p')
    .select(STORED_COLUMNS.map((column) => `p.${column}` as const))
    .where('p.negotiation_id', '=', input.negotiationId)
    .where(({ eb, selectFrom }) =>
      eb(
        'p.revision',
        '=',
        selectFrom('preference_profiles as q')
          .select(({ fn }) => fn.max('q.revision').as('latest'))
          .whereRef('q.party_id', '=', 'p.party_id'),
      ),
    )
    .orderBy('p.party_id')
    .execute();
  return rows.map((row) => toProfile(row, input.sealKey));
}

export async function findLatestProfile(
  db: Database,
  input: { negotiationId: string; partyId: string; sealKey: SealKey },
): Promise<PreferenceProfile | null> {
  const row = await db
    .selectFrom('preference_profiles')
    .select(STORED_COLUMNS)
    .where('negotiation_id', '=', input.negotiationId)
    .where('party_id', '=', input.partyId)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : toProfile(row, input.sealKey);
}

/** Inserts a new revision, sealed; false when that revision exists already (someone saved first). */
export async function insertProfileRevision(
  db: Database,
  input: { negotiationId: string; profile: PreferenceProfile; savedBy: string | null; sealKey: SealKey },
): Promise<boolean> {
  const { profile } = input;
  const context = {
    negotiationId: input.negotiationId,
    partyId: profile.partyId,
    revision: profile.revision,
  };
  const inserted = await db
    .insertInto('preference_profiles')
    .values({
      negotiation_id: input.negotiationId,
      party_id: profile.partyId,
      revision: profile.revision,
      body: null,
      sealed: sealProfile(input.sealKey, context, profile),
      shared_with_mediator: profile.sharedWithMediator,
      saved_by: input.savedBy,
      saved_at: new Date(profile.savedAt),
    })
    .onConflict((oc) => oc.columns(['party_id', 'revision']).doNothing())
    .returning('revision')
    .execute();
  return inserted.length === 1;
}

/**
 * Seals every profile row still in clear (saved before sealing, or by an older server still
 * running) in one transaction; run at start-up with the key the server loaded. Rows are locked,
 * and a row another process sealed meanwhile no longer matches, so concurrent starts are safe and
 * a second run seals nothing. Returns how many rows it sealed.
 */
export async function sealClearProfiles(db: Database, sealKey: SealKey): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('preference_profiles')
      .select(STORED_COLUMNS)
      .where('sealed', 'is', null)
      .forUpdate()
      .execute();
    for (const row of rows) {
      const profile = PreferenceProfileSchema.parse(row.body);
      await tx
        .updateTable('preference_profiles')
        .set({ body: null, sealed: sealProfile(sealKey, contextOf(row), profile) })
        .where('party_id', '=', row.party_id)
        .where('revision', '=', row.revision)
        .where('sealed', 'is', null)
        .execute();
    }
    return rows.length;
  });
}
