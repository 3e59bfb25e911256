import { headingStyleOf } from './copy-style';
import { INVISIBLE_MARKS, PHRASE_VARIANTS, SPELLING_VARIANTS, type MarkScheme } from './equivalences';
import { stripScriptForms } from './script-sites';
import { keyedChoice } from './sha256';
import { findTextSites, formatHeading, invisibleSiteId, type FingerprintPoint } from './sites';

/** A point rendered for one recipient: the heading and the text carry that recipient's marks. */
export type FingerprintedPoint = { readonly id: string; readonly heading: string; readonly text: string };

/**
 * Options for embedding: the recipient's secret key, whether to add zero-width marks (off by
 * default: they break search and copy-paste into drafting tools; issue 14), and the mark scheme
 * (default the latest; an older one only to remake a copy issued under it).
 */
export type EmbedOptions = {
  readonly key: string;
  readonly invisible?: boolean;
  readonly scheme?: MarkScheme;
};

/** The point's text with the recipient's per-copy choice at every approved site (meaning unchanged). */
export function embedText(point: FingerprintPoint, options: EmbedOptions): string {
  let out = '';
  let cursor = 0;
  for (const site of findTextSites(point, options.scheme)) {
    out += point.text.slice(cursor, site.start);
    out += site.variants[keyedChoice(options.key, site.choice, site.variants.length)] ?? '';
    cursor = site.end;
  }
  out += point.text.slice(cursor);
  return options.invisible === true ? addInvisibleMarks(out, options.key) : out;
}

/** Puts a zero-width mark before each space between two words; the bit is keyed on the word pair. */
export function addInvisibleMarks(text: string, key: string): string {
  return text.replace(/([A-Za-z]+) (?=([A-Za-z]+))/g, (...groups: string[]) => {
    const [, previous = '', next = ''] = groups;
    const bit = keyedChoice(key, invisibleSiteId(previous, next), 2);
    return `${previous}${INVISIBLE_MARKS[bit] ?? ''} `;
  });
}

/** Renders one point for a recipient: the copy's heading style plus the copy's text choices. */
export function embedPoint(point: FingerprintPoint, options: EmbedOptions): FingerprintedPoint {
  return {
    id: point.id,
    heading: formatHeading(point, headingStyleOf(options.key)),
    text: embedText(point, options),
  };
}

/** Renders a sequence of points as plain text, one paragraph per point. */
export function embedPlainText(points: readonly FingerprintPoint[], options: EmbedOptions): string {
  return points
    .map((point) => {
      const rendered = embedPoint(point, options);
      return `${rendered.heading}${rendered.text}`;
    })
    .join('\n\n');
}

function canonicalForm(word: string, pairs: readonly (readonly [string, string])[]): string {
  for (const pair of pairs) {
    if (word.toLowerCase() === pair[1])
      return word.charAt(0) === word.charAt(0).toUpperCase()
        ? pair[0].charAt(0).toUpperCase() + pair[0].slice(1)
        : pair[0];
  }
  return word;
}

/** Strips every approved variant back to one form, so two renderings can be compared for meaning. */
export function stripFingerprint(text: string): string {
  let out = stripScriptForms(text)
    .replace(/[\u200b\u200c]/g, '')
    .replace(/(?<=[A-Za-z0-9])–(?=[A-Za-z0-9])/g, '-');
  out = out.replace(/\b([A-Z][\w-]+, [A-Z][\w-]+), and ([A-Z][\w-]+)\b/g, '$1 and $2');
  for (const pair of PHRASE_VARIANTS)
    out = out.replace(new RegExp(`\\b${pair[1]}\\b`, 'gi'), (found) => canonicalForm(found, [pair]));
  return out.replace(/[A-Za-z]+(?:-[A-Za-z]+)*/g, (word) => canonicalForm(word, SPELLING_VARIANTS));
}
