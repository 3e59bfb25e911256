import { classifyLineageGroup, REDLINE_KINDS, type RedlineKind } from '../../redline/compare-versions';
import type { InferenceContext, InferredLineage, InferredRow, LineageInputPoint } from './lineage-types';
import type { LineageLinks } from './lineage-links';

type Group = { from: number[]; to: number[]; order: number };

/** Turns links into rows (connected components), classified and ordered by the old numbering. */
export function rowsFromLinks(input: {
  before: readonly LineageInputPoint[];
  after: readonly LineageInputPoint[];
  links: LineageLinks;
  context: InferenceContext;
}): InferredLineage {
  const { before, after, links } = input;
  const groups = connectedGroups(before.length, after.length, links);
  const moved = movedOldPoints(groups);
  const rows = groups.map((group): InferredRow => {
    const from = group.from.map((index) => before[index]).filter((point) => point !== undefined);
    const to = group.to.map((index) => after[index]).filter((point) => point !== undefined);
    const groupLinks = links.links.filter((link) => group.from.includes(link.from));
    return {
      kind: classifyLineageGroup(from, to),
      from: from.map((point) => point.number),
      to: to.map((point) => point.number),
      score: round(
        groupLinks.length > 0
          ? Math.min(...groupLinks.map((link) => link.score))
          : 1 - closestUnlinked(group, input.context, links),
      ),
      moved: group.from.length === 1 && moved.has(group.from[0] ?? -1),
      links: groupLinks.map((link) => ({
        from: before[link.from]?.number ?? 0,
        to: after[link.to]?.number ?? 0,
        score: round(link.score),
      })),
    };
  });
  const counts = Object.fromEntries(
    REDLINE_KINDS.map((kind) => [kind, rows.filter((row) => row.kind === kind).length]),
  ) as Record<RedlineKind, number>;
  return { rows, counts };
}

/** The kind of a group, as `compareVersions` names it: by shape, then by wording and number. */

// Connected components of the link graph; an added point's row follows the row of the new point before it.
function connectedGroups(beforeCount: number, afterCount: number, links: LineageLinks): Group[] {
  const parent = Array.from({ length: beforeCount + afterCount }, (_, index) => index);
  const find = (node: number): number => {
    let root = node;
    while (parent[root] !== root) root = parent[root] ?? root;
    parent[node] = root;
    return root;
  };
  for (const link of links.links) parent[find(link.from)] = find(beforeCount + link.to);
  const byRoot = new Map<number, Group>();
  const groupOf = (node: number) => {
    const root = find(node);
    const group = byRoot.get(root) ?? { from: [], to: [], order: Infinity };
    byRoot.set(root, group);
    return group;
  };
  for (let from = 0; from < beforeCount; from += 1) {
    const group = groupOf(from);
    group.from.push(from);
    group.order = Math.min(group.order, from);
  }
  let previousOrder = -1;
  for (let to = 0; to < afterCount; to += 1) {
    const group = groupOf(beforeCount + to);
    group.to.push(to);
    if (group.from.length > 0) previousOrder = group.order;
    else {
      previousOrder += 1 / (afterCount + 1);
      group.order = previousOrder;
    }
  }
  return [...byRoot.values()].sort((a, b) => a.order - b.order);
}

// One-to-one rows off the longest run that keeps its order are the points that moved.
function movedOldPoints(groups: readonly Group[]): Set<number> {
  const pairs = groups
    .filter((group) => group.from.length === 1 && group.to.length === 1)
    .map((group) => ({ from: group.from[0] ?? 0, to: group.to[0] ?? 0 }))
    .sort((a, b) => a.from - b.from);
  const kept = longestIncreasingRun(pairs.map((pair) => pair.to));
  return new Set(pairs.filter((_, index) => !kept.has(index)).map((pair) => pair.from));
}

function longestIncreasingRun(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((values[tails[middle] ?? 0] ?? 0) < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1] ?? -1;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails[tails.length - 1] ?? -1; index >= 0; index = previous[index] ?? -1) kept.add(index);
  return kept;
}

// How much an added or dropped point resembles the closest point left unlinked on the other side.
function closestUnlinked(group: Group, context: InferenceContext, links: LineageLinks): number {
  const { cosine } = context.similarity;
  const [from] = group.from;
  const [to] = group.to;
  const scores =
    from !== undefined
      ? context.after.vectors.flatMap((_, other) =>
          links.sourcesOf(other).length === 0 ? [cosine(from, other)] : [],
        )
      : context.before.vectors.flatMap((_, other) =>
          links.targetsOf(other).length === 0 ? [cosine(other, to ?? 0)] : [],
        );
  return Math.max(0, ...scores);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
