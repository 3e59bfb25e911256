import type PDFDocument from 'pdfkit';
import type { Span } from '../document/redline-marks';
import { layParagraph, type LineRun, type Measure } from './pdf-bidi-lines';
import type { FontName } from './pdf-fonts';
import { spanStyle } from './pdf-redline-style';

type Doc = InstanceType<typeof PDFDocument>;

/** The face and size a paragraph is set in, and its spacing (as pdfkit's text options). */
export type Setting = {
  readonly font: FontName;
  readonly size: number;
  readonly paragraphGap?: number;
  readonly lineGap?: number;
};

// A right-to-left run is laid out whole (any `features` makes pdfkit do so): pdfkit otherwise lays
// out word by word and keeps the words in logical order, left to right.
const shapingOf = (run: { isRightToLeft: boolean }) => (run.isRightToLeft ? { features: [] } : {});

// fontkit lays out any Arabic-script word right to left, Arabic-Indic digits included, though a
// number reads left to right in any script ("٧٢" printed, and read back, as "٢٧"). Handed to it
// reversed, the number comes out in its order. The bidi levels keep digits out of right-to-left runs.
const ARABIC_INDIC_NUMBER = /[\u0660-\u0669\u06f0-\u06f9]+/g;
const textToDraw = (run: { text: string; isRightToLeft: boolean }) =>
  run.isRightToLeft
    ? run.text
    : run.text.replace(ARABIC_INDIC_NUMBER, (number) => [...number].reverse().join(''));

const measureIn =
  (document: Doc): Measure =>
  (run) =>
    document.font(run.font).widthOfString(run.text, shapingOf(run));

/**
 * Runs are drawn in logical order, each at its visual place: pdfjs (what `trace-leak` reads a PDF
 * with) returns text in drawing order and turns each right-to-left run back into logical order.
 * Each run is its own marked-content span, which pdfjs never merges with a neighbour: merged, a
 * left-to-right word beside a right-to-left one was reordered with it as one right-to-left item.
 */
function drawRun(document: Doc, run: LineRun, at: { x: number; y: number; colour?: string }): void {
  const style = spanStyle(run.op);
  document
    .markContent('Span')
    .font(run.font)
    .fillColor(at.colour ?? style.colour)
    .text(textToDraw(run), at.x, at.y, {
      lineBreak: false,
      underline: style.underline,
      strike: style.strike,
      ...shapingOf(run),
    })
    .endMarkedContent();
}

/**
 * A paragraph holding right-to-left text, at the document's cursor across the page's width: a
 * paragraph whose first strong character is right to left is right-aligned, its number label on
 * the right. Moves the cursor below it, starting new pages as pdfkit would.
 */
export function writeBidiParagraph(
  document: Doc,
  paragraph: { spans: readonly Span[]; setting: Setting; labelLength?: number },
): void {
  const { setting } = paragraph;
  const { margins } = document.page;
  const width = document.page.width - margins.left - margins.right;
  document.fontSize(setting.size);
  const laid = layParagraph({
    spans: paragraph.spans,
    font: setting.font,
    width,
    measure: measureIn(document),
    labelLength: paragraph.labelLength ?? 0,
  });
  const lineHeight = document.font(setting.font).currentLineHeight(true);
  let y = document.y;
  for (const line of laid.lines) {
    if (y + lineHeight > document.page.maxY()) {
      document.addPage();
      y = document.page.margins.top;
    }
    const left = document.page.margins.left + (laid.direction === 'rtl' ? width - line.width : 0);
    for (const run of line.runs) drawRun(document, run, { x: left + run.x, y });
    y += lineHeight + (setting.lineGap ?? 0);
  }
  document.fillColor(spanStyle('equal').colour);
  document.x = document.page.margins.left;
  document.y = y + (setting.paragraphGap ?? 0);
}

/**
 * One unbroken line (a page's header, the watermark) in the current size and fill colour, aligned
 * in the box from `x` that is `width` wide.
 */
export function drawBidiLine(
  document: Doc,
  text: string,
  box: { font: FontName; x: number; y: number; width: number; align: 'right' | 'center'; colour: string },
): void {
  const laid = layParagraph({
    spans: [{ op: 'equal', text }],
    font: box.font,
    width: Number.POSITIVE_INFINITY,
    measure: measureIn(document),
  });
  for (const line of laid.lines) {
    const left = box.x + (box.align === 'right' ? box.width - line.width : (box.width - line.width) / 2);
    for (const run of line.runs) drawRun(document, run, { x: left + run.x, y: box.y, colour: box.colour });
  }
}
