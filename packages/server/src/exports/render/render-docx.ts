import {
  AlignmentType,
  DeletedTextRun,
  Document,
  Footer,
  Header,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import type { Revision, RenderedText } from '../document/export-document';
import { hasRevisions, spansOf, type Span } from '../document/redline-marks';

/** Numbers every tracked change of one document (Word needs each w:id to be unique). */
type Ids = { next: number };

const changeOf = (revision: Revision, ids: Ids) => ({
  id: ids.next++,
  author: revision.author,
  // xsd:dateTime without fractions, as Word writes it.
  date: `${revision.date.slice(0, 19)}Z`,
});

/**
 * A redline paragraph as Word tracked changes: deletions as w:del, insertions as w:ins, authored
 * by whoever proposed the version and dated with it, so Word's Review pane accepts or rejects each
 * one. A point that was dropped (or added) as a whole is one change, paragraph mark included, so
 * accepting it leaves no empty paragraph behind.
 */
function revisedParagraph(block: { heading: string; text: string }, revision: Revision, ids: Ids): Paragraph {
  const { heading, text } = block;
  const spans = spansOf(text);
  const sameOp = (op: 'insert' | 'delete') =>
    spans.length > 0 && !hasRevisions(heading) && spans.every((span) => span.op === op);
  const whole = sameOp('delete') ? 'delete' : sameOp('insert') ? 'insert' : null;
  const run = (op: 'equal' | 'insert' | 'delete', runText: string): ParagraphChild =>
    op === 'delete'
      ? new DeletedTextRun({ ...changeOf(revision, ids), text: runText })
      : op === 'insert'
        ? new InsertedTextRun({ ...changeOf(revision, ids), text: runText })
        : new TextRun(runText);
  // A changed title is tracked in the heading as the text's changes are in the text.
  const headingSpans = spansOf(heading).map((span): Span => (whole === null ? span : { ...span, op: whole }));
  const children = [...headingSpans, ...spans].map((span) => run(span.op, span.text));
  const mark =
    whole === 'delete'
      ? { deletion: changeOf(revision, ids) }
      : whole === 'insert'
        ? { insertion: changeOf(revision, ids) }
        : {};
  return new Paragraph({ spacing: { after: 160 }, run: mark, children });
}

const pageNumberFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16 }),
        ],
      }),
    ],
  });

const markingHeader = (header: string) =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: header, size: 16, color: '8B0000' })],
      }),
    ],
  });

/**
 * A Word document: title, italic subtitle lines, section headings, one paragraph per block; the
 * marking line in every page's header and "Page n of m" in every footer.
 * docx stamps the time into the file, so its bytes are stored rather than re-rendered.
 */
export async function renderDocx(text: RenderedText): Promise<Buffer> {
  const ids: Ids = { next: 1 };
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(text.title)] }),
    ...text.subtitle.map((line) => new Paragraph({ children: [new TextRun({ text: line, italics: true })] })),
  ];
  for (const section of text.sections) {
    if (section.heading !== null)
      children.push(
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }),
      );
    section.paragraphs.forEach((paragraph, index) => {
      const block = section.blocks?.[index];
      if (section.revision !== undefined && block !== undefined && hasRevisions(block.heading + block.text))
        children.push(revisedParagraph(block, section.revision, ids));
      else children.push(new Paragraph({ spacing: { after: 160 }, children: [new TextRun(paragraph)] }));
    });
  }
  for (const line of text.footer)
    children.push(new Paragraph({ children: [new TextRun({ text: line, italics: true, size: 16 })] }));
  const header = text.marking?.header ?? null;
  const document = new Document({
    creator: 'Parley',
    title: text.title,
    description: text.subtitle.join(' '),
    sections: [
      {
        ...(header === null ? {} : { headers: { default: markingHeader(header) } }),
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
