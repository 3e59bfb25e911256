import {
  CHANNEL_ERROR,
  INVISIBLE_MARKS,
  LATEST_MARK_SCHEME,
  type ChannelKind,
  type MarkScheme,
} from './equivalences';
import { approximateMatchDistance, approximateMatchEnd } from './approximate-match';
import { westernDigits } from './script-sites';
import { findTextSites, headingVariants, invisibleSiteId, type FingerprintPoint } from './sites';

/** The site id of every heading: its variant is the copy's heading style. */
export const HEADING_SITE = 'copy:heading';

/**
 * A mark read from a leaked excerpt: which variant of which per-copy choice was seen. `observed`
 * lists the variants that explain the excerpt equally well (one, unless two styles print the same
 * heading, as Title Case does for a one-word title).
 */
export type Observation = {
  readonly siteId: string;
  readonly kind: ChannelKind;
  readonly observed: readonly number[];
  readonly variants: readonly string[];
  readonly error: number;
};

const CONTEXT = 14;

/** Curly quotes as straight ones, as `normalizeExcerpt` reads them. */
function foldQuotes(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** Leaked text made comparable: no invisible marks, one space for any run of white space. */
export function normalizeExcerpt(text: string): string {
  return (
    text
      .replace(/\u200b|\u200c|\u200d|\u2060|\ufeff/g, '')
      // A PDF reader may copy Arabic ligatures as presentation forms ("ﻻ" for "لا").
      .replace(/[\ufb50-\ufdff\ufe70-\ufefe]/g, (form) => form.normalize('NFKC'))
      // A combining mark never follows a space in typed text; a PDF reader may put one there.
      .replace(/\s+(?=\p{M})/gu, '')
      // Markdown emphasis glued to a heading ("**(7) Title:**") would hide its number style.
      .replace(/\*\*|__/g, '')
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/\s+/g, ' ')
      // Retyped em dashes come back as " - " or " -- ".
      .replace(/ (?:-{1,2}|–|—) /g, ' — ')
      .trim()
  );
}

function shingles(text: string): Set<string> {
  // Words of any script: with Latin letters alone a point in Hebrew or Arabic was never found in
  // an excerpt, so none of its marks was read.
  // Scheme 2's letters and digits fold to one form (ё and е; ʼ, a letter, and ’; ٧٢ and 72), or a
  // point whose copy varies them would lose most of its 3-grams and not be found.
  const folded = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\u02bc/g, "'");
  const words = westernDigits(folded).match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

/** Whether a point's text plausibly occurs in the excerpt (cheap filter before fuzzy matching). */
function occursIn(point: FingerprintPoint, excerptShingles: Set<string>): boolean {
  const own = shingles(`${point.title} ${point.text}`);
  let hits = 0;
  for (const shingle of own) if (excerptShingles.has(shingle)) hits++;
  return hits >= Math.max(1, Math.ceil(own.size * 0.15));
}

/** The variants that best explain the excerpt at one site (several only when they print the same). */
function readSite(patterns: readonly string[], excerpt: string): number[] | undefined {
  const distances = patterns.map((pattern) => approximateMatchDistance(pattern, excerpt));
  const best = Math.min(...distances);
  const limit = Math.max(2, Math.floor((patterns[0]?.length ?? 0) * 0.2));
  if (best > limit) return undefined;
  const winners = distances.flatMap((distance, index) => (distance === best ? [index] : []));
  const printed = new Set(winners.map((index) => patterns[index]));
  return printed.size === 1 ? winners : undefined;
}

/**
 * The part of the excerpt where the point stands, found by its opening and closing words, with a
 * margin for its heading: every mark of the point is read there rather than in the whole excerpt.
 */
function pointWindow(point: FingerprintPoint, excerpt: string): string {
  const margin = 60 + point.title.length * 2;
  const opening = approximateMatchEnd(point.text.slice(0, 24), excerpt);
  const closing = approximateMatchEnd(point.text.slice(-24), excerpt.slice(opening.end));
  const start = Math.max(0, opening.end - 24 - margin);
  const end = Math.min(excerpt.length, opening.end + closing.end + 40);
  return ` ${excerpt.slice(start, end)}`;
}

/**
 * The heading between the point before and this one, read with the end of that point's text:
 * one of the styles, or none at all (the variant after the last style). Text copied from the app
 * where it shows no numbers (a record's paragraphs) has none, and every copy does: that is
 * evidence against every copy, where reading nothing would leave a copy whose spelling happens to
 * be the original's matching it alone.
 */
