import {
  IssueDefinitionSchema,
  PlanVersionIdSchema,
  PointIdSchema,
  type IssueAssignment,
  type IssueDefinition,
  type PlanVersionId,
  type PointId,
} from '@parley/core';
import type { Database } from './database';

// Definitions are stored whole as JSON and checked by core's schema on the way out.
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
