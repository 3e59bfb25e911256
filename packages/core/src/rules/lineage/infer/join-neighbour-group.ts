import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { groupOf } from './link-group';
import { massOf, sharedMass, type TermVector } from './term-vectors';
import { closestIndex } from './closest-index';

/**
 * A fair part of the point must be found in what its counterpart leaves unexplained: a split's
 * reworded part shares the words its sibling did not take; an added point worded like its
 * neighbour shares only what the neighbour's own successor already holds, so it stays added.
 */
const FOUND_IN_RESIDUAL = 0.15;
/**
 * The group's point must still have a fifth of its words unexplained by its links: a point carried
 * over almost whole has no second part to give, and a new point worded like it is an addition.
 */
const LEFT_TO_GIVE = 0.2;
/**
 * A point whose counterpart took less than half of it lost the rest somewhere: next door, a
 * neighbour that clearly resembles it (cosine at least this) needs only half the usual share, since
 * a second part reworded from end to end keeps few of the words its sibling left.
 */
const HALF_LEFT = 0.5;
const CLEAR_COSINE = 0.2;

/**
 * A split's parts and a merge's sources sit next to each other. A point left alone next to a
 * group joins it when the group's point on the other side is the one it resembles most of all
 * points, and a fair part of it is found in what that point's links leave unexplained. Repeated
 * until nothing joins, so the third part of a split joins after the second.
 */
export function joinNeighbourGroup(context: InferenceContext, links: LineageLinks): void {
  for (let joined = true; joined;) {
    joined = false;
    context.after.vectors.forEach((vector, to) => {
      if (links.sourcesOf(to).length > 0) return;
      const group = oldPointsNextTo(links, to);
      const best = closestIndex(context.before.vectors.length, (from) => context.similarity.cosine(from, to));
      if (best === undefined || !group.has(best)) return;
      const mass = massOf(vector);
      const needed = neededShare(links.residualBefore(best, 0), context.before.vectors[best], {
        cosine: context.similarity.cosine(best, to),
      });
      if (needed === undefined) return;
      if (mass > 0 && sharedMass(links.residualBefore(best), vector) >= needed * mass) {
        links.add({ from: best, to, score: context.similarity.cosine(best, to), evidence: 'containment' });
        joined = true;
      }
    });
    context.before.vectors.forEach((vector, from) => {
      if (links.targetsOf(from).length > 0) return;
      const group = newPointsNextTo(links, from);
      const best = closestIndex(context.after.vectors.length, (to) => context.similarity.cosine(from, to));
      if (best === undefined || !group.has(best)) return;
      const mass = massOf(vector);
      const needed = neededShare(links.residualAfter(best, 0), context.after.vectors[best], {
        cosine: context.similarity.cosine(from, best),
      });
      if (needed === undefined) return;
      if (mass > 0 && sharedMass(vector, links.residualAfter(best)) >= needed * mass) {
        links.add({ from, to: best, score: context.similarity.cosine(from, best), evidence: 'containment' });
        joined = true;
      }
    });
  }
}

// The share of the point that must be found in its counterpart's residual, or none if the
// counterpart has nothing left to give.
function neededShare(
  unexplained: TermVector,
  whole: TermVector | undefined,
  pair: { cosine: number },
): number | undefined {
  const mass = whole === undefined ? 0 : massOf(whole);
  const left = mass > 0 ? massOf(unexplained) / mass : 0;
  if (left < LEFT_TO_GIVE) return undefined;
  return left >= HALF_LEFT && pair.cosine >= CLEAR_COSINE ? FOUND_IN_RESIDUAL / 2 : FOUND_IN_RESIDUAL;
}

/** Old points in the groups of the new points either side of `to`. */
function oldPointsNextTo(links: LineageLinks, to: number): Set<number> {
  return new Set([to - 1, to + 1].flatMap((index) => [...groupOf(links, { side: 'after', index }).olds]));
}

/** New points in the groups of the old points either side of `from`. */
function newPointsNextTo(links: LineageLinks, from: number): Set<number> {
  return new Set(
    [from - 1, from + 1].flatMap((index) => [...groupOf(links, { side: 'before', index }).news]),
  );
}
