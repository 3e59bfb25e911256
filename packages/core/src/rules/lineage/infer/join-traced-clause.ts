import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { groupOf } from './link-group';
import { closestClauses } from './closest-clauses';
import { massOf, sharedMass, type TermVector } from './term-vectors';

// Thresholds, calibrated on the fixtures in testdata/lineage (see the README there).
/** The clause must be a fair part of the point it sits in: a short qualifier binds nothing… */
const CLAUSE_SHARE = 0.25;
/** …it must clearly resemble one clause of the other point (stemmed words, weighted by rarity)… */
const CLAUSE_COSINE = 0.28;
/** …the words the two clauses share must be a fair part of that other point… */
const FLOW_SHARE = 0.15;
/**
 * …and the other point must have a quarter of itself left that its own links do not explain. A
 * point carried over nearly whole into its own successor gives nothing away: a new clause that
 * echoes it ("use above the licensed number of users") borrows a phrase, it does not move a clause.
 */
const LEFT_TO_GIVE = 0.25;

/**
 * One word in common ("follows" and "the following year") is a coincidence, not a clause; nor are
 * numbers, which recur for unrelated reasons (a day of the month and a point named P1).
 */
const MIN_SHARED_WORDS = 2;

/**
 * …among them one found in at most this many points of both versions (the clause's point, its
 * source and one more): "party", "stocks" or the parties' names recur all over a text and say
 * nothing about where a clause came from, as in join-moved-clause. Only points outside the two
 * groups count against the word (at most one of them, as before): a word that a restructuring
 * repeats in all its points ("the deposit", "the unitisation agreement") marks what they share,
 * however many they are.
 */
const DISTINCTIVE_POINTS = 3;

type Side = 'before' | 'after';
type Group = ReturnType<typeof groupOf>;

/**
 * A restructuring redistributes clauses: old points 9, 10 and 13 become new 9, 10 and 13, each new
 * point keeping most of its predecessor and taking one clause from another. Earlier steps link
 * each new point to its closest old one and see amendments side by side. Here every clause of a
 * point already linked is traced to the clause most like it among all points of the other version;
 * when that clause lies in another group (not carried over word for word), the two groups become
 * one. The link needs substantial evidence on both sides (see the thresholds above), so a phrase
 * two neighbours share does not bind them. Repeated until nothing joins: a 3 → 3 restructuring is
 * joined one clause at a time.
 */
export function joinTracedClause(context: InferenceContext, links: LineageLinks): void {
  const clauses = clauseVectors(context);
  const found = (side: Side) => {
    const mine = side === 'before' ? clauses.before : clauses.after;
    for (const [index, point] of mine.entries()) {
      const other = tracedPoint(context, links, { side, index, point, clauses });
      if (other === undefined) continue;
      const [from, to] = side === 'before' ? [index, other] : [other, index];
      links.add({ from, to, score: context.similarity.cosine(from, to), evidence: 'containment' });
      return true;
    }
    return false;
  };
  while (found('after') || found('before'));
}

type Traced = { readonly point: number; readonly clause: TermVector; readonly cosine: number };
type PointClauses = {
  readonly clauses: readonly TermVector[];
  readonly mass: number;
  /** For each clause, the most similar clause of the other version (whole texts: never changes). */
  readonly closest: readonly (Traced | undefined)[];
};
type Clauses = {
  readonly before: readonly PointClauses[];
  readonly after: readonly PointClauses[];
  /** How many points of both versions hold each word. */
  readonly pointsWith: ReadonlyMap<string, number>;
};

