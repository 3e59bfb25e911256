import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import type { groupOf } from './link-group';
import type { PointFeatures } from './text-features';

export type Side = 'before' | 'after';

/**
 * The word pairs that a point writes as such: within its title or within its text. "Failure to
 * fund." followed by "If a party…" makes the pair "fund party" across the title's end, which
 * "funded by the parties" elsewhere matches by chance.
 */
export function phrasesOf(point: PointFeatures | undefined): Set<string> {
  const phrases = new Set<string>();
  if (point === undefined) return phrases;
  const title = point.titleWords;
  const text = point.words.slice(title.length);
  for (const words of [title, text])
    words.forEach((word, index) => {
      const next = words[index + 1];
      if (next !== undefined) phrases.add(`${word} ${next}`);
    });
  return phrases;
}

// Spelled-out numbers are quantities too: "three months" recurs for unrelated reasons, as "2028" does.
const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty fifty hundred thousand'.split(
    ' ',
  ),
);

export function isQuantity(term: string): boolean {
  return /\d/.test(term) || term.split(' ').some((word) => NUMBER_WORDS.has(word));
}

// How many points of both versions hold each term (words and word pairs).
export function pointsWithTerm(context: InferenceContext): Map<string, number> {
  const counts = new Map<string, number>();
  for (const vector of [...context.before.vectors, ...context.after.vectors])
    for (const term of vector.keys()) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

// A linked point that was not carried over word for word (that one has nothing to give or take).
export function isSource(links: LineageLinks, side: Side, index: number): boolean {
  const linked = side === 'before' ? links.targetsOf(index) : links.sourcesOf(index);
  return linked.length > 0 && !links.isCarriedOver(index, side);
}

/** A group named by its first old point (groups of linked points always hold one). */
export function groupKey(group: ReturnType<typeof groupOf>): number {
  return Math.min(...group.olds);
}
