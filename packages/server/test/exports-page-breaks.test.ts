// A topic's heading left alone at the foot of a PDF page, its points overleaf, read as an empty
// topic and parted a quoted excerpt from its heading by the page marks. Which copy it hit
// depended on the recipient's fingerprint (it reflows the text), so CI met it now and then.
import { describe, expect, it } from 'vitest';
import type { RenderedText } from '../src/exports/document/export-document';
import { renderBytes } from '../src/exports/render/render-file';
import { readPdf, readZip } from './helpers/read-files';

const filler = (count: number) =>
  Array.from(
    { length: count },
    (_, index) => `No. ${index + 1} Point number ${index + 1} of the first topic.`,
  );

function twoTopics(fillerCount: number, revised: boolean): RenderedText {
  return {
    title: 'Draft plan',
    subtitle: ['Prepared for a delegation'],
    footer: [],
    sections: [
      { heading: 'Security', paragraphs: filler(fillerCount) },
      {
        heading: 'Implementation and monitoring',
        paragraphs: ['No. 99 Monitoring — A joint commission reports on implementation every month.'],
        ...(revised ? { revision: { author: 'Mediator', date: '2025-12-01' } } : {}),
      },
    ],
  };
}

describe('an exported copy’s page breaks', () => {
  // One-line points move the second heading down a line at a time, across the foot of page 1.
  it.each([false, true])(
    'never leaves a topic heading at the foot of a page without its first point (legend: %s)',
    async (revised) => {
      const pageOfHeading = new Set<number>();
      for (let count = 22; count <= 34; count++) {
        const bytes = await renderBytes(twoTopics(count, revised), {
          format: 'pdf',
          createdAt: new Date('2025-12-01T00:00:00Z'),
        });
        const pages = (await readPdf(bytes)).map((page) => page.text.replace(/\s+/g, ' '));
        const page = pages.findIndex((text) => text.includes('Implementation and monitoring'));
        expect(page, `${count} points`).toBeGreaterThanOrEqual(0);
        pageOfHeading.add(page);
        expect(pages[page], `${count} points: the first point shares the heading's page`).toContain(
          'No. 99 Monitoring',
        );
      }
      // The sweep did cross the page's foot: the heading sat on page 1 and then on page 2.
      expect([...pageOfHeading].sort()).toEqual([0, 1]);
    },
  );

  it('asks Word to keep each topic heading with the paragraph after it', async () => {
    const bytes = await renderBytes(twoTopics(3, false), { format: 'docx', createdAt: new Date(0) });
    const xml = readZip(bytes).get('word/document.xml') ?? '';
    const headings = [
      ...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*<\/w:p>/g),
    ];
    expect(headings.map((match) => /<w:t[^>]*>([^<]*)/.exec(match[0])?.[1])).toEqual([
      'Security',
      'Implementation and monitoring',
    ]);
    for (const [heading] of headings) expect(heading).toContain('<w:keepNext/>');
  });
});
