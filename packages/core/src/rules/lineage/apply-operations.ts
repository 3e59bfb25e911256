import type { PlanVersionId, PointId } from '../../ids';
import type {
  LineageEdge,
  LineageKind,
  PlanVersion,
  PointDraft,
  PointRevision,
  VersionOperation,
} from '../../schemas/plan';
import { assertNever, fail, ok, type RuleProblem, type RuleResult } from '../result';
import type { LineageProblemCode } from './lineage-problem';
import { ancestorsOf, explainMissingPoint } from './locate-point';

type Working = { pointId: PointId; title: string; text: string; topic: string | null };
type Origin = Pick<LineageEdge, 'proposedBy' | 'roundId' | 'amendmentId'>;
type Problem = RuleProblem<LineageProblemCode>;

/** Everything needed to make a child version: its parent, the operations, and (to name problems) the negotiation's versions. */
export type ApplyOperationsInput = {
  readonly parent: PlanVersion;
  readonly child: { readonly id: PlanVersionId; readonly label: string };
  readonly operations: readonly VersionOperation[];
  readonly history?: readonly PlanVersion[];
};
export type AppliedVersion = { readonly version: PlanVersion; readonly edges: readonly LineageEdge[] };

/**
 * Applies operations in order to a parent version and returns the child version (renumbered 1..n in
 * reading order) and the lineage edges. All-or-nothing: any problem returns every problem found and no version.
 */