function readHeadingAfter(previous: FingerprintPoint, point: FingerprintPoint, excerpt: string) {
  const variants = [...headingVariants(point), ''];
  const closing = previous.text.slice(-CONTEXT);
  const opening = point.text.slice(0, CONTEXT);
  // Only where the point before is there: else any 14 characters of a heading pass for its end.
  if (approximateMatchDistance(closing, excerpt) > 2) return undefined;
  const observed = readSite(
    variants.map((variant) => `${closing} ${variant}${opening}`),
    excerpt,
  );
  return observed === undefined ? undefined : { observed, variants };
}

function readHeading(point: FingerprintPoint, previous: FingerprintPoint | undefined, excerpt: string) {
  const afterPrevious = previous === undefined ? undefined : readHeadingAfter(previous, point, excerpt);
  if (afterPrevious !== undefined) return afterPrevious;
  const headings = headingVariants(point);
  // The leading space anchors the number, so " 2)" is not found inside " (2)".
  const opening = point.text.slice(0, CONTEXT);
  const observed = readSite(
    headings.map((variant) => ` ${variant}${opening}`),
    excerpt,
  );
  return observed === undefined ? undefined : { observed, variants: headings };
}

function readPoint(
  point: FingerprintPoint,
  previous: FingerprintPoint | undefined,
  input: { excerpt: string; scheme: MarkScheme },
): Observation[] {
  const fullExcerpt = input.excerpt;
  // Scheme 2 tells ’ from ʼ and „…“ from «…», which the excerpt holds folded: its patterns are
  // folded alike. Scheme 1 reads as it always did.
  const asRead = input.scheme >= 2 ? foldQuotes : (pattern: string) => pattern;
  const observations: Observation[] = [];
  const excerpt = pointWindow(point, fullExcerpt);
  const heading = readHeading(point, previous, excerpt);
  if (heading !== undefined) {
    observations.push({
      siteId: HEADING_SITE,
      kind: 'heading',
      observed: heading.observed,
      variants: heading.variants,
      error: CHANNEL_ERROR.heading,
    });
  }
  for (const site of findTextSites(point, input.scheme)) {
    const before = point.text.slice(Math.max(0, site.start - CONTEXT), site.start);
    const after = point.text.slice(site.end, site.end + CONTEXT);
    const observed = readSite(
      site.variants.map((variant) => asRead(before + variant + after)),
      excerpt,
    );
    if (observed === undefined) continue;
    observations.push({
      siteId: site.choice,
      kind: site.kind,
      observed,
      variants: site.variants,
      error: CHANNEL_ERROR[site.kind],
    });
  }
  return observations;
}

/** Zero-width marks that survived: each one's bit, keyed on the words either side. */
function readInvisibleMarks(text: string): Observation[] {
  const seen = new Map<string, Observation>();
  const collapsed = text.replace(/\s+/g, ' ');
  for (const match of collapsed.matchAll(/([A-Za-z]+)([\u200b\u200c]) ([A-Za-z]+)/g)) {
    const siteId = invisibleSiteId(match[1] ?? '', match[3] ?? '');
    if (seen.has(siteId)) continue;
    const observed = [INVISIBLE_MARKS.indexOf(match[2] as (typeof INVISIBLE_MARKS)[number])];
    seen.set(siteId, {
      siteId,
      kind: 'invisible',
      observed,
      variants: INVISIBLE_MARKS,
      error: CHANNEL_ERROR.invisible,
    });
  }
  return [...seen.values()];
}

/**
 * Every fingerprint mark readable in a leaked excerpt of a document made of these points, by the
 * channels of the scheme its copies were made with (default the latest).
 */
export function readMarks(
  excerpt: string,
  points: readonly FingerprintPoint[],
  scheme: MarkScheme = LATEST_MARK_SCHEME,
): Observation[] {
  const normalized = ` ${normalizeExcerpt(excerpt)}`;
  const excerptShingles = shingles(normalized);
  const observations = points.flatMap((point, index) =>
    occursIn(point, excerptShingles)
      ? readPoint(point, points[index - 1], { excerpt: normalized, scheme })
      : [],
  );
  return [...observations, ...readInvisibleMarks(excerpt)];
}
