import PDFDocument from 'pdfkit';
import type { RenderedBlock, RenderedText } from '../document/export-document';
import { paragraphsOfSpans, spansOf, unmarked, type Span } from '../document/redline-marks';
import { hasRightToLeft } from './text-direction';
import { writeBidiParagraph, type Setting } from './pdf-bidi-text';
import { FONTS, fontRuns } from './pdf-fonts';
import { mapLamAlefLigatures } from './pdf-ligatures';
import { markPages } from './pdf-page-marks';
import { REDLINE_COLOURS, spanStyle } from './pdf-redline-style';

export { REDLINE_COLOURS };

const ZERO_WIDTH = /[\u200b\u200c]/g;

export const REDLINE_LEGEND =
  'Changes: inserted text is underlined in blue; deleted text is struck through in red.';

const MARGIN = 64;
const BODY = { paragraphGap: 8, lineGap: 1 } as const;
const INNER_PARAGRAPH_GAP = 4;

type Doc = InstanceType<typeof PDFDocument>;

const BODY_SETTING: Setting = { font: 'regular', size: 10.5, ...BODY };

/**
 * How long the number label opening a block's paragraph is ("No. 7", "(7)"), 0 without one. The
 * label is set left to right even in a right-to-left paragraph, so it reads back as written.
 */
function labelLength(block: RenderedBlock | undefined): number {
  if (block === undefined || block.number === '') return 0;
  const heading = unmarked(block.heading).replace(ZERO_WIDTH, '');
  const at = heading.indexOf(block.number);
  if (at < 0 || at > 'No. '.length) return 0;
  const end = at + block.number.length;
  return end + heading.slice(end).search(/\s|$/);
}

/**
 * One paragraph, each span in its redline style (plain text is a single black span), each
 * character in a face that has it. Text with right-to-left script is laid out by the
 * bidirectional algorithm; the rest flows through pdfkit as before.
 */
function writeSpans(
  document: Doc,
  spans: readonly Span[],
  setting: Setting & { readonly labelLength?: number } = BODY_SETTING,
): void {
  if (hasRightToLeft(spans.map((span) => span.text).join(''))) {
    writeBidiParagraph(document, { spans, setting, labelLength: setting.labelLength ?? 0 });
    return;
  }
  const pieces = spans.flatMap((span) => fontRuns(span.text, setting.font).map((run) => ({ ...run, span })));
  document.fontSize(setting.size);
  pieces.forEach((piece, index) => {
    const style = spanStyle(piece.span.op);
    document
      .font(piece.font)
      .fillColor(style.colour)
      .text(piece.text, {
        paragraphGap: setting.paragraphGap ?? 0,
        lineGap: setting.lineGap ?? 0,
        continued: index < pieces.length - 1,
        underline: style.underline,
        strike: style.strike,
      });
  });
  document.fillColor(REDLINE_COLOURS.text);
}

const writeLine = (document: Doc, line: string, setting: Setting) =>
  writeSpans(document, [{ op: 'equal', text: line }], setting);

const HEADING_SETTING: Setting = { font: 'bold', size: 12, paragraphGap: 6 };
/** Lines of a section's first paragraph that must share the page with its heading. */
const LINES_KEPT_WITH_HEADING = 2;

/**
 * Starts a new page when a section's heading, its legend and the first lines after it would not
 * fit on this one: a topic's name alone at the foot of a page, its points overleaf, reads as the
 * page's last topic and parts a quoted excerpt from its heading by the page marks.
 */
function keepHeadingWithNext(document: Doc, heading: string, hasLegend: boolean): void {
  const width = document.page.width - document.page.margins.left - document.page.margins.right;
  document.font(HEADING_SETTING.font).fontSize(HEADING_SETTING.size);
  let needed = document.heightOfString(heading, { width }) + (HEADING_SETTING.paragraphGap ?? 0);
  document.font('oblique').fontSize(9);
  if (hasLegend)
    needed += document.heightOfString(REDLINE_LEGEND, { width, lineGap: BODY.lineGap }) + BODY.paragraphGap;
  document.font(BODY_SETTING.font).fontSize(BODY_SETTING.size);
  needed += LINES_KEPT_WITH_HEADING * document.currentLineHeight(true) + BODY.lineGap;
  const bottom = document.page.height - document.page.margins.bottom;
  if (document.y + needed > bottom) document.addPage();
}

function writeLegend(document: Doc): void {
  writeSpans(
    document,
    [
      { op: 'equal', text: 'Changes: ' },
      { op: 'insert', text: 'inserted text' },
      { op: 'equal', text: ' is underlined in blue; ' },
      { op: 'delete', text: 'deleted text' },
      { op: 'equal', text: ' is struck through in red.' },
    ],
    { ...BODY, font: 'oblique', size: 9 },
  );
}

/**
 * A4 PDF in an embedded Unicode font (DejaVu Sans), with the marking header, page numbers and
 * optional watermark on every page, and redlines drawn as coloured underline and strike-through.
 * Zero-width marks are left out: pdfkit would measure them as empty yet draw a glyph, and text
 * extraction then loses letters near them; a PDF holds every visible mark but not that channel.
 * `createdAt` is written as the creation date, which makes the bytes a function of the input.
 */
export function renderPdf(text: RenderedText, createdAt: Date): Promise<Buffer> {
  const document = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: text.title, Creator: 'Parley', CreationDate: createdAt },
  });
  document.registerFont('regular', FONTS.regular);
  document.registerFont('bold', FONTS.bold);
  document.registerFont('oblique', FONTS.oblique);
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  writeLine(document, text.title, { font: 'bold', size: 16, paragraphGap: 6 });
  for (const line of text.subtitle) writeLine(document, line, { font: 'oblique', size: 9 });
  document.moveDown();
  for (const section of text.sections) {
    if (section.heading !== null) {
      keepHeadingWithNext(document, section.heading, section.revision !== undefined);
      writeLine(document, section.heading, HEADING_SETTING);
    }
    if (section.revision !== undefined) writeLegend(document);
    section.paragraphs.forEach((paragraph, index) => {
      // A point of several paragraphs keeps them, closer together than the points themselves.
      const parts = paragraphsOfSpans(spansOf(paragraph.replace(ZERO_WIDTH, '')));
      parts.forEach((spans, part) =>
        writeSpans(document, spans, {
          ...BODY_SETTING,
          ...(part < parts.length - 1 ? { paragraphGap: INNER_PARAGRAPH_GAP } : {}),
          labelLength: part === 0 ? labelLength(section.blocks?.[index]) : 0,
        }),
      );
    });
  }
  // Small, so a checkpoint's signature line mostly stays one line (the verifier joins a wrapped one).
  for (const line of text.footer) writeLine(document, line, { font: 'oblique', size: 6 });
  markPages(document, text);
  mapLamAlefLigatures(document);
  document.end();
  return finished;
}
