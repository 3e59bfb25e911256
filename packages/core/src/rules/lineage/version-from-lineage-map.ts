import type { PlanVersionId, PointId } from '../../ids';
import type { LineageEdge, LineageKind, PlanVersion, PointRevision } from '../../schemas/plan';
import type { ParsedPoint } from '../plan-text/parse-plan-text';
import { classifyLineageGroup } from '../redline/compare-versions';
import { fail, ok, type RuleProblem, type RuleResult } from '../result';
import type { AppliedVersion } from './apply-operations';

/** One link of a lineage map: old point `from` (an id of the parent) became, wholly or in part, new point `to` (a number in the text). */
export type LineageMapLink = { readonly from: PointId; readonly to: number };
export type LineageMapProblemCode = 'unknown-point' | 'unknown-number' | 'duplicate-link';

type Component = { from: PointRevision[]; to: ParsedPoint[] };

/**
 * Makes the child of `parent` from a revised text and a lineage map (links from old point ids to
 * new point numbers), as the mediator confirmed it. Points linked one to one keep their identity
 * (so positions follow them); a split's first part keeps the split point's identity, as a split
 * operation may; merged, restructured and added points get new ids. Old points with no link are
 * dropped, new points with no link are added.
 */
export function versionFromLineageMap(input: {
  readonly parent: PlanVersion;
  readonly points: readonly ParsedPoint[];
  readonly links: readonly LineageMapLink[];
  readonly child: { readonly id: PlanVersionId; readonly label: string };
  readonly newPointId: () => PointId;
}): RuleResult<AppliedVersion, LineageMapProblemCode> {
  const problems = checkLinks(input.parent, input.points, input.links);
  if (problems.length > 0) return fail(...problems);
  const ids = new Map<number, PointId>();
  const edges: LineageEdge[] = [];
  const edge = (kind: LineageKind, from: PointId[], to: PointId[]) =>
    edges.push({
      fromVersionId: input.parent.id,
      toVersionId: input.child.id,
      kind,
      from,
      to,
      proposedBy: null,
      roundId: null,
      amendmentId: null,
    });
  for (const component of components(input.parent, input.points, input.links)) {
    const from = component.from.map((point) => point.pointId);
    const [first] = component.from;
    const kept = component.from.length === 1 && first !== undefined ? first.pointId : undefined;
    component.to.forEach((point, index) =>
      ids.set(point.number, index === 0 && kept !== undefined ? kept : input.newPointId()),
    );
    const to = component.to.flatMap((point) => ids.get(point.number) ?? []);
    const kind = classifyLineageGroup(component.from, component.to);
    if (kind === 'unchanged') continue;
    if (kind !== 'restructured') {
      edge(EDGE_KINDS[kind], from, to);
      continue;
    }
    // A restructuring keeps the map as confirmed: one edge per new point, from just the old points
    // linked to it, so positions follow those links (carriedPositions reads edges by target) and
    // not every old point of the group. The redline still shows one group: it joins edges by their ends.
    for (const point of component.to) {
      const sources = component.from.filter((old) =>
        input.links.some((link) => link.from === old.pointId && link.to === point.number),
      );
      const target = ids.get(point.number);
      if (target === undefined) continue;
      edge(
        sources.length > 1 ? 'merge' : 'split',
        sources.map((old) => old.pointId),
        [target],
      );
    }
  }
  const points = input.points.map((point, index) => ({
    pointId: ids.get(point.number) ?? input.newPointId(),
    number: index + 1,
    title: point.title,
    text: point.text,
    topic: point.topic,
  }));
  return ok({
    version: {
      id: input.child.id,
      negotiationId: input.parent.negotiationId,
      parentId: input.parent.id,
      label: input.child.label,
      points,
    },
    edges: [...edges].sort((a, b) => edgeOrder(a, points) - edgeOrder(b, points)),
  });
}

// A restructuring (n → m) is recorded edge by edge (see versionFromLineageMap): history and
// redlines follow edges by their ends, whatever their kind.
const EDGE_KINDS = {
  renumbered: 'renumber',
  amended: 'amend',
  merged: 'merge',
  split: 'split',
  restructured: 'merge',
  dropped: 'drop',
  added: 'add',
} as const satisfies Record<Exclude<ReturnType<typeof classifyLineageGroup>, 'unchanged'>, LineageKind>;

function edgeOrder(edge: LineageEdge, points: readonly PointRevision[]): number {
  const at = points.findIndex((point) => edge.to.includes(point.pointId));
  return at < 0 ? -1 : at;
}

function checkLinks(
  parent: PlanVersion,
  points: readonly ParsedPoint[],
  links: readonly LineageMapLink[],
): RuleProblem<LineageMapProblemCode>[] {
  const problems: RuleProblem<LineageMapProblemCode>[] = [];
  const oldIds = new Set(parent.points.map((point) => point.pointId));
  const numbers = new Set(points.map((point) => point.number));
  const seen = new Set<string>();
  links.forEach((link, index) => {
    const where = `link ${index + 1}`;
    if (!oldIds.has(link.from))
      problems.push({
        code: 'unknown-point',
        pointId: link.from,
        message: `${where}: version "${parent.label}" has no point ${link.from}`,
      });
    if (!numbers.has(link.to))
      problems.push({
        code: 'unknown-number',
        message: `${where}: the new text has no point ${link.to}`,
      });
    const key = `${link.from}\u0000${link.to}`;
    if (seen.has(key)) {
      const number = parent.points.find((point) => point.pointId === link.from)?.number;
      problems.push({
        code: 'duplicate-link',
        pointId: link.from,
        message: `${where}: old point ${number ?? link.from} is linked to new point ${link.to} twice`,
      });
    }
    seen.add(key);
  });
  return problems;
}

// Connected components of the map, in the parent's reading order; added points come last.
function components(
  parent: PlanVersion,
  points: readonly ParsedPoint[],
  links: readonly LineageMapLink[],
): Component[] {
  const root = new Map<string, string>();
  const find = (key: string): string => {
    let node = key;
    while ((root.get(node) ?? node) !== node) node = root.get(node) ?? node;
    root.set(key, node);
    return node;
  };
  for (const link of links) {
    const a = find(`old:${link.from}`);
    const b = find(`new:${link.to}`);
    if (a !== b) root.set(a, b);
  }
  const byRoot = new Map<string, Component>();
  const componentOf = (key: string) => {
    const found = byRoot.get(find(key)) ?? { from: [], to: [] };
    byRoot.set(find(key), found);
    return found;
  };
  for (const point of parent.points) componentOf(`old:${point.pointId}`).from.push(point);
  for (const point of points) componentOf(`new:${point.number}`).to.push(point);
  return [...byRoot.values()];
}
