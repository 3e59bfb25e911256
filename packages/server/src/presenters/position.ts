import type { PlanStatus, Position } from '@parley/core';

/** What another party is told a position's revision is: edits it could not see must not be counted. */
export const OUTSIDE_REVISION = 1;

/** A position as a viewer may see it; `seesEveryEdit` is the policy's answer (services/position-edits.ts). */
export function presentPosition(position: Position, access: { seesEveryEdit: boolean }): Position {
  return {
    id: position.id,
    negotiationId: position.negotiationId,
    partyId: position.partyId,
    versionId: position.versionId,
    pointId: position.pointId,
    value: position.value,
    note: position.note,
    visibility: position.visibility,
    needsReview: position.needsReview,
    revision: access.seesEveryEdit ? position.revision : OUTSIDE_REVISION,
    recordedAt: position.recordedAt,
  };
}

type PointStatusRow = PlanStatus['points'][number];
type BlockingRow = PlanStatus['blocking'][number];

/** A plan's status as derived from what the viewer may see (the service derives; this only shapes). */
export const presentPlanStatus = (status: PlanStatus): PlanStatus => ({
  versionId: status.versionId,
  state: status.state,
  counts: { ...status.counts },
  bindingPointIds: [...status.bindingPointIds],
  provisionalPointIds: [...status.provisionalPointIds],
  missingPartyIds: [...status.missingPartyIds],
  blocking: status.blocking.map((row): BlockingRow => ({
    pointId: row.pointId,
    number: row.number,
    status: row.status,
    missingPartyIds: [...row.missingPartyIds],
    objectingPartyIds: [...row.objectingPartyIds],
  })),
  points: status.points.map((row): PointStatusRow => ({
    pointId: row.pointId,
    number: row.number,
    title: row.title,
    status: row.status,
    missingPartyIds: [...row.missingPartyIds],
    objectingPartyIds: [...row.objectingPartyIds],
    amendingPartyIds: [...row.amendingPartyIds],
    reservingPartyIds: [...row.reservingPartyIds],
    reviewingPartyIds: [...row.reviewingPartyIds],
  })),
});
