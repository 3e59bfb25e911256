import type PDFDocument from 'pdfkit';
import type { RenderedText } from '../document/export-document';
import { hasRightToLeft } from './text-direction';
import { drawBidiLine } from './pdf-bidi-text';

type Doc = InstanceType<typeof PDFDocument>;

/** One line in the current size, right-aligned or centred in its box; recipients' names may be Hebrew or Arabic. */
function drawLine(
  document: Doc,
  text: string,
  box: {
    font: 'regular' | 'bold';
    x: number;
    y: number;
    width: number;
    align: 'right' | 'center';
    colour: string;
  },
): void {
  if (hasRightToLeft(text)) {
    drawBidiLine(document, text, box);
    return;
  }
  document
    .font(box.font)
    .fillColor(box.colour)
    .text(text, box.x, box.y, { width: box.width, align: box.align, lineBreak: false });
}

function drawWatermark(document: Doc, watermark: string): void {
  const { width, height } = document.page;
  document.save();
  const diagonal = Math.hypot(width, height);
  document.rotate((-Math.atan2(height, width) * 180) / Math.PI, { origin: [width / 2, height / 2] });
  // As large as fits along the page's diagonal with room at the corners, at most 54 pt.
  document.font('bold').fontSize(54);
  const fitted = Math.min(54, (54 * 0.62 * diagonal) / document.widthOfString(watermark));
  document.fontSize(fitted).fillOpacity(0.22);
  drawLine(document, watermark, {
    font: 'bold',
    x: width / 2 - diagonal / 2,
    y: height / 2 - fitted / 2,
    width: diagonal,
    align: 'center',
    colour: '#9e9e9e',
  });
  document.restore();
}

/**
 * Every page's marking, drawn once the page count is known: the header line, "Page n of m", and
 * the optional diagonal watermark. The bottom margin is lifted while drawing, or pdfkit would
 * start a new page for text below it.
 */
export function markPages(document: Doc, text: RenderedText): void {
  const range = document.bufferedPageRange();
  const header = text.marking?.header ?? null;
  const watermark = text.marking?.watermark ?? null;
  for (let index = range.start; index < range.start + range.count; index++) {
    document.switchToPage(index);
    const { width, height, margins } = document.page;
    const bottom = margins.bottom;
    margins.bottom = 0;
    if (watermark !== null) drawWatermark(document, watermark);
    document.fillOpacity(1).fontSize(8);
    const box = { font: 'regular', x: margins.left, width: width - margins.left - margins.right } as const;
    if (header !== null) drawLine(document, header, { ...box, y: 32, align: 'right', colour: '#8b0000' });
    drawLine(document, `Page ${index - range.start + 1} of ${range.count}`, {
      ...box,
      y: height - 40,
      align: 'center',
      colour: '#444444',
    });
    margins.bottom = bottom;
  }
}
