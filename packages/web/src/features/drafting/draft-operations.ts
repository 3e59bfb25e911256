import {
  applyOperations,
  compareVersions,
  PlanVersionIdSchema,
  type LineageEdge,
  type PlanVersion,
  type PointId,
  type Redline,
  type VersionOperation,
} from '@parley/core';
import { pointName } from '../../components/point-label';

/** The id the draft carries until the server gives it one. */
export const DRAFT_ID = PlanVersionIdSchema.parse('draft');

export type AppliedDraft =
  | { ok: true; version: PlanVersion; edges: readonly LineageEdge[]; redline: Redline }
  | { ok: false; problems: string[] };

/**
 * The draft as the server will make it: the same core rule applies the operations to the parent,
 * and the same redline compares the result with the parent, live in the browser.
 */
export function applyDraft(
  parent: PlanVersion,
  operations: readonly VersionOperation[],
  label: string,
): AppliedDraft {
  const applied = applyOperations({
    parent,
    child: { id: DRAFT_ID, label: label.trim() === '' ? 'Draft' : label },
    operations,
  });
  if (!applied.ok) return { ok: false, problems: applied.problems.map((problem) => problem.message) };
  const compared = compareVersions(
    [
      { version: parent, edges: [] },
      { version: applied.value.version, edges: [...applied.value.edges] },
    ],
    { fromId: parent.id, toId: DRAFT_ID },
  );
  if (!compared.ok) return { ok: false, problems: compared.problems.map((problem) => problem.message) };
  return { ok: true, version: applied.value.version, edges: applied.value.edges, redline: compared.value };
}

/** Adds an operation; a second amendment of the same point in a row folds into the first. */
export function withOperation(
  operations: readonly VersionOperation[],
  next: VersionOperation,
): VersionOperation[] {
  const last = operations.at(-1);
  if (
    last?.kind === 'amend' &&
    next.kind === 'amend' &&
    last.pointId === next.pointId &&
    last.amendmentId == null &&
    next.amendmentId == null
  )
    return [...operations.slice(0, -1), { ...last, ...next }];
  return [...operations, next];
}

/** One line per operation for the list of changes, numbers as they read in the draft. */
/**
 * One change of a draft in words. Points are named by their number in the parent, the text every
 * change is made against (a dropped point has no number in the draft, and draft numbers move with
 * every change above them); a point added in the draft by its title. An amendment names only the
 * fields it changes.
 */
export function describeOperation(
  operation: VersionOperation,
  parent: PlanVersion,
  /** The draft's own points (applyDraft), where a point new in the draft is found by its title. */
  draftPoints: PlanVersion['points'] = [],
): string {
  const before = (pointId: PointId) => parent.points.find((point) => point.pointId === pointId);
  const name = (pointId: PointId) => {
    const point = before(pointId);
    if (point !== undefined) return `point ${point.number}`;
    // "after a new point" named none of the draft's new points
    const made = draftPoints.find((draft) => draft.pointId === pointId);
    return made === undefined ? 'a new point' : `“${pointName(made, 40)}”`;
  };
  switch (operation.kind) {
    case 'amend': {
      const was = before(operation.pointId);
      const changed = (field: 'title' | 'text' | 'topic') =>
        operation[field] !== undefined && (was === undefined || operation[field] !== was[field]);
      const parts = (['title', 'text', 'topic'] as const).filter(changed);
      return `Amend ${name(operation.pointId)} (${parts.join(', ') || 'no change'})`;
    }
    case 'merge':
      return `Merge ${operation.pointIds.map(name).join(' + ')} into “${pointName(operation.into, 40)}”`;
    case 'split':
      return `Split ${name(operation.pointId)} into ${operation.into.length}`;
    case 'drop':
      return `Drop ${name(operation.pointId)}`;
    case 'add':
      return `Add “${pointName(operation.point, 40)}” ${operation.after === null ? 'at the top' : `after ${name(operation.after)}`}`;
    case 'move':
      return `Move ${name(operation.pointId)} ${operation.after === null ? 'to the top' : `after ${name(operation.after)}`}`;
  }
}
