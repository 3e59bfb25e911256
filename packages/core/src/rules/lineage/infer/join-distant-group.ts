import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { massOf, sharedMass, type TermVector } from './term-vectors';
import { closestIndex } from './closest-index';

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
  // The closest point never changes (whole points are compared); only links and residuals do.
  const candidates = closestPairs(context, links).sort((a, b) => b.score - a.score);
  const residuals = new Map<string, TermVector>();
  const residualOf = (candidate: Candidate) => {
    const key = candidate.side === 'before' ? `after ${candidate.to}` : `before ${candidate.from}`;
    const found = residuals.get(key);
    if (found !== undefined) return found;
    const made =
      candidate.side === 'before' ? links.residualAfter(candidate.to) : links.residualBefore(candidate.from);
    residuals.set(key, made);
    return made;
  };
  for (let joined = true; joined;) {
    joined = false;
    for (const candidate of candidates) {
      if (!isJoinable(candidate, links)) continue;
      const vector =
        candidate.side === 'before'
          ? context.before.vectors[candidate.from]
          : context.after.vectors[candidate.to];
      const mass = vector === undefined ? 0 : massOf(vector);
      if (
        vector === undefined ||
        mass === 0 ||
        sharedMass(vector, residualOf(candidate)) < FOUND_IN_RESIDUAL * mass
      )
        continue;
      links.add({ from: candidate.from, to: candidate.to, score: candidate.score, evidence: 'containment' });
      residuals.delete(`after ${candidate.to}`);
      residuals.delete(`before ${candidate.from}`);
      joined = true;
      break;
    }
  }
}

/** A point left over (`side`) and the point of the other side it resembles most. */
type Candidate = { from: number; to: number; score: number; side: 'before' | 'after' };

// Still left over, and its closest point already in a group.
function isJoinable(candidate: Candidate, links: LineageLinks): boolean {
  return candidate.side === 'before'
    ? links.targetsOf(candidate.from).length === 0 && links.sourcesOf(candidate.to).length > 0
    : links.sourcesOf(candidate.to).length === 0 && links.targetsOf(candidate.from).length > 0;
}

function closestPairs(context: InferenceContext, links: LineageLinks): Candidate[] {
  const { cosine } = context.similarity;
  const candidates: Candidate[] = [];
  context.before.vectors.forEach((_, from) => {
    if (links.targetsOf(from).length > 0) return;
    const to = closestIndex(context.after.vectors.length, (index) => cosine(from, index));
    if (to !== undefined && cosine(from, to) >= MIN_COSINE)
      candidates.push({ from, to, score: cosine(from, to), side: 'before' });
  });
  context.after.vectors.forEach((_, to) => {
    if (links.sourcesOf(to).length > 0) return;
    const from = closestIndex(context.before.vectors.length, (index) => cosine(index, to));
    if (from !== undefined && cosine(from, to) >= MIN_COSINE)
      candidates.push({ from, to, score: cosine(from, to), side: 'after' });
  });
  return candidates;
}
