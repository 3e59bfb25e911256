import PDFDocument from 'pdfkit';
import type { RenderedText } from '../document/export-document';

const ZERO_WIDTH = /[\u200b\u200c]/g;

/**
 * A4 PDF in the standard Helvetica fonts (nothing to embed or ship). Those fonts have no
 * zero-width glyphs: pdfkit would measure the marks as empty yet draw a glyph, and text
 * extraction then loses letters near them. So a PDF holds every visible mark of the text but
 * not the weak invisible channel.
 * `createdAt` is written as the creation date, which makes the bytes a function of the input.
 */
export function renderPdf(text: RenderedText, createdAt: Date): Promise<Buffer> {
  const document = new PDFDocument({
    size: 'A4',
    margin: 64,
    info: { Title: text.title, Creator: 'Parley', CreationDate: createdAt },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  document.font('Helvetica-Bold').fontSize(16).text(text.title, { paragraphGap: 6 });
  for (const line of text.subtitle) document.font('Helvetica-Oblique').fontSize(9).text(line);
  document.moveDown();
  for (const section of text.sections) {
    if (section.heading !== null)
      document.font('Helvetica-Bold').fontSize(12).text(section.heading, { paragraphGap: 6 });
    for (const paragraph of section.paragraphs)
      document
        .font('Helvetica')
        .fontSize(10.5)
        .text(paragraph.replace(ZERO_WIDTH, ''), { paragraphGap: 8, lineGap: 1 });
  }
  for (const line of text.footer) document.font('Helvetica-Oblique').fontSize(8).text(line);
  document.end();
  return finished;
}
