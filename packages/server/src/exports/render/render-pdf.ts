import PDFDocument from 'pdfkit';
import type { RenderedText } from '../document/export-document';
import { spansOf, type Span } from '../document/redline-marks';
import { FONTS, fontRuns, type FontName } from './pdf-fonts';

const ZERO_WIDTH = /[\u200b\u200c]/g;

/** Redline colours: insertions underlined in blue, deletions struck through in red. */
export const REDLINE_COLOURS = { insert: '#1f4fbf', delete: '#b3261e', text: '#000000' } as const;
export const REDLINE_LEGEND =
  'Changes: inserted text is underlined in blue; deleted text is struck through in red.';

const MARGIN = 64;
const BODY = { paragraphGap: 8, lineGap: 1 } as const;

type Doc = InstanceType<typeof PDFDocument>;

function spanStyle(span: Span) {
  if (span.op === 'insert') return { colour: REDLINE_COLOURS.insert, underline: true, strike: false };
  if (span.op === 'delete') return { colour: REDLINE_COLOURS.delete, underline: false, strike: true };
  return { colour: REDLINE_COLOURS.text, underline: false, strike: false };
}

/** The face and size a paragraph is set in, and its spacing (pdfkit's text options). */
type Setting = {
  readonly font: FontName;
  readonly size: number;
  readonly paragraphGap?: number;
  readonly lineGap?: number;
};

const BODY_SETTING: Setting = { font: 'regular', size: 10.5, ...BODY };

/**
 * One paragraph, each span in its redline style (plain text is a single black span), each
 * character in a face that has it.
 */
function writeSpans(document: Doc, spans: readonly Span[], setting: Setting = BODY_SETTING): void {
  const pieces = spans.flatMap((span) => fontRuns(span.text, setting.font).map((run) => ({ ...run, span })));
  document.fontSize(setting.size);
  pieces.forEach((piece, index) => {
    const style = spanStyle(piece.span);
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
 * Every page's marking, drawn once the page count is known: the header line, "Page n of m", and
 * the optional diagonal watermark. The bottom margin is lifted while drawing, or pdfkit would
 * start a new page for text below it.
 */
function markPages(document: Doc, text: RenderedText): void {
  const range = document.bufferedPageRange();
  const header = text.marking?.header ?? null;
  const watermark = text.marking?.watermark ?? null;
  for (let index = range.start; index < range.start + range.count; index++) {
    document.switchToPage(index);
    const { width, height, margins } = document.page;
    const bottom = margins.bottom;
    margins.bottom = 0;
    if (watermark !== null) {
      document.save();
      const diagonal = Math.hypot(width, height);
      document.rotate((-Math.atan2(height, width) * 180) / Math.PI, { origin: [width / 2, height / 2] });
      // As large as fits along the page's diagonal with room at the corners, at most 54 pt.
      document.font('bold').fontSize(54);
      const fitted = Math.min(54, (54 * 0.62 * diagonal) / document.widthOfString(watermark));
      document
        .fontSize(fitted)
        .fillColor('#9e9e9e')
        .fillOpacity(0.22)
        .text(watermark, width / 2 - diagonal / 2, height / 2 - fitted / 2, {
          width: diagonal,
          align: 'center',
          lineBreak: false,
        });
      document.restore();
    }
    document.fillOpacity(1).fillColor('#8b0000').font('regular').fontSize(8);
    if (header !== null)
      document.text(header, MARGIN, 32, { width: width - 2 * MARGIN, align: 'right', lineBreak: false });
    document
      .fillColor('#444444')
      .text(`Page ${index - range.start + 1} of ${range.count}`, MARGIN, height - 40, {
        width: width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    margins.bottom = bottom;
  }
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
    if (section.heading !== null)
      writeLine(document, section.heading, { font: 'bold', size: 12, paragraphGap: 6 });
    if (section.revision !== undefined) writeLegend(document);
    for (const paragraph of section.paragraphs)
      writeSpans(document, spansOf(paragraph.replace(ZERO_WIDTH, '')));
  }
  // Small, so a checkpoint's signature line mostly stays one line (the verifier joins a wrapped one).
  for (const line of text.footer) writeLine(document, line, { font: 'oblique', size: 6 });
  markPages(document, text);
  document.end();
  return finished;
}
