import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

const LAM = 0x644;
// Lam with each alef as one presentation form (isolated; NFKC gives back the two letters).
const LAM_ALEF = new Map([
  [0x622, 0xfef5],
  [0x623, 0xfef7],
  [0x625, 0xfef9],
  [0x627, 0xfefb],
]);

/**
 * Maps each lam-alef ligature glyph to its one presentation-form character in the PDF's text
 * layer. Arabic draws lam and alef as one glyph; mapped to two characters, a reader that turns
 * the right-to-left line back into logical order reverses them with the rest ("لا" read "ال",
 * "الاتفاق" read "االتفاق"), so a leaked copy's Arabic no longer matched its text. One character
 * cannot be reversed, and every reader decomposes it. pdfkit writes the map from its fonts'
 * `unicode` table when the document ends, so this runs just before.
 */
export function mapLamAlefLigatures(document: Doc): void {
  const families = (document as unknown as { _fontFamilies?: Record<string, { unicode?: number[][] }> })
    ._fontFamilies;
  for (const font of Object.values(families ?? {})) {
    font.unicode?.forEach((codePoints, glyph, table) => {
      const form =
        codePoints.length === 2 && codePoints[0] === LAM ? LAM_ALEF.get(codePoints[1] ?? 0) : undefined;
      if (form !== undefined) table[glyph] = [form];
    });
  }
}