// The point of the other side that one of this point's clauses came from (or went to), if any.
function tracedPoint(
  context: InferenceContext,
  links: LineageLinks,
  input: { side: Side; index: number; point: PointClauses; clauses: Clauses },
): number | undefined {
  const { side, index, point } = input;
  if (!isLinked(links, side, index) || leftShare(context, links, { side, index }) === 0) return undefined;
  const group = groupOf(links, { side, index });
  const others = side === 'before' ? input.clauses.after : input.clauses.before;
  const otherSide: Side = side === 'before' ? 'after' : 'before';
  for (const [position, clause] of point.clauses.entries()) {
    if (point.mass === 0 || massOf(clause) < CLAUSE_SHARE * point.mass) continue;
    const best = point.closest[position];
    if (best === undefined || best.cosine < CLAUSE_COSINE) continue;
    const isInGroup = (otherSide === 'before' ? group.olds : group.news).has(best.point);
    if (isInGroup || !isLinked(links, otherSide, best.point)) continue;
    const otherMass = others[best.point]?.mass ?? 0;
    if (otherMass === 0 || sharedMass(clause, best.clause) < FLOW_SHARE * otherMass) continue;
    const shared = [...clause.keys()].filter((term) => best.clause.has(term));
    if (shared.filter(isWord).length < MIN_SHARED_WORDS) continue;
    const otherGroup = groupOf(links, { side: otherSide, index: best.point });
    const isDistinctive = (term: string) =>
      (input.clauses.pointsWith.get(term) ?? Infinity) - pointsHolding(context, [group, otherGroup], term) <=
      DISTINCTIVE_POINTS - 2;
    if (!shared.some(isDistinctive)) continue;
    if (leftShare(context, links, { side: otherSide, index: best.point }) >= LEFT_TO_GIVE) return best.point;
  }
  return undefined;
}

/**
 * For each clause of `points`, the most similar clause among all of `others` (the first on a tie,
 * none when it shares no word with any), found through closestClauses' inverted index: comparing
 * every clause with every other took half of a 200-point inference (issue #11's benchmark).
 */
function closestOfEach(
  points: readonly { clauses: readonly TermVector[] }[],
  others: readonly { clauses: readonly TermVector[] }[],
): (Traced | undefined)[][] {
  const theirs = others.flatMap((point, index) => point.clauses.map((clause) => ({ point: index, clause })));
  const { forward } = closestClauses(
    points.flatMap((point) => point.clauses),
    theirs.map(({ clause }) => clause),
  );
  let at = 0;
  return points.map((point) =>
    point.clauses.map(() => {
      const best = forward[at++];
      const hit = best === undefined ? undefined : theirs[best.index];
      return best === undefined || hit === undefined
        ? undefined
        : { point: hit.point, clause: hit.clause, cosine: best.similarity };
    }),
  );
}

// How many points of the given groups hold the term (the groups are disjoint).
function pointsHolding(context: InferenceContext, groups: readonly Group[], term: string): number {
  let count = 0;
  for (const { olds, news } of groups) {
    for (const index of olds) if (context.before.features[index]?.words.includes(term)) count += 1;
    for (const index of news) if (context.after.features[index]?.words.includes(term)) count += 1;
  }
  return count;
}

function isWord(term: string): boolean {
  return !/\d/.test(term);
}

function isLinked(links: LineageLinks, side: Side, index: number): boolean {
  return (side === 'before' ? links.targetsOf(index) : links.sourcesOf(index)).length > 0;
}

// The share of a point that its links leave unexplained (0 for a point carried over word for word).
function leftShare(
  context: InferenceContext,
  links: LineageLinks,
  { side, index }: { side: Side; index: number },
): number {
  const whole = (side === 'before' ? context.before.vectors : context.after.vectors)[index];
  const mass = whole === undefined ? 0 : massOf(whole);
  if (mass === 0) return 0;
  const left = side === 'before' ? links.residualBefore(index, 0) : links.residualAfter(index, 0);
  return massOf(left) / mass;
}

// Clause vectors weigh words as the points' vectors do (rare words count most), words alone: a
// clause is too short for its word pairs to survive a paraphrase. A point's mass counts its title.
function clauseVectors(context: InferenceContext): Clauses {
  const points = [...context.before.features, ...context.after.features];
  const documentFrequency = new Map<string, number>();
  for (const point of points)
    for (const word of new Set(point.words))
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const vectorOf = (words: readonly string[]) => {
    const vector = new Map<string, number>();
    for (const word of words) {
      const weight = Math.log(1 + points.length / (documentFrequency.get(word) ?? 1));
      vector.set(word, (vector.get(word) ?? 0) + weight);
    }
    return vector;
  };
  const side = (features: InferenceContext['before']['features']) =>
    features.map((point) => ({ clauses: point.clauses.map(vectorOf), mass: massOf(vectorOf(point.words)) }));
  const before = side(context.before.features);
  const after = side(context.after.features);
  const traced = (points: typeof before, others: typeof before) => {
    const closest = closestOfEach(points, others);
    return points.map((point, index) => ({ ...point, closest: closest[index] ?? [] }));
  };
  return { before: traced(before, after), after: traced(after, before), pointsWith: documentFrequency };
}
