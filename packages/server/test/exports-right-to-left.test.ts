import {
  chooseFingerprintKey,
  keyedChoice,
  normalizeExcerpt,
  readMarks,
  traceExports,
  type MarkScheme,
} from '@parley/core';
import { describe, expect, it } from 'vitest';
import { DEMO_DRAFT_POINTS } from '../src/demo/plan-data';
import { extractTextFromBytes } from '../src/exports';
import { documentBlocks, renderText, type ExportDocument } from '../src/exports/document/export-document';
import { renderBytes } from '../src/exports/render/render-file';
import {
  ARABIC_POINTS,
  HEBREW_POINTS,
  RUSSIAN_POINTS,
  UKRAINIAN_POINTS,
} from './helpers/plans-in-other-scripts';
import { readPdfItems, readZip, type PdfTextItem } from './helpers/read-files';

// A plan negotiated in Hebrew and Arabic, with one point in English naming the city in both.
const PLAN: ExportDocument = {
  title: 'שלום · صلح',
  subtitle: ['Prepared for وفد فلسطين on 2025-12-01'],
  footer: ['Checkpoint for وفد فلسطين'],
  isFingerprinted: true,
  sections: [
    {
      heading: 'Points',
      blocks: [
        {
          id: 'ceasefire-he',
          number: '1',
          title: 'הפסקת אש',
          text: 'כל הצדדים מפסיקים את הלחימה בתוך 72 שעות, בפיקוח האו"ם.',
        },
        {
          id: 'ceasefire-ar',
          number: '2',
          title: 'وقف القتال',
          text: 'تلتزم جميع الأطراف بوقف القتال خلال 72 ساعة.',
        },
        {
          id: 'city',
          number: '3',
          title: 'Mixed',
          text: 'The city of القدس / ירושלים remains open to all faiths.',
        },
      ],
    },
  ],
};

const ARABIC = /\p{Script=Arabic}/u;
const CREATED_AT = new Date('2025-12-01T00:00:00Z');
// A4 is 595.28 pt wide; the renderer's side margins are 64 pt.
const RIGHT_EDGE = 595.28 - 64;

const pdfOf = async (document: ExportDocument, key: string | null) =>
  renderBytes(renderText(document, key), { format: 'pdf', createdAt: CREATED_AT });

// The plan's PDF is the same bytes every time (no key, a fixed date): rendered and read once for
// the tests that look at it, which only read what it holds.
let planBytes: Promise<Buffer> | undefined;
let planItems: Promise<PdfTextItem[]> | undefined;
const planPdfBytes = () => (planBytes ??= pdfOf(PLAN, null));
const planPdf = () =>
  (planItems ??= planPdfBytes().then(async (bytes) => (await readPdfItems(bytes)).flat()));

const words = (text: string) => text.replace(/\s+/g, ' ').trim();
const lineOf = (items: readonly PdfTextItem[], text: string) => {
  const y = items.find((item) => item.text.includes(text))?.y;
  return items.filter((item) => item.y === y);
};
const itemWith = (items: readonly PdfTextItem[], text: string) => {
  const item = items.find((candidate) => candidate.text.includes(text));
  if (item === undefined) throw new Error(`no text item holds ${text}`);
  return item;
};

