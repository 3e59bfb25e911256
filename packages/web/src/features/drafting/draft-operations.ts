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
export function describeOperation(
  operation: VersionOperation,
  numberOf: (pointId: PointId) => string,
): string {
  switch (operation.kind) {
    case 'amend': {
      const parts = [
        operation.title !== undefined ? 'title' : undefined,
        operation.text !== undefined ? 'text' : undefined,
        operation.topic !== undefined ? 'topic' : undefined,
      ].filter((part) => part !== undefined);
      return `Amend point ${numberOf(operation.pointId)} (${parts.join(', ') || 'no change'})`;
    }
    case 'merge':
      return `Merge points ${operation.pointIds.map(numberOf).join(' + ')} into “${operation.into.title || operation.into.text.slice(0, 40)}”`;
    case 'split':
      return `Split point ${numberOf(operation.pointId)} into ${operation.into.length}`;
    case 'drop':
      return `Drop point ${numberOf(operation.pointId)}`;
    case 'add':
      return `Add “${operation.point.title || operation.point.text.slice(0, 40)}” ${operation.after === null ? 'at the top' : `after point ${numberOf(operation.after)}`}`;
    case 'move':
      return `Move point ${numberOf(operation.pointId)} ${operation.after === null ? 'to the top' : `after point ${numberOf(operation.after)}`}`;
  }
}
