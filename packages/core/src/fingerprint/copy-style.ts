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

function indexOfStyle(style: HeadingStyle): number {
  return HEADING_STYLES.findIndex(
    (candidate) =>
      candidate.label === style.label &&
      candidate.case === style.case &&
      candidate.separator === style.separator,
  );
}

/** The index of a key's heading style in HEADING_STYLES (the variant index of a heading site). */
export function headingStyleIndex(key: string): number {
  return indexOfStyle(headingStyleOf(key));
}

/** The style of unmarked text (`7. Title: …`, as the app shows a plan): never given to a recipient. */
export const CANONICAL_HEADING_STYLE = 0;

/**
 * The number style of unmarked text (`7.`). A document without titles (a transcript, a plan pasted
 * as plain text) shows only the number of each heading, so a copy numbered this way would look like
 * text copied from the app whatever its case and separator: no copy is given it.
 */
export const CANONICAL_LABEL = HEADING_STYLES[CANONICAL_HEADING_STYLE]?.label ?? 0;

/** Every number style, by index. */
const HEADING_CHOICES_LABELS = Array.from({ length: HEADING_CHOICES.label.count }, (_, label) => label);

function labelsLastUsed(keys: readonly string[]): Map<number, number> {
  const lastUsed = new Map<number, number>();
  keys.forEach((key, position) => lastUsed.set(headingStyleOf(key).label, position));
  return lastUsed;
}

/**
 * Whether a key chosen against `chosenAgainst` (the copies' keys then, oldest first) is still the
 * choice now that `committed` holds: its number style is still one used least recently, and no copy
 * committed since has its heading style. Asked where the copy is committed, since copies made at
 * the same moment choose alike.
 */
export function keyStillFits(input: {
  readonly key: string;
  readonly chosenAgainst: readonly string[];
  readonly committed: readonly string[];
}): boolean {
  const lastUsed = labelsLastUsed(input.committed.filter((other) => other !== input.key));
  const own = lastUsed.get(headingStyleOf(input.key).label) ?? -1;
  const leastRecent = HEADING_CHOICES_LABELS.every(
    (label) => label === CANONICAL_LABEL || (lastUsed.get(label) ?? -1) >= own,
  );
  const earlier = new Set(input.chosenAgainst);
  const style = headingStyleIndex(input.key);
  return (
    leastRecent &&
    !input.committed.some(
      (other) => !earlier.has(other) && other !== input.key && headingStyleIndex(other) === style,
    )
  );
}

/**
 * Picks the key for a new copy among fresh random `candidates`, given the negotiation's earlier
 * copies (`existingKeys`, oldest first): the number style used least recently, then within it the
 * heading style used least recently (never used first). Consecutive copies (a mediator sending one
 * version to every delegation) thus get different number styles, five in a row, and so differ even
 * in a short excerpt of an untitled transcript; and up to 45 copies get pairwise different heading
 * styles, which keeps an innocent recipient's style out of two colluders' merged copy.
 */
export function chooseFingerprintKey(input: {
  readonly candidates: readonly string[];
  readonly existingKeys: readonly string[];
}): string {
  const labelLastUsed = labelsLastUsed(input.existingKeys);
  const styleLastUsed = new Map<number, number>();
  input.existingKeys.forEach((key, position) => styleLastUsed.set(headingStyleIndex(key), position));
  // The number style alone first: a keyed choice is an HMAC, and most candidates are out by it.
  const labelOf = (key: string) => keyedChoice(key, HEADING_CHOICES.label.id, HEADING_CHOICES.label.count);
  const labelled = input.candidates
    .map((key) => ({ key, label: labelOf(key) }))
    .filter((candidate) => candidate.label !== CANONICAL_LABEL);
  const lastUse = (candidate: { label: number }) => labelLastUsed.get(candidate.label) ?? -1;
  const wanted = Math.min(...labelled.map(lastUse));
  let best = labelled.find((candidate) => lastUse(candidate) === wanted)?.key ?? input.candidates[0] ?? '';
  let bestStyleUse = Number.POSITIVE_INFINITY;
  for (const candidate of labelled) {
    if (lastUse(candidate) !== wanted) continue;
    const styleUse = styleLastUsed.get(headingStyleIndex(candidate.key)) ?? -1;
    if (styleUse < bestStyleUse) [best, bestStyleUse] = [candidate.key, styleUse];
  }
  return best;
}
