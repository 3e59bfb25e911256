import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { massOf, sharedMass, type TermVector } from './term-vectors';

/** The point must resemble its closest counterpart clearly (a dropped point's best stays below)… */
const MIN_COSINE = 0.25;
/** …and a quarter of it must be in what that counterpart's links leave unexplained. */
const FOUND_IN_RESIDUAL = 0.25;

/**
 * A merge may gather points from far apart, even from another `##` section (a point folded into
 * one that sits elsewhere), and a split may send a part far away. Containment only grows groups
 * between neighbours, so such a point is left over. A point left over joins the linked point it
 * resembles most of all points when that resemblance is clear and a quarter of it is found in what
 * the linked point's own sources (or targets) leave unexplained: the words it brought. A dropped
 * point that resembles a point carried over nearly word for word finds nothing there and stays
 * dropped. The strongest join is made first, and residuals are read again after each.
 */
export function joinDistantGroup(context: InferenceContext, links: LineageLinks): void {
  for (;;) {
    const best = strongestJoin(context, links);
    if (best === undefined) return;
    links.add({ ...best, evidence: 'containment' });
  }
}

type Join = { from: number; to: number; score: number };

function strongestJoin(context: InferenceContext, links: LineageLinks): Join | undefined {
  const { cosine } = context.similarity;
  let best: Join | undefined;
  const consider = (join: Join, vector: TermVector, residual: () => TermVector) => {
    if (join.score < MIN_COSINE || (best !== undefined && join.score <= best.score)) return;
    const mass = massOf(vector);
    if (mass > 0 && sharedMass(vector, residual()) >= FOUND_IN_RESIDUAL * mass) best = join;
  };
  context.before.vectors.forEach((vector, from) => {
    if (links.targetsOf(from).length > 0) return;
    const to = closest(context.after.vectors.length, (index) => cosine(from, index));
    if (to === undefined || links.sourcesOf(to).length === 0) return;
    consider({ from, to, score: cosine(from, to) }, vector, () => links.residualAfter(to));
  });
  context.after.vectors.forEach((vector, to) => {
    if (links.sourcesOf(to).length > 0) return;
    const from = closest(context.before.vectors.length, (index) => cosine(index, to));
    if (from === undefined || links.targetsOf(from).length === 0) return;
    consider({ from, to, score: cosine(from, to) }, vector, () => links.residualBefore(from));
  });
  return best;
}

function closest(count: number, score: (index: number) => number): number | undefined {
  let best: number | undefined;
  let bestScore = 0;
  for (let index = 0; index < count; index += 1) {
    const value = score(index);
    if (value > bestScore) [best, bestScore] = [index, value];
  }
  return best;
}
