import { INVISIBLE_MARKS, SPELLING_VARIANTS as SPELLING_PAIRS } from './equivalences';
import { keyedChoice } from './sha256';
import {
  findTextSites,
  headingSiteId,
  headingVariants,
  invisibleSiteId,
  type FingerprintPoint,
} from './sites';

/** A point rendered for one recipient: the heading and the text carry that recipient's marks. */
export type FingerprintedPoint = { readonly id: string; readonly heading: string; readonly text: string };

/** Options for embedding: the recipient's secret key and whether to add invisible marks. */
export type EmbedOptions = { readonly key: string; readonly invisible?: boolean };

/** The point's text with the recipient's choice at every approved site (meaning unchanged). */
export function embedText(point: FingerprintPoint, options: EmbedOptions): string {
  let out = '';
  let cursor = 0;
  for (const site of findTextSites(point)) {
    out += point.text.slice(cursor, site.start);
    out += site.variants[keyedChoice(options.key, site.id, site.variants.length)] ?? '';
    cursor = site.end;
  }
  out += point.text.slice(cursor);
  return options.invisible === false ? out : addInvisibleMarks(out, options.key);
}

/** Puts a zero-width mark before each space between two words; the bit is keyed on the word pair. */
export function addInvisibleMarks(text: string, key: string): string {
  return text.replace(/([A-Za-z]+) (?=([A-Za-z]+))/g, (...groups: string[]) => {
    const [, previous = '', next = ''] = groups;
    const bit = keyedChoice(key, invisibleSiteId(previous, next), 2);
    return `${previous}${INVISIBLE_MARKS[bit] ?? ''} `;
  });
}

/** Renders one point for a recipient: keyed heading variant plus keyed text variants. */
export function embedPoint(point: FingerprintPoint, options: EmbedOptions): FingerprintedPoint {
  const variants = headingVariants(point);
  const heading = variants[keyedChoice(options.key, headingSiteId(point), variants.length)] ?? '';
  return { id: point.id, heading, text: embedText(point, options) };
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

/** Strips every approved variant back to one form, so two renderings can be compared for meaning. */
export function stripFingerprint(text: string): string {
  let out = text.replace(/[\u200b\u200c]/g, '').replace(/(?<=[A-Za-z0-9])–(?=[A-Za-z0-9])/g, '-');
  out = out.replace(/\b([A-Z][\w-]+, [A-Z][\w-]+), and ([A-Z][\w-]+)\b/g, '$1 and $2');
  return out.replace(/[A-Za-z]+(?:-[A-Za-z]+)*/g, (word) => {
    for (const pair of SPELLING_PAIRS) {
      if (word.toLowerCase() === pair[1])
        return word.charAt(0) === word.charAt(0).toUpperCase()
          ? pair[0].charAt(0).toUpperCase() + pair[0].slice(1)
          : pair[0];
    }
    return word;
  });
}
