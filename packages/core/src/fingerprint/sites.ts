import {
  LATEST_MARK_SCHEME,
  HEADING_CASES,
  HEADING_SEPARATORS,
  NUMBER_STYLES,
  PHRASE_VARIANTS,
  SPELLING_VARIANTS,
  TITLE_CASE_SMALL_WORDS,
  variedPhrases,
  type MarkScheme,
} from './equivalences';
import { scriptSites } from './script-sites';
import type { TextSite } from './text-site';

/** A point as the fingerprint sees it: a stable id, its number, heading and canonical text. */
export type FingerprintPoint = {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly text: string;
};

export type { TextSite } from './text-site';

/** The per-copy choices of headings: number style, capitalisation and separator. */
export const HEADING_CHOICES = {
  label: { id: 'copy:label', count: NUMBER_STYLES.length },
  case: { id: 'copy:case', count: HEADING_CASES.length },
  separator: { id: 'copy:separator', count: HEADING_SEPARATORS.length },
} as const;

/** One choice for the whole spelling table: British (and hyphenated) or American (and closed) forms. */
export const SPELLING_CHOICE = 'copy:spelling';
const SERIAL_CHOICE = 'copy:serial-comma';
const DASH_CHOICE = 'copy:dash';
const phraseChoice = (index: number) => `copy:phrase:${index}`;

const SPELLING_LOOKUP = new Map<string, readonly string[]>();
for (const pair of SPELLING_VARIANTS) for (const word of pair) SPELLING_LOOKUP.set(word, pair);

function matchCase(word: string, template: string): string {
  const first = template.charAt(0);
  return first === first.toUpperCase() && first !== first.toLowerCase()
    ? word.charAt(0).toUpperCase() + word.slice(1)
    : word;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PHRASE_PATTERNS = PHRASE_VARIANTS.map(
  (pair) => new RegExp(`\\b(?:${variedPhrases(pair).map(escape).join('|')})\\b`, 'gi'),
);

function spellingSites(text: string): TextSite[] {
  const sites: TextSite[] = [];
  for (const match of text.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*/g)) {
    // A capital after the first letter marks a name ("Treaty on the Non-Proliferation …"): names are never varied.
    if (/[A-Z]/.test(match[0].slice(1))) continue;
    const group = SPELLING_LOOKUP.get(match[0].toLowerCase());
    if (group === undefined) continue;
    const variants = group.map((word) => matchCase(word, match[0]));
    sites.push({
      choice: SPELLING_CHOICE,
      kind: 'spelling',
      start: match.index,
      end: match.index + match[0].length,
      variants,
    });
  }
  return sites;
}

function phraseSites(text: string): TextSite[] {
  const sites: TextSite[] = [];
  PHRASE_PATTERNS.forEach((pattern, index) => {
    const pair = PHRASE_VARIANTS[index] ?? ['', ''];
    for (const match of text.matchAll(pattern)) {
      sites.push({
        choice: phraseChoice(index),
        kind: 'phrase',
        start: match.index,
        end: match.index + match[0].length,
        variants: pair.map((phrase) => matchCase(phrase, match[0])),
      });
    }
  });
  return sites;
}

/**
 * Every approved variant site of `scheme` in a point's canonical text, in text order, without
 * overlaps. Scheme 2 adds sites only in Cyrillic, Hebrew and Arabic text, so an English point has
 * the same sites in both.
 */
export function findTextSites(point: FingerprintPoint, scheme: MarkScheme = LATEST_MARK_SCHEME): TextSite[] {
  const sites: TextSite[] = [
    ...spellingSites(point.text),
    ...phraseSites(point.text),
    ...(scheme >= 2 ? scriptSites(point.text) : []),
  ];
  // A serial comma only in lists of three capitalised single names ("Russia, Ukraine and Europe"),
  // where it cannot change which items are grouped.
  for (const match of point.text.matchAll(/\b[A-Z][\w-]+, [A-Z][\w-]+(,?) and [A-Z][\w-]+\b/g)) {
    const andAt = match.index + match[0].lastIndexOf(' and ');
    const start = andAt - (match[1] ?? '').length;
    sites.push({
      choice: SERIAL_CHOICE,
      kind: 'serial-comma',
      start,
      end: andAt + 5,
      variants: [' and ', ', and '],
    });
  }
  for (const match of point.text.matchAll(/(?<=[A-Za-z0-9])–(?=[A-Za-z0-9])/g)) {
    sites.push({
      choice: DASH_CHOICE,
      kind: 'dash',
      start: match.index,
      end: match.index + 1,
      variants: ['–', '-'],
    });
  }
  const ordered = sites.sort((a, b) => a.start - b.start || b.end - a.end);
  return ordered.filter((site, index) => ordered.slice(0, index).every((other) => other.end <= site.start));
}

function titleCase(title: string): string {
  return title.replace(/[A-Za-z][\w'-]*/g, (word, offset: number) =>
    offset > 0 && TITLE_CASE_SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
  );
}

/** A heading's style: indices into NUMBER_STYLES, HEADING_CASES and HEADING_SEPARATORS. */
export type HeadingStyle = { readonly label: number; readonly case: number; readonly separator: number };

/** The heading of a point in one style, e.g. `(7) Security Guarantees — `. */
export function formatHeading(point: FingerprintPoint, style: HeadingStyle): string {
  const headingCase = HEADING_CASES[style.case];
  const title =
    headingCase === 'title-case'
      ? titleCase(point.title)
      : headingCase === 'upper-case'
        ? point.title.toUpperCase()
        : point.title;
  const number = NUMBER_STYLES[style.label] ?? ((n: string) => `${n}.`);
  // No title (a plan pasted as plain text): the number then the text, never "(1) : Equitable…".
  if (title.trim() === '') return `${number(point.number)} `;
  return `${number(point.number)} ${title}${HEADING_SEPARATORS[style.separator] ?? ': '}`;
}

/** Every heading style, in a fixed order (label, then case, then separator). */
export const HEADING_STYLES: readonly HeadingStyle[] = NUMBER_STYLES.flatMap((_, label) =>
  HEADING_CASES.flatMap((__, headingCase) =>
    HEADING_SEPARATORS.map((___, separator) => ({ label, case: headingCase, separator })),
  ),
);

/** All heading variants of a point (number style × capitalisation × separator), one per style. */
export function headingVariants(point: FingerprintPoint): string[] {
  return HEADING_STYLES.map((style) => formatHeading(point, style));
}

/** The site id of an invisible mark between two words; it depends only on the local context. */
export function invisibleSiteId(previousWord: string, nextWord: string): string {
  return `zw:${previousWord.toLowerCase()}|${nextWord.toLowerCase()}`;
}
