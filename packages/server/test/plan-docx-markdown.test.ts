// A plan written in Word reads as the plan it shows (issue 11, item 3): automatic list numbers,
// heading styles as topics, bold leading words as titles. Real DOCX files, made with the `docx`
// library the exports use, read by the same worker as an upload.
import { parsePlanText } from '@parley/core';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { extractTextFromBytes } from '../src/exports';

const NUMBERING = {
  config: [
    {
      reference: 'plan-points',
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
        { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START },
      ],
    },
  ],
};

const point = (title: string, text: string, level = 0) =>
  new Paragraph({
    numbering: { reference: 'plan-points', level },
    children: [new TextRun({ text: title, bold: true }), new TextRun(` ${text}`)],
  });

async function docx(children: Paragraph[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ numbering: NUMBERING, sections: [{ children }] }));
}

type Format = (typeof LevelFormat)[keyof typeof LevelFormat];

const readAsPlan = (bytes: Buffer) => extractTextFromBytes(bytes, 'coalition.docx', { asPlan: true });

describe('a DOCX plan read as Markdown', () => {
  it("numbers Word's automatic list, keeps headings as topics and bold lead words as titles", async () => {
    const bytes = await docx([
      new Paragraph({ text: 'Coalition agreement', heading: HeadingLevel.TITLE }),
      new Paragraph({ text: 'Economy', heading: HeadingLevel.HEADING_1 }),
      point('Minimum wage.', 'The minimum wage rises to 15 euros.'),
      point('Budget.', 'The debt brake stays, with an exception for investment:'),
      point('Schools', 'are renovated first,', 1),
      point('Railways', 'second.', 1),
      new Paragraph({ text: 'Social policy', heading: HeadingLevel.HEADING_1 }),
      point('Child benefit.', 'Child benefit becomes basic child support.'),
    ]);
    const text = await readAsPlan(bytes);
    expect(text).toContain('1. **Minimum wage.** The minimum wage rises to 15 euros.');
    const parsed = parsePlanText(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value.points.map((entry) => [entry.number, entry.title, entry.topic])).toEqual([
      [1, 'Minimum wage', 'Economy'],
      [2, 'Budget', 'Economy'],
      [3, 'Child benefit', 'Social policy'],
    ]);
    // The nested items stay inside their point, lettered as Word shows them.
    expect(parsed.value.points[1]?.text).toMatch(
      /investment:[\s\S]*a\) Schools are renovated first,[\s\S]*b\) Railways second\./,
    );
  });

  it('numbers an Arabic list in the Arabic-Indic digits Word shows, which the parser reads', async () => {
    const arabic = {
      config: [
        {
          reference: 'plan-points',
          levels: [
            { level: 0, format: LevelFormat.HINDI_NUMBERS, text: '%1.', alignment: AlignmentType.START },
          ],
        },
      ],
    };
    const item = (text: string) => new Paragraph({ numbering: { reference: 'plan-points', level: 0 }, text });
    const bytes = await Packer.toBuffer(
      new Document({
        numbering: arabic,
        sections: [{ children: Array.from({ length: 11 }, (_, index) => item(`البند رقم ${index + 1}.`)) }],
      }),
    );
    const text = await readAsPlan(bytes);
    expect(text).toContain('١. البند رقم 1.');
    expect(text).toContain('١١. البند رقم 11.');
    const parsed = parsePlanText(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value.points.map((entry) => entry.number)).toEqual(
      Array.from({ length: 11 }, (_, i) => i + 1),
    );
  });

  it('letters sub-items in the alphabet Word shows, so they stay inside their point', async () => {
    // four lists, each numbering on from the last (start), in its own script
    const lettered = (reference: string, top: Format, sub: Format, start: number) => ({
      reference,
      levels: [
        { level: 0, format: top, text: '%1.', alignment: AlignmentType.START, start },
        { level: 1, format: sub, text: '%2)', alignment: AlignmentType.START },
      ],
    });
    const config = [
      lettered('arabic', LevelFormat.HINDI_NUMBERS, LevelFormat.ARABIC_ALPHA, 1),
      lettered('abjad', LevelFormat.DECIMAL_ZERO, LevelFormat.ARABIC_ABJAD, 2),
      lettered('russian', LevelFormat.DECIMAL, LevelFormat.RUSSIAN_LOWER, 3),
      lettered('hebrew', LevelFormat.DECIMAL, LevelFormat.HEBREW1, 4),
    ];
    const item = (reference: string, text: string, level = 0) =>
      new Paragraph({ numbering: { reference, level }, text });
    const bytes = await Packer.toBuffer(
      new Document({
        numbering: { config },
        sections: [
          {
            children: [
              item('arabic', 'تبادل الأسرى:'),
              item('arabic', 'الكل مقابل الكل،', 1),
              item('arabic', 'خلال ثلاثين يوما.', 1),
              item('abjad', 'المراقبة:'),
              ...['الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة'].map((word) => item('abjad', word, 1)),
              item('russian', 'Гарантии безопасности:'),
              item('russian', 'по образцу статьи 5,', 1),
              item('russian', 'на десять лет.', 1),
              item('hebrew', 'לוח זמנים:'),
              ...Array.from({ length: 16 }, (_, index) => item('hebrew', `שלב ${index + 1}`, 1)),
            ],
          },
        ],
      }),
    );
    const text = await readAsPlan(bytes);
    for (const shown of ['أ) الكل مقابل الكل،', 'ب) خلال ثلاثين يوما.', 'ج) الثالثة', 'ه) الخامسة'])
      expect(text).toContain(shown);
    for (const shown of [
      'а) по образцу статьи 5,',
      'б) на десять лет.',
      'א) שלב 1',
      'יא) שלב 11',
      'טו) שלב 15',
      'טז) שלב 16',
    ])
      expect(text).toContain(shown);
    expect(text).toContain('02. المراقبة:');
    const parsed = parsePlanText(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    // four points, each with its sub-items inside it (as digits, each sub-item was a point)
    expect(parsed.value.points.map((entry) => entry.number)).toEqual([1, 2, 3, 4]);
    expect(parsed.value.points[3]?.text).toMatch(/טו\) שלב 15[\s\S]*טז\) שלב 16$/);
  });

  it('reads a hostile list numbering as digits: an unknown format, a start below 1 or far beyond Word’s', async () => {
    const levelsOf = (format: string, start: number) => ({
      reference: `${format}-${start}`,
      levels: [{ level: 0, format: format as Format, text: '%1)', alignment: AlignmentType.START, start }],
    });
    const cases = [
      levelsOf('constructor', 1),
      levelsOf(LevelFormat.LOWER_LETTER, -60),
      levelsOf(LevelFormat.ARABIC_ALPHA, 0),
      levelsOf(LevelFormat.UPPER_ROMAN, 100_000_000),
    ];
    const bytes = await Packer.toBuffer(
      new Document({
        numbering: { config: cases },
        sections: [
          {
            children: cases.map(
              ({ reference }) => new Paragraph({ numbering: { reference, level: 0 }, text: reference }),
            ),
          },
        ],
      }),
    );
    const text = await readAsPlan(bytes);
    for (const shown of [
      '1) constructor-1',
      '-60) lowerLetter--60',
      '0) arabicAlpha-0',
      '100000000) upperRoman-100000000',
    ])
      expect(text).toContain(shown);
    expect(text.length).toBeLessThan(500);
  });

  it('keeps a typed numbering, and reads a leaked copy as its words alone', async () => {
    const bytes = await docx([
      new Paragraph({ text: 'Energy', heading: HeadingLevel.HEADING_2 }),
      new Paragraph({
        children: [new TextRun({ text: '1. Grid.', bold: true }), new TextRun(' The grid is expanded.')],
      }),
      new Paragraph({ children: [new TextRun('2. Coal ends by 2030.')] }),
    ]);
    const parsed = parsePlanText(await readAsPlan(bytes));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value.points.map((entry) => [entry.number, entry.topic])).toEqual([
      [1, 'Energy'],
      [2, 'Energy'],
    ]);
    // Leak tracing reads the words on the page: no Markdown added to what a recipient received.
    const leaked = await extractTextFromBytes(bytes, 'copy.docx');
    expect(leaked).not.toContain('#');
    expect(leaked).not.toContain('**');
  });
});
