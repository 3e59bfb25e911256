import type { InferenceContext } from './lineage-types';
import type { LineageLinks } from './lineage-links';
import { isQuantity, type Side } from './phrase-terms';

/**
 * Word pairs that two points of one version share and the other version never uses, by the pair
 * of points (`side:a:b`, a < b) → the words of those pairs: "the landing declaration" coined for
 * two new points, or "n lessons a week less" gone from two old points at once. A term renamed all
 * over a text does it too ("movement cap" becoming "night quota"), so a coinage only backs a
 * trace, never joins alone. The texts never change, so this is computed once.
 */
export function coinedPhrases(
  context: InferenceContext,
  pointsWith: ReadonlyMap<string, number>,
): ReadonlyMap<string, ReadonlySet<string>> {
  const coined = new Map<string, Set<string>>();
  for (const side of ['before', 'after'] as const) {
    const mine = side === 'before' ? context.before.vectors : context.after.vectors;
    const holders = new Map<string, number[]>();
    for (const [index, vector] of mine.entries())
      for (const term of vector.keys())
        if ((pointsWith.get(term) ?? 0) >= 2 && term.includes(' ')) {
          const points = holders.get(term) ?? [];
          points.push(index);
          holders.set(term, points);
        }
    // Held by this version's points alone: the other version never uses it.
    for (const [term, points] of holders)
      if (points.length !== pointsWith.get(term) || isQuantity(term)) holders.delete(term);
    for (const [term, points] of holders)
      for (const [position, first] of points.entries())
        for (const second of points.slice(position + 1)) {
          const key = coinageKey(side, first, second);
          const words = coined.get(key) ?? new Set<string>();
          for (const word of term.split(' ')) words.add(word);
          coined.set(key, words);
        }
  }
  return coined;
}

/**
 * The coinage that backs a trace from old `from` to new `to`, if any: it ties the trace's own point
 * to a linked partner of its other end (the new point that took the phrase and the old point's
 * successor, both reworded in new terms; or the old point that gave it and the new point's other
 * source, both rid of the same old wording).
 */
export function backingCoinage(
  coined: ReadonlyMap<string, ReadonlySet<string>>,
  links: LineageLinks,
  trace: { readonly from: number; readonly to: number },
): ReadonlySet<string>[] {
  return [
    ...links.targetsOf(trace.from).map((partner) => coined.get(coinageKey('after', trace.to, partner))),
    ...links.sourcesOf(trace.to).map((partner) => coined.get(coinageKey('before', trace.from, partner))),
  ].filter((words) => words !== undefined);
}

function coinageKey(side: Side, a: number, b: number): string {
  return `${side}:${Math.min(a, b)}:${Math.max(a, b)}`;
}
