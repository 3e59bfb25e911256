import {
  NegotiationIdSchema,
  PartyIdSchema,
  PlanVersionIdSchema,
  PointIdSchema,
  PositionIdSchema,
  type PlanVersionId,
  type PointId,
  type Position,
  type PositionValue,
  type PositionVisibility,
} from '@parley/core';
import type { Database } from './database';
import type { PlanPositionsTable } from './schema';

function toPosition(row: PlanPositionsTable): Position {
  return {
    id: PositionIdSchema.parse(row.id),
    negotiationId: NegotiationIdSchema.parse(row.negotiation_id),
    partyId: PartyIdSchema.parse(row.party_id),
    versionId: PlanVersionIdSchema.parse(row.version_id),
    pointId: PointIdSchema.parse(row.point_id),
    value: row.value as PositionValue,
    note: row.note,
    visibility: row.visibility as PositionVisibility,
    needsReview: row.needs_review,
    revision: row.revision,
    recordedAt: row.recorded_at.toISOString(),
  };
}

function toRow(position: Position): PlanPositionsTable {
  return {
    id: position.id,
    negotiation_id: position.negotiationId,
    party_id: position.partyId,
    version_id: position.versionId,
    point_id: position.pointId,
    value: position.value,
    note: position.note,
    visibility: position.visibility,
    needs_review: position.needsReview,
    revision: position.revision,
    recorded_at: new Date(position.recordedAt),
  };
}

/** All positions on one version (the service filters them through the policy). */
export async function listPositions(
  db: Database,
  input: { negotiationId: string; versionId: PlanVersionId },
): Promise<Position[]> {
  const rows = await db
    .selectFrom('plan_positions')
    .selectAll()
    .where('negotiation_id', '=', input.negotiationId)
    .where('version_id', '=', input.versionId)
    .orderBy('point_id')
    .orderBy('party_id')
    .execute();
  return rows.map(toPosition);
}

/** Positions of one negotiation by id, whatever their version (the audit log names them by id). */
export async function listPositionsByIds(
  db: Database,
  input: { negotiationId: string; ids: readonly string[] },
): Promise<Position[]> {
  if (input.ids.length === 0) return [];
  const rows = await db
    .selectFrom('plan_positions')
    .selectAll()
    .where('negotiation_id', '=', input.negotiationId)
    .where('id', 'in', [...input.ids])
    .execute();
  return rows.map(toPosition);
}

export async function findPosition(
  db: Database,
  input: { partyId: string; versionId: PlanVersionId; pointId: PointId },
): Promise<Position | undefined> {
  const row = await db
    .selectFrom('plan_positions')
    .selectAll()
    .where('party_id', '=', input.partyId)
    .where('version_id', '=', input.versionId)
    .where('point_id', '=', input.pointId)
    .executeTakeFirst();
  return row === undefined ? undefined : toPosition(row);
}

/**
 * Writes a position only if the stored one is still at `base` (0 = none yet): an insert that
 * yields on a unique conflict, or an update guarded by the revision. Returns false when stale.
 */
export async function writePositionIfCurrent(
  db: Database,
  input: { position: Position; base: number },
): Promise<boolean> {
  const row = toRow(input.position);
  if (input.base === 0) {
    const inserted = await db
      .insertInto('plan_positions')
      .values(row)
      .onConflict((oc) => oc.columns(['party_id', 'version_id', 'point_id']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const { id: _id, ...changes } = row;
  const updated = await db
    .updateTable('plan_positions')
    .set(changes)
    .where('party_id', '=', row.party_id)
    .where('version_id', '=', row.version_id)
    .where('point_id', '=', row.point_id)
    .where('revision', '=', input.base)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Inserts carried-over positions for a new version (no concurrency question: the version is new). */
export async function insertPositions(db: Database, positions: readonly Position[]): Promise<void> {
  if (positions.length > 0) await db.insertInto('plan_positions').values(positions.map(toRow)).execute();
}
