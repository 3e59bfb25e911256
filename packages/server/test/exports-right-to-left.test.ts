import { describe, expect, it } from 'vitest';
import { renderText, type ExportDocument } from '../src/exports/document/export-document';
import { renderBytes } from '../src/exports/render/render-file';
import { readPdfItems, type PdfTextItem } from './helpers/read-files';

// A plan negotiated in Hebrew and Arabic, with one point in English naming the city in both.
const PLAN: ExportDocument = {
  title: 'שלום · سلام',
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

async function planPdf(): Promise<PdfTextItem[]> {
  const text = renderText(PLAN, null);
  const bytes = await renderBytes(text, { format: 'pdf', createdAt: new Date('2025-12-01T00:00:00Z') });
  return (await readPdfItems(bytes)).flat();
}

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
});
