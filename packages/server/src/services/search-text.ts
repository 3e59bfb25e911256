/**
 * Word matching for negotiation search: case and accents are ignored ("Zaporizhzhia" finds
 * "ZAPORIZHZHIA", "Genève" finds "Geneve"), and a word matches where a word of the text starts, so
 * "guarantee" finds "guarantees" but "us" does not find "thus".
 */

/** A text folded for matching, and where each folded character came from in the original. */
type Folded = {
  readonly text: string;
  /** Where the original character of folded character `at` starts… */
  readonly origin: (at: number) => number;
  /** …and where it ends (a letter outside the basic plane is two UTF-16 units). */
  readonly originEnd: (at: number) => number;
};

/**
 * Case, accents and compatibility forms folded away (ｘ, 𝐱 → x; ß is written ss as often as not;
 * a final ς is a σ, which lower-casing a whole word would otherwise make of a Σ and a letter not).
 */
function foldLetters(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ς/g, 'σ');
}

/** Each character's fold, learnt once: a text has few distinct characters and many of each. */
const FOLDS = new Map<string, string>();
function foldCharacter(character: string): string {
  let folded = FOLDS.get(character);
  if (folded === undefined) {
    folded = foldLetters(character);
    // Bounded: a text of every character in Unicode must not grow it without end.
    if (FOLDS.size > 10_000) FOLDS.clear();
    FOLDS.set(character, folded);
  }
  return folded;
}

function fold(original: string): Folded {
  // Most text is plain ASCII: lower-casing keeps every character where it was.
  if (/^[\t\n\r -~]*$/.test(original))
    return { text: original.toLowerCase(), origin: (at) => at, originEnd: (at) => at + 1 };
  const units: string[] = [];
  const origin: number[] = [];
  const ends: number[] = [];
  // By code point, so a letter outside the basic plane (𝐱, mathematical bold) folds as one.
  let index = 0;
  for (const character of original) {
    const folded = foldCharacter(character);
    for (let unit = 0; unit < folded.length; unit++) {
      units.push(folded[unit] ?? '');
      origin.push(index);
      ends.push(index + character.length);
    }
    index += character.length;
  }
  return {
    text: units.join(''),
    origin: (at) => origin[at] ?? original.length,
    originEnd: (at) => ends[at] ?? original.length,
  };
}

/**
 * Where folded position `at` of the whole text's fold comes from in `original`: folding is
 * character by character (a final sigma aside, which folds to one letter either way), so the
 * folded lengths of the characters before it add up to `at`.
 */
function originalIndexOf(original: string, at: number): number {
  let foldedLength = 0;
  let index = 0;
  for (const character of original) {
    if (foldedLength >= at) return index;
    foldedLength += character.charCodeAt(0) < 0x80 ? 1 : foldCharacter(character).length;
    index += character.length;
  }
  return original.length;
}

const isWordCharacter = (character: string | undefined) =>
  character !== undefined && /[\p{L}\p{N}]/u.test(character);

/** The words of a query, folded, each once. */
export function searchTerms(query: string): string[] {
  return [...new Set(fold(query).text.split(/[^\p{L}\p{N}]+/u))].filter((term) => term.length > 0);
}

/** The first place `term` starts a word of the folded text, or -1. */
function firstWordStart(folded: string, term: string): number {
  for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1))
    if (!isWordCharacter(folded[at - 1])) return at;
  return -1;
}

/** Where each term starts a word in the folded text, as [start, end) ranges in the original. */
function occurrences(folded: Folded, original: string, term: string): [number, number][] {
  const found: [number, number][] = [];
  for (let at = folded.text.indexOf(term); at !== -1; at = folded.text.indexOf(term, at + 1)) {
    if (isWordCharacter(folded.text[at - 1])) continue;
    const start = folded.origin(at);
    const end = folded.originEnd(at + term.length - 1);
    found.push([start, Math.min(end, original.length)]);
  }
  return found;
}

export type SearchField = { readonly name: string; readonly text: string };
export type FieldMatch = {
  readonly field: string;
  readonly snippet: string;
  readonly highlights: [number, number][];
};

const SNIPPET_LENGTH = 220;

/**
 * Whether every term starts a word somewhere in the item's fields; if so, the passage of the field
 * that holds the most of them, cut at word boundaries, with each term marked in it.
 */
export function matchFields(
  fields: readonly SearchField[],
  terms: readonly string[],
): FieldMatch | undefined {
  if (terms.length === 0) return undefined;
  // Whether each term starts a word, and where first, by native calls over each field's fold: the
  // character-by-character fold that places matches in the original runs on the quoted passage
  // only, so a search costs about one fold of the texts it reads (a party's 100 kB notes held the
  // server for seconds). Most items hold none of the words and are set aside at the first check.
  const foldedFields = fields.map((field) => foldLetters(field.text));
  if (!terms.every((term) => foldedFields.some((folded) => folded.includes(term)))) return undefined;
  const perField = fields.map((field, index) => {
    const folded = foldedFields[index] ?? '';
    return { field, firsts: terms.map((term) => firstWordStart(folded, term)) };
  });
  if (!terms.every((_, term) => perField.some((entry) => entry.firsts[term]! !== -1))) return undefined;
  const termsIn = (entry: (typeof perField)[number]) => entry.firsts.filter((at) => at !== -1).length;
  const best = perField.reduce((chosen, entry) => (termsIn(entry) > termsIn(chosen) ? entry : chosen));
  const anchor = originalIndexOf(best.field.text, Math.min(...best.firsts.filter((at) => at !== -1)));
  // The passage and a margin either side; no match starts before the anchor, the earliest of all.
  const windowStart = Math.max(0, anchor - SNIPPET_LENGTH);
  const windowEnd = Math.min(best.field.text.length, anchor + 2 * SNIPPET_LENGTH);
  const window = best.field.text.slice(windowStart, windowEnd);
  const folded = fold(window);
  const ranges = terms
    .flatMap((term) => occurrences(folded, window, term))
    .map(([from, to]): [number, number] => [from + windowStart, to + windowStart])
    .filter(([from]) => from >= anchor);
  return snippetOf(best.field, ranges);
}

function snippetOf(field: SearchField, ranges: [number, number][]): FieldMatch {
  const { text } = field;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const first = sorted[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(SNIPPET_LENGTH / 3));
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  // Whole words at both ends: move inwards to the nearest space.
  if (start > 0)
    start = text.indexOf(' ', start) === -1 ? start : Math.min(first, text.indexOf(' ', start) + 1);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const snippet = `${prefix}${text.slice(start, end)}${suffix}`;
  const highlights = sorted
    .filter(([from, to]) => from >= start && to <= end)
    .map(([from, to]): [number, number] => [from - start + prefix.length, to - start + prefix.length]);
  return { field: field.name, snippet, highlights };
}
