import bidiFactory from 'bidi-js';

/** The Unicode Bidirectional Algorithm (UAX #9), shared by the PDF layout and the DOCX paragraphs. */
export const bidi = bidiFactory();

export type Direction = 'ltr' | 'rtl';

const typeOf = (char: string) => bidi.getBidiCharTypeName(char);

/** Whether a character is a right-to-left letter (Hebrew, Arabic, …). */
export const isStrongRightToLeft = (char: string) => ['R', 'AL'].includes(typeOf(char));

/** Whether a text holds a left-to-right letter. */
export const hasLeftToRight = (text: string) => [...text].some((char) => typeOf(char) === 'L');

/** Whether text holds anything the bidirectional algorithm would lay out right to left. */
export const hasRightToLeft = (text: string) =>
  [...text].some((char) => ['R', 'AL', 'AN'].includes(typeOf(char)));

/** The direction of a paragraph: that of its first strong character (UAX #9, P2–P3). */
export function directionOf(text: string): Direction {
  for (const char of text) {
    const type = typeOf(char);
    if (type === 'L') return 'ltr';
    if (type === 'R' || type === 'AL') return 'rtl';
  }
  return 'ltr';
}
