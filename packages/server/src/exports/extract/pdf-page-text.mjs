// Shared by extract-pdf-text.ts and the extraction worker, which runs without a TypeScript loader.
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

// Parley's PDFs draw the runs of a line in logical order, each at its visual place, so pdfjs
// returns a right-to-left line in reading order. pdfjs makes spaces only from gaps ahead of the
// pen; a right-to-left run's next run lies behind it, so a gap there is a space too.
const gapBehind = (item, previous) =>
  previous !== undefined &&
  !previous.hasEOL &&
  Math.abs(item.transform[5] - previous.transform[5]) < 0.5 * Math.max(item.height, 1) &&
  previous.transform[4] - (item.transform[4] + item.width) > 0.1 * Math.max(item.height, 1);

// pdfjs turns a right-to-left run back into logical order but leaves its brackets mirrored
// (UAX #9 L4 draws "(" as ")" there).
const unmirrored = (text) => [...text].map((char) => bidi.getMirroredCharacter(char) ?? char).join('');

// Arabic as typed, so the text searches and traces: presentation forms (a lam-alef ligature, as
// Parley's own PDFs map it) back to the letters they stand for, and no space before a vowel sign
// (pdfjs reads the gap a positioned mark leaves as one: "يوماً" came back "يوما ً").
const arabicLetters = (text) =>
  text
    .replace(/[\ufb50-\ufdff\ufe70-\ufefe]/g, (form) => form.normalize('NFKC'))
    .replace(/\s+(?=\p{M})/gu, '');

/** A page's text from pdfjs text items: a line break where the PDF ends a line. */
export function pageText(items) {
  const texts = items.filter((item) => 'str' in item);
  return texts
    .map((item, index) => {
      const text = arabicLetters(item.dir === 'rtl' ? unmirrored(item.str) : item.str);
      return `${gapBehind(item, texts[index - 1]) ? ' ' : ''}${text}${item.hasEOL ? '\n' : ''}`;
    })
    .join('');
}
