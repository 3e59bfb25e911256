import {
  IssueDefinitionSchema,
  PlanVersionIdSchema,
  PointIdSchema,
  PreferenceProfileSchema,
  type IssueAssignment,
  type IssueDefinition,
  type PlanVersionId,
  type PointId,
  type PreferenceProfile,
} from '@parley/core';
import type { Database } from './database';

// Definitions and profiles are stored whole as JSON and checked by core's schema on the way out.
const json = <T>(value: T): T => JSON.stringify(value) as unknown as T;

export async function listIssueAssignments(db: Database, negotiationId: string): Promise<IssueAssignment[]> {
  const rows = await db
    .selectFrom('live_issues')
    .select(['version_id', 'point_id', 'definition'])
    .where('negotiation_id', '=', negotiationId)
    .execute();
  return rows.map((row) => ({
    versionId: PlanVersionIdSchema.parse(row.version_id),
    pointId: PointIdSchema.parse(row.point_id),
    definition: row.definition === null ? null : IssueDefinitionSchema.parse(row.definition),
  }));
}

export async function upsertIssueAssignment(
  db: Database,
  input: {
    negotiationId: string;
    versionId: PlanVersionId;
    pointId: PointId;
    definition: IssueDefinition | null;
    savedBy: string | null;
    savedAt: Date;
  },
): Promise<void> {
  const definition = input.definition === null ? null : json(input.definition);
  await db
    .insertInto('live_issues')
    .values({
      negotiation_id: input.negotiationId,
      version_id: input.versionId,
      point_id: input.pointId,
      definition,
      saved_by: input.savedBy,
      saved_at: input.savedAt,
    })
    .onConflict((oc) =>
      oc.columns(['version_id', 'point_id']).doUpdateSet({
        definition,
        saved_by: input.savedBy,
        saved_at: input.savedAt,
      }),
    )
    .execute();
}

/** Each party's newest profile revision in a negotiation. */
export async function listLatestProfiles(db: Database, negotiationId: string): Promise<PreferenceProfile[]> {
  const rows = await db
    .selectFrom('preference_profiles as p')
    .select(['p.body'])
    .where('p.negotiation_id', '=', negotiationId)
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
  return rows.map((row) => PreferenceProfileSchema.parse(row.body));
}

export async function findLatestProfile(
  db: Database,
  input: { negotiationId: string; partyId: string },
): Promise<PreferenceProfile | null> {
  const row = await db
    .selectFrom('preference_profiles')
    .select('body')
    .where('negotiation_id', '=', input.negotiationId)
    .where('party_id', '=', input.partyId)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : PreferenceProfileSchema.parse(row.body);
}

/** Inserts a new revision; false when that revision exists already (someone saved first). */
export async function insertProfileRevision(
  db: Database,
  input: { negotiationId: string; profile: PreferenceProfile; savedBy: string | null },
): Promise<boolean> {
  const inserted = await db
    .insertInto('preference_profiles')
    .values({
      negotiation_id: input.negotiationId,
      party_id: input.profile.partyId,
      revision: input.profile.revision,
      body: json(input.profile),
      shared_with_mediator: input.profile.sharedWithMediator,
      saved_by: input.savedBy,
      saved_at: new Date(input.profile.savedAt),
    })
    .onConflict((oc) => oc.columns(['party_id', 'revision']).doNothing())
    .returning('revision')
    .execute();
  return inserted.length === 1;
}
