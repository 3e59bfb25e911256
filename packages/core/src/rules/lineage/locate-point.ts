import type { PlanVersionId, PointId } from '../../ids';
import type { PlanVersion } from '../../schemas/plan';
import type { RuleProblem } from '../result';
import type { LineageProblemCode } from './lineage-problem';

/** The versions a parent descends from, parent first (stops on a cycle: checkLineage reports those). */
export function ancestorsOf(parent: PlanVersion, history: readonly PlanVersion[]): PlanVersion[] {
  const byId = new Map(history.map((version) => [version.id, version]));
  const chain: PlanVersion[] = [];
  const seen = new Set<PlanVersionId>();
  let current: PlanVersion | undefined = parent;
  while (current !== undefined && !seen.has(current.id)) {
    chain.push(current);
    seen.add(current.id);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return chain;
}

/** Why a point that is not live in the parent cannot be used: dropped earlier, in another version, or unknown. */
export function explainMissingPoint(
  pointId: PointId,
  context: { parent: PlanVersion; history: readonly PlanVersion[]; operation: number },
): RuleProblem<LineageProblemCode> {
  const at = `operation ${context.operation + 1}`;
  if (context.parent.points.some((point) => point.pointId === pointId)) {
    return {
      code: 'point-dropped',
      pointId,
      message: `${at}: point ${pointId} was already dropped, merged or split by an earlier operation, so it cannot be changed`,
    };
  }
  const ancestors = ancestorsOf(context.parent, context.history);
  const earlier = ancestors.find((version) => version.points.some((point) => point.pointId === pointId));
  if (earlier !== undefined) {
    return {
      code: 'point-dropped',
      pointId,
      message: `${at}: point ${pointId} is no longer in "${context.parent.label}" (it was in "${earlier.label}"), so it cannot be changed`,
    };
  }
  const elsewhere = context.history.find((version) =>
    version.points.some((point) => point.pointId === pointId),
  );
  if (elsewhere !== undefined) {
    return {
      code: 'point-from-other-version',
      pointId,
      message: `${at}: point ${pointId} belongs to "${elsewhere.label}", not to "${context.parent.label}"`,
    };
  }
  return {
    code: 'unknown-point',
    pointId,
    message: `${at}: there is no point ${pointId} in "${context.parent.label}"`,
  };
}
