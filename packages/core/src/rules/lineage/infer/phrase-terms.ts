import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { groupOf } from './link-group';
import type { PointFeatures } from './text-features';
import { draftingStem } from './drafting-synonyms';

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
// Terms are stems ("twenty" is "twenti"), so the words are stemmed as the texts' words are.
const NUMBER_WORD = new RegExp(
  `(^| )(${'two three four five six seven eight nine ten eleven twelve fifteen twenty thirty fifty hundred thousand'
    .split(' ')
    .map(draftingStem)
    .join('|')})( |$)`,
);

export function isQuantity(term: string): boolean {
  return /\d/.test(term) || NUMBER_WORD.test(term);
}

// How many points of both versions hold each term (words and word pairs).
export function pointsWithTerm(context: InferenceContext): Map<string, number> {
  const counts = new Map<string, number>();
  for (const vector of [...context.before.vectors, ...context.after.vectors])
    for (const term of vector.keys()) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** Each group's name (its first old point) for every linked point; undefined for a point not linked. */
export type GroupKeys = {
  readonly before: readonly (number | undefined)[];
  readonly after: readonly (number | undefined)[];
};

export function groupKeys(context: InferenceContext, links: LineageLinks): GroupKeys {
  const before: (number | undefined)[] = context.before.vectors.map(() => undefined);
  const after: (number | undefined)[] = context.after.vectors.map(() => undefined);
  for (const index of before.keys()) {
    if (before[index] !== undefined || links.targetsOf(index).length === 0) continue;
    const group = groupOf(links, { side: 'before', index });
    const key = Math.min(...group.olds);
    for (const old of group.olds) before[old] = key;
    for (const next of group.news) after[next] = key;
  }
  return { before, after };
}

/** The points of each version that hold each rare term (at most `atMost` points in all; no quantity). */
export function rareTermHolders(
  context: InferenceContext,
  input: { pointsWith: ReadonlyMap<string, number>; atMost: number },
): Map<string, { before: number[]; after: number[] }> {
  const holders = new Map<string, { before: number[]; after: number[] }>();
  for (const side of ['before', 'after'] as const)
    (side === 'before' ? context.before.vectors : context.after.vectors).forEach((vector, index) => {
      for (const term of vector.keys()) {
        // A term in one point alone is shared with nothing.
        const count = input.pointsWith.get(term) ?? 0;
        if (count < 2 || count > input.atMost || isQuantity(term)) continue;
        const entry = holders.get(term) ?? { before: [], after: [] };
        entry[side].push(index);
        holders.set(term, entry);
      }
    });
  return holders;
}
