import { keyedChoice } from './sha256';
import { HEADING_CHOICES, HEADING_STYLES, type HeadingStyle } from './sites';

/** The heading style a recipient's key picks for the whole copy. */
export function headingStyleOf(key: string): HeadingStyle {
  return {
    label: keyedChoice(key, HEADING_CHOICES.label.id, HEADING_CHOICES.label.count),
    case: keyedChoice(key, HEADING_CHOICES.case.id, HEADING_CHOICES.case.count),
    separator: keyedChoice(key, HEADING_CHOICES.separator.id, HEADING_CHOICES.separator.count),
  };
}

/** The index of a key's heading style in HEADING_STYLES (the variant index of a heading site). */
export function headingStyleIndex(key: string): number {
  const style = headingStyleOf(key);
  return HEADING_STYLES.findIndex(
    (candidate) =>
      candidate.label === style.label &&
      candidate.case === style.case &&
      candidate.separator === style.separator,
  );
}

/** How many of `keys` give their copies the heading style of `key`. */
export function headingStyleUses(key: string, keys: readonly string[]): number {
  const style = headingStyleIndex(key);
  return keys.filter((other) => headingStyleIndex(other) === style).length;
}

/** The style of unmarked text (`7. Title: …`, as the app shows a plan): never given to a recipient. */
export const CANONICAL_HEADING_STYLE = 0;

/**
 * Picks the key for a new copy among fresh random `candidates`: the first whose heading style no
 * earlier copy (`existingKeys`) has, else the one whose style is used least; never the canonical
 * style, so text copied from the app is not mistaken for someone's copy. Assigning distinct
 * styles, instead of leaving it to chance, is what keeps two recipients' copies apart even in a
 * short excerpt, and keeps an innocent recipient's style out of two colluders' merged copy.
 */
export function chooseFingerprintKey(input: {
  readonly candidates: readonly string[];
  readonly existingKeys: readonly string[];
}): string {
  const used = new Map<number, number>();
  for (const key of input.existingKeys) {
    const index = headingStyleIndex(key);
    used.set(index, (used.get(index) ?? 0) + 1);
  }
  let best = input.candidates[0] ?? '';
  let bestUse = Number.POSITIVE_INFINITY;
  for (const candidate of input.candidates) {
    const style = headingStyleIndex(candidate);
    if (style === CANONICAL_HEADING_STYLE) continue;
    const use = used.get(style) ?? 0;
    if (use < bestUse) [best, bestUse] = [candidate, use];
    if (use === 0) break;
  }
  return best;
}
