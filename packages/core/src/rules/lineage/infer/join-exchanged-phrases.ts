import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { groupOf } from './link-group';

// Thresholds, calibrated on testdata/lineage, lineage-dev and lineage-holdout (no false join on any).
/** A word pair counts when at most this many points of both versions hold it: the two sides and one more… */
const PHRASE_POINTS = 4;
/** …a single word only when it is rarer still (the two sides and one more). */
const WORD_POINTS = 3;
/** Two single words make a trace; one is a coincidence ("less", "given", "three"). */
const MIN_WORDS = 2;

type Side = 'before' | 'after';
type Group = ReturnType<typeof groupOf>;

/** One trace: a rare phrase that old point `from` holds and new point `to` holds unexplained (or the reverse). */
type Trace = { readonly from: number; readonly to: number; readonly words: ReadonlySet<string> };

/**
 * A restructuring redistributes phrases, and the text keeps the phrases it moves even when it
 * rewrites everything around them: "real-time position data" leaves the data point for the
 * equipment point while "the ticket machine data" goes the other way; "the sectoral support" and
 * "the joint stock assessment" both reach the observers point. Earlier steps weigh whole points
 * or clauses, and a phrase is too small a part of either to count. Here a trace is a rare word
 * pair (or two rare words) that a new point holds and its own old points do not explain, found in
 * an old point of another group, or one that an old point's own new points lost, found in a new
 * point of another group. One trace is a coincidence ("pro rata", "million euros"); two groups
 * become one restructuring when two traces with no word in common link them, so that two separate
 * phrases travelled between them. Repeated until nothing joins.
 */
export function joinExchangedPhrases(context: InferenceContext, links: LineageLinks): void {
  const pointsWith = pointsWithTerm(context);
  for (;;) {
    const joined = exchangedTraces(context, links, pointsWith);
    if (joined === undefined) return;
    for (const trace of joined)
      if (!links.isLinked(trace.from, trace.to))
        links.add({
          from: trace.from,
          to: trace.to,
          score: context.similarity.cosine(trace.from, trace.to),
          evidence: 'containment',
        });
  }
}

// The first two disjoint traces between two groups, or undefined when no two groups have them.
function exchangedTraces(
  context: InferenceContext,
  links: LineageLinks,
  pointsWith: ReadonlyMap<string, number>,
): readonly Trace[] | undefined {
  const byGroups = new Map<string, Trace[]>();
  for (const from of context.before.vectors.keys()) {
    if (!isSource(links, 'before', from)) continue;
    const group = groupOf(links, { side: 'before', index: from });
    for (const to of context.after.vectors.keys()) {
      if (group.news.has(to) || !isSource(links, 'after', to)) continue;
      // Traces either way between the same two groups add up.
      const key = [groupKey(group), groupKey(groupOf(links, { side: 'after', index: to }))]
        .sort((a, b) => a - b)
        .join('|');
      const traces = byGroups.get(key) ?? [];
      for (const words of tracesBetween(context, links, { from, to, pointsWith }))
        traces.push({ from, to, words });
      byGroups.set(key, traces);
    }
  }
  for (const traces of byGroups.values())
    for (const [index, first] of traces.entries())
      for (const second of traces.slice(index + 1))
        if (![...first.words].some((word) => second.words.has(word))) return [first, second];
  return undefined;
}

// The rare words of what the new point gained from the old one, and of what the old one lost to it.
function tracesBetween(
  context: InferenceContext,
  links: LineageLinks,
  input: { from: number; to: number; pointsWith: ReadonlyMap<string, number> },
): ReadonlySet<string>[] {
  const { from, to, pointsWith } = input;
  const old = context.before.vectors[from] ?? new Map<string, number>();
  const next = context.after.vectors[to] ?? new Map<string, number>();
  const gained = [...links.residualAfter(to, 0).keys()].filter((term) => old.has(term));
  const lost = [...links.residualBefore(from, 0).keys()].filter((term) => next.has(term));
  return [gained, lost].flatMap((terms) => {
    const words = traceWords(terms, pointsWith);
    return words === undefined ? [] : [words];
  });
}

// The words of a trace: those of its rare word pairs and rare words, when they make one.
function traceWords(
  terms: readonly string[],
  pointsWith: ReadonlyMap<string, number>,
): Set<string> | undefined {
  const rare = terms.filter(
    (term) =>
      !/\d/.test(term) &&
      (pointsWith.get(term) ?? Infinity) <= (term.includes(' ') ? PHRASE_POINTS : WORD_POINTS),
  );
  const words = new Set(rare.flatMap((term) => term.split(' ')));
  const hasPhrase = rare.some(
    (term) =>
      term.includes(' ') &&
      term.split(' ').some((word) => (pointsWith.get(word) ?? Infinity) <= PHRASE_POINTS),
  );
  return hasPhrase || rare.length >= MIN_WORDS ? words : undefined;
}

// How many points of both versions hold each term (words and word pairs).
function pointsWithTerm(context: InferenceContext): Map<string, number> {
  const counts = new Map<string, number>();
  for (const vector of [...context.before.vectors, ...context.after.vectors])
    for (const term of vector.keys()) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

// A linked point that was not carried over word for word (that one has nothing to give or take).
function isSource(links: LineageLinks, side: Side, index: number): boolean {
  const linked = side === 'before' ? links.targetsOf(index) : links.sourcesOf(index);
  return linked.length > 0 && !links.isCarriedOver(index, side);
}

function groupKey(group: Group): number {
  return Math.min(...group.olds);
}
