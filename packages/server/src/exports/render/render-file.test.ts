import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEMO_DRAFT_POINTS } from '../../demo/plan-data';
import { renderText, type ExportDocument } from '../document/export-document';
import { extractText } from '../extract/extract-text';
import { FILE_TYPES } from './file-types';
import { renderBytes } from './render-file';

const document: ExportDocument = {
  title: 'Draft plan',
  subtitle: ['Prepared for a delegation'],
  isFingerprinted: true,
  sections: [
    {
      heading: 'Points',
      blocks: DEMO_DRAFT_POINTS.slice(0, 8).map((point, index) => ({
        id: point.key,
        number: String(index + 1),
        title: point.title,
        text: point.text,
      })),
    },
  ],
};
// Layout differs (line wraps, blank lines); the words, spellings and punctuation must not.
const words = (text: string) =>
  text
    .replace(/[\u200b\u200c]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('one recipient’s text in every format', () => {
  it('holds the same fingerprinted paragraphs in Markdown, PDF and DOCX', async () => {
    const text = renderText(document, 'a-recipient-key-0123456789abcdef');
    const dir = mkdtempSync(join(tmpdir(), 'parley-formats-'));
    const extracted: Record<string, string> = {};
    for (const format of ['markdown', 'pdf', 'docx'] as const) {
      const file = {
        bytes: await renderBytes(text, { format, createdAt: new Date('2025-12-01T00:00:00Z') }),
        ...FILE_TYPES[format],
      };
      const path = join(dir, `copy.${file.extension}`);
      writeFileSync(path, file.bytes);
      extracted[format] = words(await extractText(path));
    }
    for (const paragraph of text.sections.flatMap((section) => section.paragraphs)) {
      for (const format of ['markdown', 'pdf', 'docx'])
        expect(extracted[format], format).toContain(words(paragraph));
    }
  });

  it('puts no invisible character in Markdown or DOCX, so search and copy-paste work', async () => {
    const text = renderText(document, 'a-recipient-key-0123456789abcdef');
    const markdown = await renderBytes(text, { format: 'markdown', createdAt: new Date(0) });
    expect(markdown.toString('utf8')).not.toMatch(/[\u200b-\u200d\u2060\ufeff]/);
    const dir = mkdtempSync(join(tmpdir(), 'parley-invisible-'));
    const docx = await renderBytes(text, { format: 'docx', createdAt: new Date(0) });
    writeFileSync(join(dir, 'copy.docx'), docx);
    expect(await extractText(join(dir, 'copy.docx'))).not.toMatch(/[\u200b-\u200d\u2060\ufeff]/);
  });

  it('renders the same PDF bytes for the same text and date', async () => {
    const text = renderText(document, 'another-key-0123456789abcdef0123');
    const [first, second] = await Promise.all(
      [1, 2].map(() => renderBytes(text, { format: 'pdf', createdAt: new Date('2025-12-01T00:00:00Z') })),
    );
    expect(first?.equals(second ?? Buffer.alloc(0))).toBe(true);
  });

  // Word reads a line break inside a run as a space: a point's second paragraph ran into its first.
  it('gives each paragraph of a point its own Word paragraph', async () => {
    const twoParagraphs: ExportDocument = {
      ...document,
      sections: [
        {
          heading: 'Points',
          blocks: [
            {
              id: 'ceasefire',
              number: '1',
              title: 'Ceasefire',
              text: 'All hostilities stop within 72 hours.\n\nA monitoring mission reports weekly.',
            },
          ],
        },
      ],
    };
    const docx = await renderBytes(renderText(twoParagraphs, null), {
      format: 'docx',
      createdAt: new Date(0),
    });
    const xml = unzipSync(new Uint8Array(docx))['word/document.xml'];
    const paragraphs = strFromU8(xml ?? new Uint8Array()).split('</w:p>');
    expect(paragraphs.find((paragraph) => paragraph.includes('72 hours.'))).not.toContain('monitoring');
    expect(paragraphs.some((paragraph) => />A monitoring mission reports weekly\.</.test(paragraph))).toBe(
      true,
    );
  });
});