describe('a PDF of a plan in Hebrew and Arabic', () => {
  it('draws Arabic in italic lines in a face that has it, never as empty boxes', async () => {
    const items = await planPdf();
    const arabic = items.filter((item) => ARABIC.test(item.text));
    expect(arabic.length).toBeGreaterThan(0);
    // DejaVu Sans Oblique has no Arabic: every Arabic letter drawn in it is a .notdef box.
    for (const item of arabic) expect(item.font, item.text).not.toMatch(/Oblique/);
    // pdfkit maps .notdef to U+0000, so a box reads back as a NUL.
    for (const item of items) expect(item.text, item.font).not.toContain('\u0000');
    const oblique = items.filter((item) => /Oblique/.test(item.font)).map((item) => item.text);
    expect(oblique.join(' ')).toContain('Prepared for');
    expect(items.map((item) => item.text).join(' ')).toMatch(/وفد/);
  });

  it('lays a mixed line out by the bidirectional algorithm, right-to-left words in visual order', async () => {
    const line = lineOf(await planPdf(), 'The city of');
    const [english, arabic, hebrew, rest] = ['The city of', 'القدس', 'ירושלים', 'remains'].map((text) =>
      itemWith(line, text),
    );
    if (!english || !arabic || !hebrew || !rest) throw new Error('expected every run');
    // "القدس / ירושלים" is one right-to-left run inside a left-to-right line: its second word
    // comes first from the left, and the English resumes after its first.
    expect(hebrew.x).toBeGreaterThan(english.x + english.width - 1);
    expect(arabic.x).toBeGreaterThan(hebrew.x + hebrew.width);
    expect(rest.x).toBeGreaterThan(arabic.x + arabic.width);
    // A space's width apart, not run together as before.
    expect(rest.x - (arabic.x + arabic.width)).toBeGreaterThan(2);
  });

  it('right-aligns a Hebrew paragraph with its number on the right and the number in its place', async () => {
    const line = lineOf(await planPdf(), 'הפסקת אש');
    const right = Math.max(...line.map((item) => item.x + item.width));
    expect(right).toBeCloseTo(RIGHT_EDGE, 0);
    expect(Math.min(...line.map((item) => item.x))).toBeGreaterThan(64 + 20);
    const label = itemWith(line, renderText(PLAN, null).sections[0]?.paragraphs[0]?.split(' ')[0] ?? '-');
    expect(label.x + label.width).toBeCloseTo(RIGHT_EDGE, 0);
    // Reading right to left: "… בתוך", then 72, then "שעות …" to its left.
    const [within, hours, seventyTwo] = ['בתוך', 'שעות', '72'].map((text) => itemWith(line, text));
    if (!within || !hours || !seventyTwo) throw new Error('expected every run');
    expect(within.x).toBeGreaterThan(seventyTwo.x + seventyTwo.width);
    expect(seventyTwo.x).toBeGreaterThan(hours.x + hours.width);
    // The full stop ends the sentence at its left end.
    expect(Math.min(...line.map((item) => item.x))).toBe(itemWith(line, 'האו"ם.').x);
  });

  it('reads back every Hebrew, Arabic and mixed paragraph as written, in logical order', async () => {
    const text = renderText(PLAN, null);
    const read = words(await extractTextFromBytes(await planPdfBytes(), 'plan.pdf'));
    const [hebrew, arabic, mixed] = text.sections[0]?.paragraphs ?? [];
    expect(read).toContain(words(hebrew ?? '-'));
    expect(read).toContain(words(arabic ?? '-'));
    expect(read).toContain(words(mixed ?? '-'));
    expect(read).toContain(text.title);
    expect(read).toContain(words(PLAN.subtitle[0] ?? '-'));
  });
});

const ARABIC_POINTS_WITH_NUMBERS = [
  {
    id: 'a1',
    number: '1',
    title: 'وقف القتال',
    text: 'تلتزم جميع الأطراف بوقف القتال خلال 72 ساعة من التوقيع.',
  },
  { id: 'a2', number: '2', title: 'الأسرى', text: 'يُطلق سراح 1250 أسيراً على دفعات بإشراف اللجنة الدولية.' },
];

// fontkit lays out Arabic-script text right to left, Arabic-Indic digits included: "٧٢" printed
// (and read back) as "٢٧", a wrong number in a plan typed with them.
describe('a number in Arabic-Indic digits in a PDF', () => {
  it('prints and reads back in its order', async () => {
    const text = 'تلتزم جميع الأطراف بوقف القتال خلال ٧٢ ساعة وتبادل ١٢٥٠ أسيراً خلال 30 يوماً.';
    const digits: ExportDocument = {
      ...PLAN,
      sections: [{ heading: 'Points', blocks: [{ id: 'digits', number: '1', title: 'الأسرى', text }] }],
    };
    const read = words(await extractTextFromBytes(await pdfOf(digits, null), 'plan.pdf'));
    expect(read).toContain(text);
  });

  it("carries each copy's digits, Western or Arabic-Indic, back to the tracer", async () => {
    const digits: ExportDocument = {
      ...PLAN,
      sections: [{ heading: 'Points', blocks: ARABIC_POINTS_WITH_NUMBERS }],
    };
    const forms = new Set<number>();
    for (let index = 0; index < 6; index++) {
      const key = `digits-key-${index}-0123456789abcdef`;
      const read = await extractTextFromBytes(await pdfOf(digits, key), 'leak.pdf');
      const marks = readMarks(read, documentBlocks(digits)).filter(
        (mark) => mark.siteId === 'copy:arabic-digits',
      );
      const expected = keyedChoice(key, 'copy:arabic-digits', 2);
      expect(marks.length, key).toBe(2);
      for (const mark of marks) expect(mark.observed, key).toEqual([expected]);
      forms.add(expected);
    }
    expect(forms.size).toBe(2);
  });
});

