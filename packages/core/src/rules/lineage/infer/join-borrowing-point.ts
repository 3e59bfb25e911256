import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { cosine, massOf, residualOf, sharedMass, type TermVector } from './term-vectors';

// Thresholds, calibrated on the fixtures in testdata/lineage and the pairs in testdata/lineage-dev
// (see the README there). The closest true addition on those pairs draws 37 % of itself from two
// old points, at cosines 0.19 and 0.26.
/** The two sources together must explain this much of the point… */
const EXPLAINED_SHARE = 0.45;
/** …the second must explain a fair part of what the first leaves (not a stray shared phrase)… */
const SECOND_SHARE = 0.15;
/** …each must clearly resemble the point as a whole… */
const SOURCE_COSINE = 0.2;
/**
 * …and each must share with it a word found in at most this many points of both versions (the
 * point, its source and the source's successor): a party's name or "staff" recurs everywhere.
 */
const DISTINCTIVE_POINTS = 3;

type Side = 'before' | 'after';

/**
 * A new point can be made of two old points whose successors carry them on nearly whole: "support
 * during probation: new staff teach no more than 400 hours, instead of the normal cap of 550" takes
 * the probation of one old point and the teaching cap of another. No containment test sees it
 * (each source is explained by its own successor), so it would stay added. Here a point left over
 * is explained greedily by the linked points of the other version: the one that shares most with
 * it, then the one that shares most with what the first leaves. When the two explain a large part
 * of it, each clearly and through a word of their own, the point joins both, and their groups
 * become one restructuring. The same holds the other way, for an old point spread over two new
 * points that have other sources.
 */
export function joinBorrowingPoint(context: InferenceContext, links: LineageLinks): void {
  const pointsWith = new Map<string, number>();
  for (const point of [...context.before.features, ...context.after.features])
    for (const word of new Set(point.words)) pointsWith.set(word, (pointsWith.get(word) ?? 0) + 1);
  for (const side of ['after', 'before'] as const) {
    const mine = side === 'after' ? context.after.vectors : context.before.vectors;
    for (const [index, vector] of mine.entries()) {
      if (isLinked(links, side, index)) continue;
      const sources = borrowedFrom(context, links, { side, vector, pointsWith });
      for (const source of sources) {
        const [from, to] = side === 'after' ? [source, index] : [index, source];
        links.add({ from, to, score: context.similarity.cosine(from, to), evidence: 'containment' });
      }
    }
  }
}

// The two linked points of the other version the point is made of, or none.
function borrowedFrom(
  context: InferenceContext,
  links: LineageLinks,
  input: { side: Side; vector: TermVector; pointsWith: ReadonlyMap<string, number> },
): number[] {
  const { side, vector } = input;
  const mass = massOf(vector);
  const otherSide: Side = side === 'after' ? 'before' : 'after';
  const others = otherSide === 'before' ? context.before.vectors : context.after.vectors;
  // A point carried over word for word gave nothing away: what it shares with the point was already
  // shared in the old text (a dropped point that repeated two points kept as they were).
  const isSource = (index: number) =>
    isLinked(links, otherSide, index) && !links.isCarriedOver(index, otherSide);
  const first = largestShare(others, vector, isSource);
  if (mass === 0 || first === undefined) return [];
  const rest = residualOf(vector, [others[first.index] ?? new Map<string, number>()], 0);
  const second = largestShare(others, rest, (index) => index !== first.index && isSource(index));
  if (second === undefined || second.shared < SECOND_SHARE * mass) return [];
  if (first.shared + second.shared < EXPLAINED_SHARE * mass) return [];
  const isClearSource = (index: number) => {
    const source = others[index] ?? new Map<string, number>();
    if (cosine(vector, source) < SOURCE_COSINE) return false;
    return [...vector.keys()].some(
      (term) =>
        source.has(term) &&
        !term.includes(' ') &&
        (input.pointsWith.get(term) ?? Infinity) <= DISTINCTIVE_POINTS,
    );
  };
  return isClearSource(first.index) && isClearSource(second.index) ? [first.index, second.index] : [];
}

function largestShare(
  others: readonly TermVector[],
  vector: TermVector,
  isCandidate: (index: number) => boolean,
): { index: number; shared: number } | undefined {
  let best: { index: number; shared: number } | undefined;
  others.forEach((other, index) => {
    if (!isCandidate(index)) return;
    const shared = sharedMass(vector, other);
    if (shared > (best?.shared ?? 0)) best = { index, shared };
  });
  return best;
}

function isLinked(links: LineageLinks, side: Side, index: number): boolean {
  return (side === 'before' ? links.targetsOf(index) : links.sourcesOf(index)).length > 0;
}
