import type { LineageLinks } from './lineage-links';

/**
 * For each old point, the new positions its counterpart may take without crossing a link already
 * made: strictly between the last new point linked before it and the first linked after it (past
 * a merge that encloses it: see upperPastEnclosingGroup).
 */
export function placeBetweenLinks(
  beforeCount: number,
  afterCount: number,
  links: LineageLinks,
): { lower: number[]; upper: number[]; isSole: (from: number) => boolean } {
  const lower: number[] = [];
  const upper: number[] = new Array<number>(beforeCount).fill(afterCount);
  let bound = -1;
  for (let from = 0; from < beforeCount; from += 1) {
    lower.push(bound);
    const targets = links.targetsOf(from);
    if (targets.length > 0) bound = Math.max(...targets);
  }
  bound = afterCount;
  for (let from = beforeCount - 1; from >= 0; from -= 1) {
    upper[from] = bound;
    const targets = links.targetsOf(from);
    if (targets.length > 0) bound = Math.min(...targets);
  }
  for (let from = 0; from < beforeCount; from += 1)
    if (links.targetsOf(from).length === 0)
      upper[from] = upperPastEnclosingGroup(links, {
        from,
        beforeCount,
        afterCount,
        upper: upper[from] ?? afterCount,
      });
  // The gap of old point i holds only i on the old side and one point on the new side.
  const isSole = (from: number) => {
    const low = lower[from] ?? -1;
    const high = upper[from] ?? afterCount;
    const isAlone =
      (from === 0 || links.targetsOf(from - 1).length > 0) &&
      (from === beforeCount - 1 || links.targetsOf(from + 1).length > 0);
    return isAlone && high - low === 2;
  };
  return { lower, upper, isSole };
}

/**
 * A merge may take the points either side of an old point and leave the point itself, rewritten,
 * next to the merged point (4, 5 and 7 → 4 with 6 paraphrased as 5). The later sources of that
 * merge then bound the point's place from above at the merged point, leaving it no place at all.
 * They do not part it from its counterpart: the bound is the first linked point after it that
 * shares no target with the linked point before it.
 */
function upperPastEnclosingGroup(
  links: LineageLinks,
  place: { from: number; beforeCount: number; afterCount: number; upper: number },
): number {
  const linkedFrom = (start: number, step: 1 | -1) => {
    let index = start;
    while (index >= 0 && index < place.beforeCount && links.targetsOf(index).length === 0) index += step;
    return index >= 0 && index < place.beforeCount ? index : undefined;
  };
  const previous = linkedFrom(place.from - 1, -1);
  if (previous === undefined) return place.upper;
  const enclosing = new Set(links.targetsOf(previous));
  const isEnclosing = (index: number) => links.targetsOf(index).some((to) => enclosing.has(to));
  let next = linkedFrom(place.from + 1, 1);
  if (next === undefined || !isEnclosing(next)) return place.upper;
  while (next !== undefined && isEnclosing(next)) next = linkedFrom(next + 1, 1);
  return next === undefined ? place.afterCount : Math.min(...links.targetsOf(next));
}
