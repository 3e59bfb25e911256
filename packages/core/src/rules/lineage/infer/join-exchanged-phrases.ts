import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { groupOf } from './link-group';
import { coinedPhrases, isBacking } from './coined-phrases';
import { groupKey, isQuantity, isSource, phrasesOf, pointsWithTerm } from './phrase-terms';

// Thresholds, calibrated on testdata/lineage, lineage-dev and lineage-holdout (no false join on any).
/** A word pair counts when at most this many points of both versions hold it: the two sides and one more… */
const PHRASE_POINTS = 4;
/** …a single word only when it is rarer still (the two sides and one more). */
const WORD_POINTS = 3;
/** A trace backed by a coinage may be one point more common: two pieces of evidence agree on it. */
const BACKED_PHRASE_POINTS = 5;
/** Two single words make a trace; one is a coincidence ("less", "given", "three"). */
const MIN_WORDS = 2;

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
 * phrases travelled between them, or when a trace is backed by a phrase coined for both groups (see
 * coined-phrases.ts). Word pairs count only as a point writes them (not across its title's end),
 * and quantities never: "2028" or "three months" recur for unrelated reasons. Repeated until
 * nothing joins.
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
  const backedByGroups = new Map<string, Trace[]>();
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
      for (const words of tracesBetween(context, links, {
        from,
        to,
        pointsWith,
        phrasePoints: PHRASE_POINTS,
      }))
        traces.push({ from, to, words });
      byGroups.set(key, traces);
      const backed = backedByGroups.get(key) ?? [];
      for (const words of tracesBetween(context, links, {
        from,
        to,
        pointsWith,
        phrasePoints: BACKED_PHRASE_POINTS,
      }))
        backed.push({ from, to, words });
      backedByGroups.set(key, backed);
    }
  }
  const coined = coinedPhrases(context, links);
  const isApart = (first: Trace, second: { words: ReadonlySet<string> }) =>
    ![...first.words].some((word) => second.words.has(word));
  for (const traces of byGroups.values())
    for (const [index, first] of traces.entries())
      for (const second of traces.slice(index + 1)) if (isApart(first, second)) return [first, second];
  for (const [key, traces] of backedByGroups)
    for (const trace of traces)
      if (
        (coined.get(key) ?? []).some((coinage) => isBacking(links, coinage, trace) && isApart(trace, coinage))
      )
        return [trace];
  return undefined;
}

// The rare words of what the new point gained from the old one, and of what the old one lost to it.
function tracesBetween(
  context: InferenceContext,
  links: LineageLinks,
  input: { from: number; to: number; pointsWith: ReadonlyMap<string, number>; phrasePoints: number },
): ReadonlySet<string>[] {
  const { from, to, pointsWith, phrasePoints } = input;
  const old = context.before.vectors[from] ?? new Map<string, number>();
  const next = context.after.vectors[to] ?? new Map<string, number>();
  const gained = [...links.residualAfter(to, 0).keys()].filter((term) => old.has(term));
  const lost = [...links.residualBefore(from, 0).keys()].filter((term) => next.has(term));
  const beforePhrases = phrasesOf(context.before.features[from]);
  const afterPhrases = phrasesOf(context.after.features[to]);
  const isPhrase = (term: string) => beforePhrases.has(term) && afterPhrases.has(term);
  return [gained, lost].flatMap((terms) => {
    const words = traceWords(terms, { pointsWith, isPhrase, phrasePoints });
    return words === undefined ? [] : [words];
  });
}

// The words of a trace: those of its rare word pairs and rare words, when they make one.
function traceWords(
  terms: readonly string[],
  input: {
    pointsWith: ReadonlyMap<string, number>;
    isPhrase: (term: string) => boolean;
    phrasePoints: number;
  },
): Set<string> | undefined {
  const rare = terms.filter(
    (term) =>
      !isQuantity(term) &&
      (input.pointsWith.get(term) ?? Infinity) <= (term.includes(' ') ? input.phrasePoints : WORD_POINTS),
  );
  const words = new Set(rare.flatMap((term) => term.split(' ')));
  const hasPhrase = rare.some((term) => term.includes(' ') && input.isPhrase(term));
  return hasPhrase || rare.length >= MIN_WORDS ? words : undefined;
}
