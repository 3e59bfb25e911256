import { createRequire } from 'node:module';
import { openSync, type Font } from 'fontkit';

// DejaVu Sans covers the text a negotiation uses ("→", "—", curly quotes, accented names, Hebrew
// and Arabic); the standard Helvetica encodes only WinAnsi, so "→" printed as "!’".
const fontFile = (name: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`);
export const FONTS = {
  regular: fontFile('DejaVuSans.ttf'),
  bold: fontFile('DejaVuSans-Bold.ttf'),
  oblique: fontFile('DejaVuSans-Oblique.ttf'),
} as const;

export type FontName = keyof typeof FONTS;

/** A stretch of text and the face that draws it. */
export type FontRun = { readonly text: string; readonly font: FontName };

const faces = new Map<FontName, Font>();

// pdfkit measures and embeds through fontkit; asking fontkit directly is the one public way to
// learn which characters a face has (pdfkit would silently draw .notdef boxes).
function face(name: FontName): Font {
  const cached = faces.get(name);
  if (cached !== undefined) return cached;
  const opened = openSync(FONTS[name]);
  if (!('hasGlyphForCodePoint' in opened)) throw new Error(`${FONTS[name]} is a collection, not a font`);
  faces.set(name, opened);
  return opened;
}

export const hasGlyph = (font: FontName, char: string) =>
  face(font).hasGlyphForCodePoint(char.codePointAt(0) ?? 0);

// Spaces, digits and punctuation are in every face: they stay with the run before them, so an
// Arabic phrase in an italic line is one regular run rather than a run per word.
const isShared = (char: string) => /[\s\p{P}\p{N}\p{S}\p{M}]/u.test(char);

/**
 * The face for each character of `text` drawn in `preferred`: DejaVu Sans Oblique has no Arabic,
 * so Arabic letters in an italic line (a subtitle, the footer) fall back to the regular face,
 * which has them, instead of printing as empty boxes.
 */
export function fontsOf(text: string, preferred: FontName): FontName[] {
  const fonts: FontName[] = [];
  let previous: FontName = preferred;
  for (const char of text) {
    const font =
      isShared(char) && hasGlyph(previous, char)
        ? previous
        : hasGlyph(preferred, char) || !hasGlyph('regular', char)
          ? preferred
          : 'regular';
    for (let unit = 0; unit < char.length; unit++) fonts.push(font);
    previous = font;
  }
  return fonts;
}

/** `text` cut where its face changes (one run when `preferred` has every character). */
export function fontRuns(text: string, preferred: FontName): FontRun[] {
  // The regular face is every fallback's target: a body paragraph in it needs no lookup per character.
  if (text === '') return [];
  if (preferred === 'regular') return [{ text, font: preferred }];
  const fonts = fontsOf(text, preferred);
  const runs: FontRun[] = [];
  let start = 0;
  for (let index = 1; index <= text.length; index++) {
    if (index < text.length && fonts[index] === fonts[start]) continue;
    runs.push({ text: text.slice(start, index), font: fonts[start] ?? preferred });
    start = index;
  }
  return runs;
}