// Arabic draws lam and alef as one glyph. Mapped to the two letters, it read back reversed with
// its line ("لا" as "ال", "الاتفاق" as "االتفاق"): a leaked Arabic copy no longer matched its text.
describe('the lam-alef ligature in a PDF', () => {
  const SENTENCE = 'لا يجوز للأطراف إلغاء الاتفاق، وآلية السلام ملزمة.';
  const ligatures: ExportDocument = {
    ...PLAN,
    sections: [
      { heading: 'Points', blocks: [{ id: 'lam-alef', number: '1', title: 'الاتفاق', text: SENTENCE }] },
    ],
  };

  it('reads back as the letters typed, in their order', async () => {
    const read = words(await extractTextFromBytes(await pdfOf(ligatures, null), 'plan.pdf'));
    expect(read).toContain(SENTENCE);
  });

  it('is one presentation form in the text layer, as a PDF reader copies it', async () => {
    const items = (await readPdfItems(await pdfOf(ligatures, null))).flat();
    const line = items
      .filter((item) => ARABIC.test(item.text))
      .map((item) => item.text)
      .join(' ');
    expect(line).toMatch(/\ufefb/);
    // The excerpt a reader pastes is traced from the letters: core reads the form as lam and alef.
    expect(normalizeExcerpt('\ufefb يجوز')).toBe('لا يجوز');
  });
});

// A plan in Hebrew and English, copied for five delegations: an excerpt read from one copy's PDF
// still names that delegation.
describe('tracing a leaked PDF of a plan in Hebrew and English', () => {
  const blocks = [PLAN.sections[0]?.blocks[0], ...DEMO_DRAFT_POINTS.slice(0, 3), PLAN.sections[0]?.blocks[2]]
    .filter((block) => block !== undefined)
    .map((block, index) => ({
      id: 'id' in block ? block.id : block.key,
      number: String(index + 1),
      title: block.title,
      text: block.text,
    }));
  const bilingual: ExportDocument = { ...PLAN, sections: [{ heading: 'Points', blocks }] };

  it('names the recipient of the copy an excerpt was read from', async () => {
    const keys: string[] = [];
    for (let recipient = 0; recipient < 5; recipient++)
      keys.push(
        chooseFingerprintKey({
          candidates: Array.from(
            { length: 64 },
            (_, index) => `recipient-${recipient}-key-${index}-0123456789`,
          ),
          existingKeys: keys,
        }),
      );
    const exports = keys.map((key, index) => ({
      recipientId: `delegation-${index}`,
      key,
      points: documentBlocks(bilingual),
    }));
    const leaked = 3;
    const read = await extractTextFromBytes(await pdfOf(bilingual, keys[leaked] ?? ''), 'leak.pdf');
    // From the Hebrew point through the next three English ones, as a reader would select it.
    const excerpt = read.slice(read.indexOf('הפסקת אש'), read.indexOf('The city of'));
    expect(excerpt).toContain('כל הצדדים מפסיקים את הלחימה בתוך 72 שעות');
    expect(traceExports({ excerpt, exports }).verdict).toEqual({
      kind: 'identified',
      recipientId: `delegation-${leaked}`,
      basis: 'single-copy',
    });
  });
});

