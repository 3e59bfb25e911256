import type { PointId } from '../../ids';
import type { PlanVersion, VersionOperation } from '../../schemas/plan';

/** The points of the parent a draft's operations rely on: those they change and those they place after. */
function pointsRelied(operations: readonly VersionOperation[]): Set<PointId> {
  const relied = new Set<PointId>();
  for (const operation of operations) {
    switch (operation.kind) {
      case 'merge':
        for (const id of operation.pointIds) relied.add(id);
        break;
      case 'add':
        if (operation.after !== null) relied.add(operation.after);
        break;
      case 'move':
        relied.add(operation.pointId);
        if (operation.after !== null) relied.add(operation.after);
        break;
      default:
        relied.add(operation.pointId);
    }
  }
  return relied;
}

/**
 * Which points of a draft's parent a newer version changed or removed, of those the draft relies
 * on, in the parent's order. None: the draft's operations mean the same on the newer version, so
 * they may be applied to it instead, and nobody's change is undone. Renumbering alone is no change.
 */
export function draftConflicts(
  operations: readonly VersionOperation[],
  { parent, newer }: { parent: PlanVersion; newer: PlanVersion },
): PlanVersion['points'][number][] {
  const relied = pointsRelied(operations);
  const now = new Map(newer.points.map((point) => [point.pointId, point]));
  return parent.points.filter((point) => {
    if (!relied.has(point.pointId)) return false;
    const later = now.get(point.pointId);
    return (
      later === undefined ||
      later.title !== point.title ||
      later.text !== point.text ||
      (later.topic ?? null) !== (point.topic ?? null)
    );
  });
}
