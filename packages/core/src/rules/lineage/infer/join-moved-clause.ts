import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { groupOf } from './link-group';
import { massOf, sharedMass } from './term-vectors';
import { closestIndex } from './closest-index';

/** The two points must clearly resemble each other as wholes (as for a distant join)… */
const CLEAR_COSINE = 0.2;
/** …and what the old point lost, of the words the new text still holds, must mostly be in the new point… */
const TAKEN_SHARE = 0.5;
/**
 * …among them a word found in at most this many points of both versions: the old point, the new
 * one and one more (the word may recur in the group's other point). "Agree" or "party" recurs all
 * over a negotiation text and says nothing about where a clause went.
 */
const DISTINCTIVE_POINTS = 3;

/**
 * A restructuring can be held together by one clause that left its point reworded: a rosters
 * point kept all but "a published roster may only be changed with consent", which the first part
 * of the next point's split (overtime) now carries. Earlier steps read such a clause as too small
 * a part of either point, so the two groups come out as an amendment and a split side by side. Here an old
 * point and a new point in two groups next to each other join them into one restructuring when
 *
 * - each is the other's closest point outside its own group, and the two clearly resemble each
 *   other as wholes: TF-IDF weighs rare words, so vocabulary every neighbour shares ("party",
 *   "report") does not make two clauses alike;
 * - what the old point's links leave unexplained and what the new point's links leave unexplained
 *   share a distinctive word (found in at most three points), not only word pairs or common words:
 *   the clause that moved;
 * - of the words the old point lost that still occur somewhere in the new text, the new point's
 *   unexplained part holds at least half: the clause went there and nowhere else. Words dropped
 *   altogether say nothing, as a paraphrase drops them too.
 *
 * Only points already in groups are read, so a dropped or added point is never pulled in, and
 * the groups must touch (their points sit next to each other in either version): a clause does
 * not travel across the text to bind a restructuring.
 */
export function joinMovedClause(context: InferenceContext, links: LineageLinks): void {
  const newTerms = new Set(context.after.vectors.flatMap((vector) => [...vector.keys()]));
  const pointsWith = pointsWithWord(context);
  // A number is no clause: a year that leaves the duration for the pay rise moves nothing.
  const isDistinctive = (term: string) =>
    !/\d/.test(term) && (pointsWith.get(term) ?? Infinity) <= DISTINCTIVE_POINTS;
  for (let joined = true; joined;) {
    joined = false;
    for (const from of context.before.vectors.keys()) {
      const to = movedClauseTarget(context, links, { from, newTerms, isDistinctive });
      if (to === undefined) continue;
      links.add({ from, to, score: context.similarity.cosine(from, to), evidence: 'containment' });
      joined = true;
    }
  }
}

function movedClauseTarget(
  context: InferenceContext,
  links: LineageLinks,
  input: { from: number; newTerms: ReadonlySet<string>; isDistinctive: (term: string) => boolean },
): number | undefined {
  const { from } = input;
  const { cosine } = context.similarity;
  if (links.targetsOf(from).length === 0) return undefined;
  const group = groupOf(links, { side: 'before', index: from });
  const to = closestIndex(context.after.vectors.length, (index) =>
    group.news.has(index) ? 0 : cosine(from, index),
  );
  if (to === undefined || links.sourcesOf(to).length === 0 || cosine(from, to) < CLEAR_COSINE)
    return undefined;
  const other = groupOf(links, { side: 'after', index: to });
  const back = closestIndex(context.before.vectors.length, (index) =>
    other.olds.has(index) ? 0 : cosine(index, to),
  );
  if (back !== from || !areNextToEachOther(group, other)) return undefined;
  const lost = links.residualBefore(from, 0);
  const unexplained = links.residualAfter(to, 0);
  if (![...lost.keys()].some((term) => input.isDistinctive(term) && unexplained.has(term))) return undefined;
  const stillHeld = new Map([...lost].filter(([term]) => input.newTerms.has(term)));
  const held = massOf(stillHeld);
  return held > 0 && sharedMass(lost, unexplained) >= TAKEN_SHARE * held ? to : undefined;
}

// How many points of both versions hold each word (word pairs are not counted: never distinctive).
function pointsWithWord(context: InferenceContext): Map<string, number> {
  const counts = new Map<string, number>();
  for (const point of [...context.before.features, ...context.after.features])
    for (const word of new Set(point.words)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

type Group = { olds: ReadonlySet<number>; news: ReadonlySet<number> };

function areNextToEachOther(a: Group, b: Group): boolean {
  const touch = (left: ReadonlySet<number>, right: ReadonlySet<number>) =>
    [...left].some((index) => right.has(index - 1) || right.has(index + 1));
  return touch(a.olds, b.olds) || touch(a.news, b.news);
}