// How many points, from the first point's title on, name each of the five recipients in every
// format: a copy of scheme 1 (issued before scheme 2; headings only) and of scheme 2. Measured on
// 2 December 2026; fewer points do not name every recipient. Hebrew and Arabic gain nothing here:
// their points hold one gershayim and one Arabic comma in six, each worth a fraction of a heading.
describe.each([
  { language: 'Hebrew', points: HEBREW_POINTS, needed: { 1: 5, 2: 5 } },
  { language: 'Arabic', points: ARABIC_POINTS, needed: { 1: 5, 2: 5 } },
  { language: 'Russian', points: RUSSIAN_POINTS, needed: { 1: 4, 2: 3 } },
  { language: 'Ukrainian', points: UKRAINIAN_POINTS, needed: { 1: 4, 2: 4 } },
])('tracing a leaked copy of a plan wholly in $language', ({ language, points, needed }) => {
  const plan: ExportDocument = {
    ...PLAN,
    sections: [
      {
        heading: 'Points',
        blocks: points.map(([title, text], index) => ({
          id: `${language}-${index}`,
          number: String(index + 1),
          title,
          text,
        })),
      },
    ],
  };
  const keys: string[] = [];
  for (let recipient = 0; recipient < 5; recipient++)
    keys.push(
      chooseFingerprintKey({
        candidates: Array.from(
          { length: 64 },
          (_, index) => `${language}-${recipient}-key-${index}-0123456789`,
        ),
        existingKeys: keys,
      }),
    );

  /** The read text from the first point's title to the end of point `count` (titles may be in capitals). */
  const firstPoints = (read: string, count: number) => {
    const lower = read.toLowerCase();
    const start = lower.indexOf(points[0][0].toLowerCase());
    const next = points[count]?.[0];
    if (next === undefined) return read.slice(start);
    const upToNext = read.slice(start, lower.indexOf(next.toLowerCase(), start));
    return upToNext.slice(0, upToNext.lastIndexOf('.') + 1);
  };

  it.each(
    (['pdf', 'markdown', 'docx'] as const).flatMap((format) =>
      ([1, 2] as const).map((scheme: MarkScheme) => ({ format, scheme, count: needed[scheme] })),
    ),
  )(
    'names the recipient of each $format copy of scheme $scheme from its first $count points',
    async ({ format, scheme, count }) => {
      const exports = keys.map((key, index) => ({
        recipientId: `delegation-${index}`,
        key,
        points: documentBlocks(plan),
        scheme,
      }));
      for (const [index, key] of keys.entries()) {
        const bytes = await renderBytes(renderText(plan, key, scheme), { format, createdAt: CREATED_AT });
        const read = await extractTextFromBytes(bytes, `leak.${format === 'markdown' ? 'md' : format}`);
        const excerpt = firstPoints(read, count);
        expect(words(excerpt).length, `${format} copy ${index}`).toBeGreaterThan(count * 40);
        expect(traceExports({ excerpt, exports }).verdict, `${format} copy ${index}`).toEqual({
          kind: 'identified',
          recipientId: `delegation-${index}`,
          basis: 'single-copy',
        });
      }
    },
  );
});

describe('a DOCX of a plan in Hebrew and Arabic', () => {
  it('marks the right-to-left paragraphs bidi for Word, and only those', async () => {
    const bytes = await renderBytes(renderText(PLAN, null), { format: 'docx', createdAt: CREATED_AT });
    const body = readZip(bytes).get('word/document.xml') ?? '';
    const paragraphs = body.match(/<w:p[ >].*?<\/w:p>/g) ?? [];
    const holding = (text: string) => paragraphs.filter((paragraph) => paragraph.includes(text));
    for (const text of ['הפסקת אש', 'وقف القتال']) {
      expect(holding(text), text).toHaveLength(1);
      expect(holding(text)[0]).toContain('<w:bidi/>');
    }
    for (const text of ['The city of', 'Points', 'Prepared for']) {
      expect(holding(text), text).toHaveLength(1);
      expect(holding(text)[0]).not.toContain('<w:bidi');
    }
    expect(paragraphs.filter((paragraph) => paragraph.includes('<w:bidi/>'))).toHaveLength(3);
  });
});
