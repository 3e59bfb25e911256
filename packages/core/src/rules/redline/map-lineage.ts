import type { PlanVersionId, PointId } from '../../ids';
import type { VersionWithLineage } from '../../schemas/plan';
import { chainTo } from '../lineage/check-lineage';

/** Which points of the target version each point of the source version became (possibly none). */
export type PointMapping = ReadonlyMap<PointId, ReadonlySet<PointId>>;

type Step = { readonly entry: VersionWithLineage; readonly forward: boolean };

/**
 * Composes lineage edges along the path between two versions of one plan: up from `fromId` to the
 * closest common ancestor (edges read backwards), then down to `toId`.
 */
export function mapLineage(
  versions: readonly VersionWithLineage[],
  ids: { fromId: PlanVersionId; toId: PlanVersionId },
): PointMapping | undefined {
  const nodes = versions.map((entry) => ({
    ...entry,
    id: entry.version.id,
    parentId: entry.version.parentId,
  }));
  const up = chainTo(nodes, ids.fromId);
  const down = chainTo(nodes, ids.toId);
  if (up.length === 0 || down.length === 0 || up[0] !== down[0]) return undefined;
  let common = 0;
  while (common + 1 < up.length && common + 1 < down.length && up[common + 1] === down[common + 1])
    common += 1;
  const steps: Step[] = [
    ...up
      .slice(common + 1)
      .reverse()
      .map((entry) => ({ entry, forward: false })),
    ...down.slice(common + 1).map((entry) => ({ entry, forward: true })),
  ];
  const start = up[up.length - 1];
  if (start === undefined) return undefined;
  let mapping = new Map(start.version.points.map((point) => [point.pointId, new Set([point.pointId])]));
  for (const step of steps) mapping = applyStep(mapping, step, nodes);
  return mapping;
}

function applyStep(
  mapping: Map<PointId, Set<PointId>>,
  step: Step,
  nodes: readonly VersionWithLineage[],
): Map<PointId, Set<PointId>> {
  const forward = forwardMap(step.entry, nodes);
  const map = step.forward ? forward : invert(forward);
  const next = new Map<PointId, Set<PointId>>();
  for (const [origin, current] of mapping) {
    const reached = new Set<PointId>();
    for (const pointId of current) for (const target of map.get(pointId) ?? []) reached.add(target);
    next.set(origin, reached);
  }
  return next;
}

// Parent point → child points for one version: restructuring edges say where a point went;
// every other point that is still there is itself (amended, renumbered or kept).
function forwardMap(
  entry: VersionWithLineage,
  nodes: readonly VersionWithLineage[],
): Map<PointId, Set<PointId>> {
  const parent = nodes.find((node) => node.version.id === entry.version.parentId);
  const childIds = new Set(entry.version.points.map((point) => point.pointId));
  const map = new Map<PointId, Set<PointId>>();
  for (const point of parent?.version.points ?? [])
    map.set(point.pointId, new Set(childIds.has(point.pointId) ? [point.pointId] : []));
  for (const edge of entry.edges) {
    if (edge.kind !== 'merge' && edge.kind !== 'split' && edge.kind !== 'drop') continue;
    for (const from of edge.from) {
      const targets = map.get(from) ?? new Set<PointId>();
      edge.to.forEach((to) => targets.add(to));
      map.set(from, targets);
    }
  }
  return map;
}

function invert(map: ReadonlyMap<PointId, ReadonlySet<PointId>>): Map<PointId, Set<PointId>> {
  const inverted = new Map<PointId, Set<PointId>>();
  for (const [from, targets] of map) {
    for (const to of targets) inverted.set(to, (inverted.get(to) ?? new Set()).add(from));
  }
  return inverted;
}
