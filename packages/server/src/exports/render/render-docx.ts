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
import {
  hasRevisions,
  PARAGRAPH_BREAK,
  paragraphsOfSpans,
  spansOf,
  unmarked,
  type Span,
} from '../document/redline-marks';
import { directionOf, hasLeftToRight } from './text-direction';

/**
 * Word lays a paragraph out right to left only when told (w:bidi): a Hebrew or Arabic paragraph,
 * by its first strong letter after the number label, gets it; every other paragraph is unchanged.
 */
const isRightToLeft = (text: string) => directionOf(text) === 'rtl';
const paragraphDirection = (text: string) => (isRightToLeft(text) ? { bidirectional: true } : {});

/** A run of right-to-left text in a right-to-left paragraph is marked so (w:rtl); a Latin label is not. */
const runDirection = (text: string, isParagraphRightToLeft: boolean) =>
  isParagraphRightToLeft && !hasLeftToRight(text) ? { rightToLeft: true } : {};

/** A paragraph of one plain run, right to left when its text is. */
function plainParagraph(text: string, options: { italics?: boolean; size?: number } = {}): Paragraph {
  const rightToLeft = isRightToLeft(text);
  return new Paragraph({
    ...paragraphDirection(text),
    children: [new TextRun({ text, ...options, ...runDirection(text, rightToLeft) })],
  });
}

/** Space after a point's last paragraph, and (smaller) after each of its others; twentieths of a point. */
const BLOCK_SPACING = 160;
const INNER_SPACING = 80;

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
function revisedParagraphs(
  block: { title: string; heading: string; text: string },
  revision: Revision,
  ids: Ids,
): Paragraph[] {
  const { heading, text } = block;
  const rightToLeft = isRightToLeft(unmarked(block.title + block.text));
  const spans = spansOf(text);
  const sameOp = (op: 'insert' | 'delete') =>
    spans.length > 0 && !hasRevisions(heading) && spans.every((span) => span.op === op);
  const whole = sameOp('delete') ? 'delete' : sameOp('insert') ? 'insert' : null;
  const run = (op: 'equal' | 'insert' | 'delete', runText: string): ParagraphChild => {
    const direction = runDirection(runText, rightToLeft);
    return op === 'delete'
      ? new DeletedTextRun({ ...changeOf(revision, ids), text: runText, ...direction })
      : op === 'insert'
        ? new InsertedTextRun({ ...changeOf(revision, ids), text: runText, ...direction })
        : new TextRun({ text: runText, ...direction });
  };
  // A changed title is tracked in the heading as the text's changes are in the text.
  const headingSpans = spansOf(heading).map((span): Span => (whole === null ? span : { ...span, op: whole }));
  const parts = paragraphsOfSpans([...headingSpans, ...spans]);
  return parts.map((part, index) => {
    const mark =
      whole === 'delete'
        ? { deletion: changeOf(revision, ids) }
        : whole === 'insert'
          ? { insertion: changeOf(revision, ids) }
          : {};
    return new Paragraph({
      spacing: { after: index < parts.length - 1 ? INNER_SPACING : BLOCK_SPACING },
      ...(rightToLeft ? { bidirectional: true } : {}),
      run: mark,
      children: part.map((span) => run(span.op, span.text)),
    });
  });
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
    new Paragraph({
      heading: HeadingLevel.TITLE,
      ...paragraphDirection(text.title),
      children: [new TextRun({ text: text.title, ...runDirection(text.title, isRightToLeft(text.title)) })],
    }),
    ...text.subtitle.map((line) => plainParagraph(line, { italics: true })),
  ];
  for (const section of text.sections) {
    if (section.heading !== null)
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_1,
          // Word keeps a topic's name on the page of its first point, as the PDF does.
          keepNext: true,
          ...paragraphDirection(section.heading),
          children: [new TextRun(section.heading)],
        }),
      );
    section.paragraphs.forEach((paragraph, index) => {
      const block = section.blocks?.[index];
      if (section.revision !== undefined && block !== undefined && hasRevisions(block.heading + block.text))
        children.push(...revisedParagraphs(block, section.revision, ids));
      else {
        // The number label ("No. 7") is Latin: the direction is the point's own text's.
        const rightToLeft = isRightToLeft(block === undefined ? paragraph : block.title + block.text);
        // Word reads a line break inside w:t as a space: each paragraph of a point is its own.
        const parts = paragraph.split(PARAGRAPH_BREAK);
        parts.forEach((part, index) =>
          children.push(
            new Paragraph({
              spacing: { after: index < parts.length - 1 ? INNER_SPACING : BLOCK_SPACING },
              ...(rightToLeft ? { bidirectional: true } : {}),
              children: [new TextRun({ text: part, ...runDirection(part, rightToLeft) })],
            }),
          ),
        );
      }
    });
  }
  for (const line of text.footer) children.push(plainParagraph(line, { italics: true, size: 16 }));
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
