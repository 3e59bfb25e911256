import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { RenderedText } from '../document/export-document';

/**
 * A Word document: title, italic subtitle lines, section headings, one paragraph per block.
 * docx stamps the time into the file, so its bytes are stored rather than re-rendered.
 */
export async function renderDocx(text: RenderedText): Promise<Buffer> {
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(text.title)] }),
    ...text.subtitle.map((line) => new Paragraph({ children: [new TextRun({ text: line, italics: true })] })),
  ];
  for (const section of text.sections) {
    if (section.heading !== null)
      children.push(
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }),
      );
    for (const paragraph of section.paragraphs)
      children.push(new Paragraph({ spacing: { after: 160 }, children: [new TextRun(paragraph)] }));
  }
  for (const line of text.footer)
    children.push(new Paragraph({ children: [new TextRun({ text: line, italics: true, size: 16 })] }));
  const document = new Document({
    creator: 'Parley',
    title: text.title,
    description: text.subtitle.join(' '),
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
