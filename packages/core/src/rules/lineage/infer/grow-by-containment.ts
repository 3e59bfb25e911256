import type { InferenceContext } from './lineage-types';
import type { LineageLinks } from './lineage-links';
import { massOf, sharedMass, type TermVector } from './term-vectors';

// Thresholds, calibrated on the fixtures in ./fixtures.
/** The shared content must be most of one of the two points (a merged source, a split part)… */
const CONTAINED = 0.5;
/** …or, next to a point already in the group (merges and splits join neighbours), a good part of it. */
const CONTAINED_NEXT_DOOR = 0.35;
/** …and a fair part of the other (a third of a merge of three; half of a 2 → 2 restructuring). */
const CONTRIBUTES = 0.15;

/**
 * Grows groups by containment: links old point i to new point j when what i's links leave
 * unexplained is largely found in what j's links leave unexplained. One of the two must already be
 * linked, so growth extends merges, splits and restructurings and never invents a one-to-one pair.
 * The strongest link is added first, and residuals are recomputed after each.
 */
export function growByContainment(context: InferenceContext, links: LineageLinks): void {
  const beforeMass = context.before.vectors.map(massOf);
  const afterMass = context.after.vectors.map(massOf);
  for (;;) {
    const residualBefore = context.before.vectors.map((_, from) => links.residualBefore(from));
    const residualAfter = context.after.vectors.map((_, to) => links.residualAfter(to));
    let best: { from: number; to: number; score: number } | undefined;
    residualBefore.forEach((left, from) => {
      if (left.size === 0) return;
      residualAfter.forEach((right, to) => {
        if (right.size === 0 || links.isLinked(from, to)) return;
        const isGrowth = links.targetsOf(from).length > 0 || links.sourcesOf(to).length > 0;
        if (!isGrowth) return;
        const score = containmentScore({
          left,
          right,
          fromMass: beforeMass[from] ?? 0,
          toMass: afterMass[to] ?? 0,
          isNextDoor: isNextDoor(links, from, to),
        });
        if (score !== undefined && (best === undefined || score > best.score)) best = { from, to, score };
      });
    });
    if (best === undefined) return;
    links.add({ ...best, score: Math.min(1, best.score), evidence: 'containment' });
  }
}

function containmentScore(input: {
  left: TermVector;
  right: TermVector;
  fromMass: number;
  toMass: number;
  isNextDoor: boolean;
}): number | undefined {
  if (input.fromMass === 0 || input.toMass === 0) return undefined;
  const shared = sharedMass(input.left, input.right);
  const ofFrom = shared / input.fromMass;
  const ofTo = shared / input.toMass;
  const larger = Math.max(ofFrom, ofTo);
  const needed = input.isNextDoor ? CONTAINED_NEXT_DOOR : CONTAINED;
  return larger >= needed && Math.min(ofFrom, ofTo) >= CONTRIBUTES ? larger : undefined;
}

// Old point `from` sits next to a source of `to`, or new point `to` next to a target of `from`.
function isNextDoor(links: LineageLinks, from: number, to: number): boolean {
  return (
    links.sourcesOf(to).some((source) => Math.abs(source - from) === 1) ||
    links.targetsOf(from).some((target) => Math.abs(target - to) === 1)
  );
}
