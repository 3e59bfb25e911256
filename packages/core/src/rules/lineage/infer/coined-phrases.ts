import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { groupOf } from './link-group';
import { groupKey, isQuantity, isSource, type Side } from './phrase-terms';

/** A word pair two points of one version share and the other version never uses. */
export type Coinage = {
  readonly side: Side;
  readonly points: readonly [number, number];
  readonly words: ReadonlySet<string>;
};

/**
 * Word pairs that two points of one version share and the other version never uses, by the two
 * points' groups: "the landing declaration" coined for two new points, or "n lessons a week less"
 * gone from two old points at once. A term renamed all over a text does it too ("movement cap"
 * becoming "night quota"), so a coinage only backs a trace, never joins alone.
 */
export function coinedPhrases(context: InferenceContext, links: LineageLinks): Map<string, Coinage[]> {
  const byGroups = new Map<string, Coinage[]>();
  for (const side of ['before', 'after'] as const) {
    const mine = side === 'before' ? context.before.vectors : context.after.vectors;
    const theirs = side === 'before' ? context.after.vectors : context.before.vectors;
    const used = new Set(theirs.flatMap((vector) => [...vector.keys()]));
    for (const [first, vector] of mine.entries()) {
      if (!isSource(links, side, first)) continue;
      const group = groupOf(links, { side, index: first });
      for (const [second, other] of mine.entries()) {
        if (second <= first || !isSource(links, side, second)) continue;
        const otherGroup = groupOf(links, { side, index: second });
        if (groupKey(otherGroup) === groupKey(group)) continue;
        const phrases = [...vector.keys()].filter(
          (term) => term.includes(' ') && !isQuantity(term) && other.has(term) && !used.has(term),
        );
        if (phrases.length === 0) continue;
        const key = [groupKey(group), groupKey(otherGroup)].sort((a, b) => a - b).join('|');
        const units = byGroups.get(key) ?? [];
        units.push({
          side,
          points: [first, second],
          words: new Set(phrases.flatMap((term) => term.split(' '))),
        });
        byGroups.set(key, units);
      }
    }
  }
  return byGroups;
}

// A coinage backs a trace when it ties the trace's own point to a linked partner of its other end:
// the new point that took the phrase and the old point's successor, both reworded in new terms.
export function isBacking(
  links: LineageLinks,
  coinage: Coinage,
  trace: { readonly from: number; readonly to: number },
): boolean {
  const [a, b] = coinage.points;
  const pairs: readonly (readonly [number, readonly number[]])[] =
    coinage.side === 'after'
      ? [[trace.to, links.targetsOf(trace.from)]]
      : [[trace.from, links.sourcesOf(trace.to)]];
  return pairs.some(
    ([own, partners]) => (own === a && partners.includes(b)) || (own === b && partners.includes(a)),
  );
}
