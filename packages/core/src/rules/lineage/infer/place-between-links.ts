import type { LineageLinks } from './lineage-links';

/**
 * For each old point, the new positions its counterpart may take without crossing a link already
 * made: strictly between the last new point linked before it and the first linked after it.
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
