import {
  AmendmentIdSchema,
  NegotiationIdSchema,
  PartyIdSchema,
  PlanVersionIdSchema,
  PointIdSchema,
  RoundIdSchema,
  type LineageEdge,
  type LineageKind,
  type PlanVersion,
  type RoundId,
  type VersionWithLineage,
} from '@parley/core';
import type { Database } from './database';

/** A stored version: the immutable text, its lineage edges, and when and at which plan revision it was made. */
export type StoredVersion = VersionWithLineage & {
  readonly revision: number;
  readonly roundId: RoundId | null;
  readonly createdAt: string;
};

/** The plan's revision: how many versions have been made (0 = no plan yet). */
export async function findPlanRevision(db: Database, negotiationId: string): Promise<number> {
  const row = await db
    .selectFrom('plan_heads')
    .select('revision')
    .where('negotiation_id', '=', negotiationId)
    .executeTakeFirst();
  return row?.revision ?? 0;
}

/**
 * Compare-and-set on the plan's revision: moves it from `base` to `base + 1` or reports the
 * current one. The row lock this UPDATE takes serialises concurrent writers.
 */
export async function advancePlanRevision(
  db: Database,
  input: { negotiationId: string; base: number },
): Promise<{ ok: true; revision: number } | { ok: false; current: number }> {
  await db
    .insertInto('plan_heads')
    .values({ negotiation_id: input.negotiationId, revision: 0 })
    .onConflict((oc) => oc.column('negotiation_id').doNothing())
    .execute();
  const updated = await db
    .updateTable('plan_heads')
    .set({ revision: input.base + 1 })
    .where('negotiation_id', '=', input.negotiationId)
    .where('revision', '=', input.base)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 1) return { ok: true, revision: input.base + 1 };
  return { ok: false, current: await findPlanRevision(db, input.negotiationId) };
}

export async function insertPlanVersion(
  db: Database,
  input: {
    entry: VersionWithLineage;
    revision: number;
    roundId: RoundId | null;
    createdBy: string | null;
    createdAt: string;
  },
): Promise<void> {
  const { version, edges } = input.entry;
  await db
    .insertInto('plan_versions')
    .values({
      id: version.id,
      negotiation_id: version.negotiationId,
      parent_id: version.parentId,
      revision: input.revision,
      label: version.label,
      round_id: input.roundId,
      created_by: input.createdBy,
      created_at: new Date(input.createdAt),
    })
    .execute();
  if (version.points.length > 0) {
    await db
      .insertInto('plan_points')
      .values(
        version.points.map((point) => ({
          version_id: version.id,
          point_id: point.pointId,
          number: point.number,
          title: point.title,
          text: point.text,
          topic: point.topic,
        })),
      )
      .execute();
  }
  if (edges.length > 0) {
    await db
      .insertInto('plan_edges')
      .values(
        edges.map((edge, ordinal) => ({
          version_id: version.id,
          ordinal,
          from_version_id: edge.fromVersionId,
          kind: edge.kind,
          from_points: JSON.stringify(edge.from) as unknown as string[],
          to_points: JSON.stringify(edge.to) as unknown as string[],
          proposed_by: edge.proposedBy,
          round_id: edge.roundId,
          amendment_id: edge.amendmentId,
        })),
      )
      .execute();
  }
}

/** The labels of a negotiation's versions, oldest first (without loading their points). */
export async function listPlanVersionLabels(db: Database, negotiationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plan_versions')
    .select('label')
    .where('negotiation_id', '=', negotiationId)
    .orderBy('revision')
    .execute();
  return rows.map((row) => row.label);
}

/** Every version of a negotiation's plan with points and edges, oldest first. */
/** Just the revision numbers of some versions of a negotiation, without their points. */
export async function planVersionRevisions(
  db: Database,
  negotiationId: string,
  versionIds: readonly string[],
): Promise<Map<string, number>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('plan_versions')
    .select(['id', 'revision'])
    .where('negotiation_id', '=', negotiationId)
    .where('id', 'in', [...new Set(versionIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, Number(row.revision)]));
}

export async function listPlanVersions(db: Database, negotiationId: string): Promise<StoredVersion[]> {
  const versions = await db
    .selectFrom('plan_versions')
    .selectAll()
    .where('negotiation_id', '=', negotiationId)
    .orderBy('revision')
    .execute();
  if (versions.length === 0) return [];
  const ids = versions.map((row) => row.id);
  const points = await db
    .selectFrom('plan_points')
    .selectAll()
    .where('version_id', 'in', ids)
    .orderBy('version_id')
    .orderBy('number')
    .execute();
  const edges = await db
    .selectFrom('plan_edges')
    .selectAll()
    .where('version_id', 'in', ids)
    .orderBy('version_id')
    .orderBy('ordinal')
    .execute();
  return versions.map((row) => {
    const versionId = PlanVersionIdSchema.parse(row.id);
    const version: PlanVersion = {
      id: versionId,
      negotiationId: NegotiationIdSchema.parse(row.negotiation_id),
      parentId: row.parent_id === null ? null : PlanVersionIdSchema.parse(row.parent_id),
      label: row.label,
      points: points
        .filter((p) => p.version_id === row.id)
        .map((p) => ({
          pointId: PointIdSchema.parse(p.point_id),
          number: p.number,
          title: p.title,
          text: p.text,
          topic: p.topic,
        })),
    };
    return {
      version,
      revision: row.revision,
      roundId: row.round_id === null ? null : RoundIdSchema.parse(row.round_id),
      createdAt: row.created_at.toISOString(),
      edges: edges
        .filter((e) => e.version_id === row.id)
        .map((e): LineageEdge => ({
          fromVersionId: PlanVersionIdSchema.parse(e.from_version_id),
          toVersionId: versionId,
          kind: e.kind as LineageKind,
          from: e.from_points.map((id) => PointIdSchema.parse(id)),
          to: e.to_points.map((id) => PointIdSchema.parse(id)),
          proposedBy: e.proposed_by === null ? null : PartyIdSchema.parse(e.proposed_by),
          roundId: e.round_id === null ? null : RoundIdSchema.parse(e.round_id),
          amendmentId: e.amendment_id === null ? null : AmendmentIdSchema.parse(e.amendment_id),
        })),
    };
  });
}
