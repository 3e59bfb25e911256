import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { backingCoinage, coinedPhrases } from './coined-phrases';
import {
  groupKeys,
  isQuantity,
  phrasesOf,
  pointsWithTerm,
  rareTermHolders,
  type GroupKeys,
  type Side,
} from './phrase-terms';
import type { TermVector } from './term-vectors';

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
  const texts: Texts = {
    pointsWith,
    coined: coinedPhrases(context, pointsWith),
    holders: rareTermHolders(context, { pointsWith, atMost: BACKED_PHRASE_POINTS }),
    phrases: {
      before: context.before.features.map(phrasesOf),
      after: context.after.features.map(phrasesOf),
    },
  };
  for (;;) {
    const joined = exchangedTraces(context, links, texts);
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

/** What never changes while links are made: term counts, coinages, rare terms' holders, phrases. */
type Texts = {
  readonly pointsWith: ReadonlyMap<string, number>;
  readonly coined: ReadonlyMap<string, ReadonlySet<string>>;
  readonly holders: ReadonlyMap<string, { readonly before: number[]; readonly after: number[] }>;
  readonly phrases: { readonly before: readonly Set<string>[]; readonly after: readonly Set<string>[] };
};

// The first two disjoint traces between two groups (or one backed by a coinage), if any.
function exchangedTraces(
  context: InferenceContext,
  links: LineageLinks,
  texts: Texts,
): readonly Trace[] | undefined {
  const keys = groupKeys(context, links);
  const residuals = {
    before: context.before.vectors.map((_, index) => links.residualBefore(index, 0)),
    after: context.after.vectors.map((_, index) => links.residualAfter(index, 0)),
  };
  const byGroups = new Map<string, Trace[]>();
  const backed: Trace[] = [];
  for (const [from, to] of candidatePairs(links, { keys, residuals, holders: texts.holders })) {
    const key = [keys.before[from], keys.after[to]].sort((a, b) => (a ?? 0) - (b ?? 0)).join('|');
    const traces = byGroups.get(key) ?? [];
    const input = { from, to, texts, residuals };
    for (const words of tracesBetween(context, { ...input, phrasePoints: PHRASE_POINTS }))
      traces.push({ from, to, words });
    byGroups.set(key, traces);
    for (const words of tracesBetween(context, { ...input, phrasePoints: BACKED_PHRASE_POINTS }))
      backed.push({ from, to, words });
  }
  const isApart = (trace: Trace, words: ReadonlySet<string>) =>
    ![...trace.words].some((word) => words.has(word));
  for (const traces of byGroups.values())
    for (const [index, first] of traces.entries())
      for (const second of traces.slice(index + 1)) if (isApart(first, second.words)) return [first, second];
  for (const trace of backed)
    if (backingCoinage(texts.coined, links, trace).some((words) => isApart(trace, words))) return [trace];
  return undefined;
}

// Old and new points of different groups, neither carried over word for word, that share a rare
// term one of them holds unexplained: the only pairs a trace can join (in reading order).
function candidatePairs(
  links: LineageLinks,
  input: {
    keys: GroupKeys;
    residuals: { before: readonly TermVector[]; after: readonly TermVector[] };
    holders: Texts['holders'];
  },
): [number, number][] {
  const { keys, residuals, holders } = input;
  // A point carried over word for word has nothing to give or take (read once, not per pair).
  const carried = { before: new Set<number>(), after: new Set<number>() };
  for (const link of links.links)
    if (link.evidence === 'identical') {
      carried.before.add(link.from);
      carried.after.add(link.to);
    }
  const isSourceOf = (side: Side, index: number) =>
    (side === 'before' ? keys.before : keys.after)[index] !== undefined && !carried[side].has(index);
  const pairs = new Set<number>();
  const width = residuals.after.length;
  const consider = (from: number, to: number) => {
    if (keys.before[from] !== keys.after[to] && isSourceOf('before', from) && isSourceOf('after', to))
      pairs.add(from * width + to);
  };
  residuals.after.forEach((residual, to) => {
    for (const term of residual.keys())
      for (const from of holders.get(term)?.before ?? []) consider(from, to);
  });
  residuals.before.forEach((residual, from) => {
    for (const term of residual.keys()) for (const to of holders.get(term)?.after ?? []) consider(from, to);
  });
  return [...pairs].sort((a, b) => a - b).map((pair) => [Math.floor(pair / width), pair % width]);
}

// The rare words of what the new point gained from the old one, and of what the old one lost to it.
function tracesBetween(
  context: InferenceContext,
  input: {
    from: number;
    to: number;
    texts: Texts;
    residuals: { before: readonly TermVector[]; after: readonly TermVector[] };
    phrasePoints: number;
  },
): ReadonlySet<string>[] {
  const { from, to, texts, residuals, phrasePoints } = input;
  const old = context.before.vectors[from] ?? new Map<string, number>();
  const next = context.after.vectors[to] ?? new Map<string, number>();
  const gained = [...(residuals.after[to] ?? new Map<string, number>()).keys()].filter((term) =>
    old.has(term),
  );
  const lost = [...(residuals.before[from] ?? new Map<string, number>()).keys()].filter((term) =>
    next.has(term),
  );
  const isPhrase = (term: string) =>
    (texts.phrases.before[from]?.has(term) ?? false) && (texts.phrases.after[to]?.has(term) ?? false);
  return [gained, lost].flatMap((terms) => {
    const words = traceWords(terms, { pointsWith: texts.pointsWith, isPhrase, phrasePoints });
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