export function applyOperations(input: ApplyOperationsInput): RuleResult<AppliedVersion, LineageProblemCode> {
  const { parent, child, operations } = input;
  const history = input.history ?? [parent];
  const cycle = ancestorsOf(parent, history).find((version) => version.id === child.id);
  if (cycle !== undefined) {
    return fail({
      code: 'lineage-cycle',
      message: `version "${child.label}" cannot descend from "${parent.label}": it is already one of its ancestors`,
    });
  }
  const usedIds = new Set(history.flatMap((version) => version.points.map((point) => point.pointId)));
  const points: Working[] = parent.points.map(({ pointId, title, text, topic }) => ({
    pointId,
    title,
    text,
    topic,
  }));
  const edges: LineageEdge[] = [];
  const problems: Problem[] = [];
  operations.forEach((operation, index) => {
    const context = { parent, history, operation: index };
    const edge = (kind: LineageKind, from: PointId[], to: PointId[]) =>
      edges.push({ fromVersionId: parent.id, toVersionId: child.id, kind, from, to, ...originOf(operation) });
    const live = (pointId: PointId): number | undefined => {
      const at = points.findIndex((point) => point.pointId === pointId);
      if (at >= 0) return at;
      problems.push(explainMissingPoint(pointId, context));
      return undefined;
    };
    const fresh = (draft: PointDraft, reusable: readonly PointId[]) => {
      const clash =
        !reusable.includes(draft.pointId) &&
        (usedIds.has(draft.pointId) || points.some((p) => p.pointId === draft.pointId));
      if (clash)
        problems.push({
          code: 'duplicate-point',
          pointId: draft.pointId,
          message: `operation ${index + 1}: point id ${draft.pointId} is already used in this plan`,
        });
      if (draft.text.trim() === '')
        problems.push({
          code: 'empty-point',
          pointId: draft.pointId,
          message: `operation ${index + 1}: point ${draft.pointId} has no text`,
        });
      usedIds.add(draft.pointId);
      return !clash;
    };
    switch (operation.kind) {
      case 'amend': {
        const at = live(operation.pointId);
        const current = at === undefined ? undefined : points[at];
        if (current === undefined || at === undefined) return;
        const next = {
          ...current,
          title: operation.title ?? current.title,
          text: operation.text ?? current.text,
          topic: operation.topic === undefined ? current.topic : operation.topic,
        };
        if (next.title === current.title && next.text === current.text && next.topic === current.topic) {
          problems.push({
            code: 'no-change',
            pointId: current.pointId,
            message: `operation ${index + 1}: the amendment of point ${current.pointId} changes nothing`,
          });
          return;
        }
        if (next.text.trim() === '')
          problems.push({
            code: 'empty-point',
            pointId: current.pointId,
            message: `operation ${index + 1}: point ${current.pointId} would have no text`,
          });
        points[at] = next;
        edge('amend', [current.pointId], [current.pointId]);
        return;
      }
      case 'merge': {
        const found = operation.pointIds.map((pointId) => ({
          pointId,
          at: points.findIndex((p) => p.pointId === pointId),
        }));
        const missing = found.filter((item) => item.at < 0);
        if (missing.length > 0) {
          const explained = missing.map((item) => explainMissingPoint(item.pointId, context));
          const foreign = explained.find((problem) => problem.code === 'point-from-other-version');
          if (foreign !== undefined && missing.length < found.length) {
            problems.push({
              code: 'merge-across-versions',
              pointId: foreign.pointId,
              message: `operation ${index + 1}: a merge takes points of one version; ${foreign.message.replace(/^operation \d+: /, '')}`,
            });
          } else problems.push(...explained);
          return;
        }
        if (new Set(operation.pointIds).size !== operation.pointIds.length) {
          problems.push({
            code: 'no-change',
            message: `operation ${index + 1}: a merge names the same point twice`,
          });
          return;
        }
        if (!fresh(operation.into, operation.pointIds)) return;
        const first = Math.min(...found.map((item) => item.at));
        const topic =
          operation.into.topic === undefined ? (points[first]?.topic ?? null) : operation.into.topic;
        const merged: Working = {
          pointId: operation.into.pointId,
          title: operation.into.title,
          text: operation.into.text,
          topic,
        };
        // The merged point takes the place of the first of its sources in reading order.
        const rebuilt = points.flatMap((p, at) =>
          at === first ? [merged] : operation.pointIds.includes(p.pointId) ? [] : [p],
        );
        points.splice(0, points.length, ...rebuilt);
        edge('merge', [...operation.pointIds], [merged.pointId]);
        return;
      }
      case 'split': {
        const at = live(operation.pointId);
        const source = at === undefined ? undefined : points[at];
        if (source === undefined || at === undefined) return;
        const ids = operation.into.map((draft) => draft.pointId);
        if (
          new Set(ids).size !== ids.length ||
          !operation.into.every((draft) => fresh(draft, [operation.pointId]))
        ) {
          if (new Set(ids).size !== ids.length)
            problems.push({
              code: 'duplicate-point',
              pointId: source.pointId,
              message: `operation ${index + 1}: a split names the same new point twice`,
            });
          return;
        }
        points.splice(
          at,
          1,
          ...operation.into.map((draft) => ({
            pointId: draft.pointId,
            title: draft.title,
            text: draft.text,
            topic: draft.topic === undefined ? source.topic : draft.topic,
          })),
        );
        edge('split', [source.pointId], ids);
        return;
      }
      case 'drop': {
        const at = live(operation.pointId);
        if (at === undefined) return;
        points.splice(at, 1);
        edge('drop', [operation.pointId], []);
        return;
      }
      case 'add': {
        const after = operation.after === null ? -1 : live(operation.after);
        if (after === undefined || !fresh(operation.point, [])) return;
        const { pointId, title, text, topic } = operation.point;
        points.splice(after + 1, 0, { pointId, title, text, topic: topic ?? null });
        edge('add', [], [pointId]);
        return;
      }
      case 'move': {
        const at = live(operation.pointId);
        const moving = at === undefined ? undefined : points[at];
        if (moving === undefined || at === undefined) return;
        if (operation.after === operation.pointId) {
          problems.push({
            code: 'no-change',
            pointId: moving.pointId,
            message: `operation ${index + 1}: point ${moving.pointId} cannot move after itself`,
          });
          return;
        }
        points.splice(at, 1);
        const after = operation.after === null ? -1 : live(operation.after);
        if (after === undefined) return;
        points.splice(after + 1, 0, moving);
        edge('renumber', [moving.pointId], [moving.pointId]);
        return;
      }
      default:
        return assertNever(operation);
    }
  });
  if (problems.length > 0) return fail(...problems);
  const revisions: PointRevision[] = points.map((point, index) => ({ ...point, number: index + 1 }));
  edges.push(...implicitRenumbers({ parent, revisions, edges, childId: child.id }));
  return ok({
    version: {
      id: child.id,
      negotiationId: parent.negotiationId,
      parentId: parent.id,
      label: child.label,
      points: revisions,
    },
    edges,
  });
}

function originOf(operation: VersionOperation): Origin {
  return {
    proposedBy: operation.proposedBy ?? null,
    roundId: operation.roundId ?? null,
    amendmentId: operation.amendmentId ?? null,
  };
}

// Points that only shifted because others were dropped, merged or added get a `renumber` edge,
// so the lineage map can say "point 14 is now point 9" without comparing texts.
function implicitRenumbers(input: {
  parent: PlanVersion;
  revisions: readonly PointRevision[];
  edges: readonly LineageEdge[];
  childId: PlanVersionId;
}): LineageEdge[] {
  const { parent, revisions, edges, childId } = input;
  const touched = new Set(edges.flatMap((edge) => [...edge.from, ...edge.to]));
  const before = new Map(parent.points.map((point) => [point.pointId, point.number]));
  return revisions
    .filter(
      (point) =>
        !touched.has(point.pointId) &&
        before.has(point.pointId) &&
        before.get(point.pointId) !== point.number,
    )
    .map((point) => ({
      fromVersionId: parent.id,
      toVersionId: childId,
      kind: 'renumber' as const,
      from: [point.pointId],
      to: [point.pointId],
      proposedBy: null,
      roundId: null,
      amendmentId: null,
    }));
}
