import type { CandidatePairs } from './candidate-pairs';
import type { LineageLinks } from './lineage-links';

/**
 * The positions of the candidate pairs whose containment score a new link `from` → `to` can change
 * (a superset: a position may repeat). A pair's score reads its two points' links and residuals,
 * so every pair of `from` and of `to` is touched; and whether it is next door to its group, which
 * asks whether a linked point lies between a point of the pair and a linked neighbour. A point
 * linked for the first time can only part such a neighbour from the points beyond it, up to the
 * next linked point: only pairs with those points and that neighbour's counterparts are touched.
 */
export function pairsTouchedByLink(
  candidates: CandidatePairs,
  links: LineageLinks,
  link: { from: number; to: number; isFirstOfFrom: boolean; isFirstOfTo: boolean },
): number[] {
  const touched = [...candidates.ofOld(link.from), ...candidates.ofNew(link.to)];
  if (link.isFirstOfFrom) {
    const isLinked = (from: number) => links.targetsOf(from).length > 0;
    const { below, above } = linkedNeighbours(link.from, candidates.counts.before, isLinked);
    if (below !== undefined)
      for (const to of links.targetsOf(below))
        touched.push(...candidates.ofNew(to, link.from + 1, above ?? Infinity));
    if (above !== undefined)
      for (const to of links.targetsOf(above))
        touched.push(...candidates.ofNew(to, below ?? 0, link.from - 1));
  }
  if (link.isFirstOfTo) {
    const isLinked = (to: number) => links.sourcesOf(to).length > 0;
    const { below, above } = linkedNeighbours(link.to, candidates.counts.after, isLinked);
    if (below !== undefined)
      for (const from of links.sourcesOf(below))
        touched.push(...candidates.ofOld(from, link.to + 1, above ?? Infinity));
    if (above !== undefined)
      for (const from of links.sourcesOf(above))
        touched.push(...candidates.ofOld(from, below ?? 0, link.to - 1));
  }
  return touched;
}

/** The nearest linked points below and above `index` on its side. */
function linkedNeighbours(
  index: number,
  count: number,
  isLinked: (index: number) => boolean,
): { below: number | undefined; above: number | undefined } {
  let below: number | undefined;
  for (let at = index - 1; at >= 0 && below === undefined; at -= 1) if (isLinked(at)) below = at;
  let above: number | undefined;
  for (let at = index + 1; at < count && above === undefined; at += 1) if (isLinked(at)) above = at;
  return { below, above };
}
