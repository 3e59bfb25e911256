import { assertNever, type ExportFormat } from '@parley/core';
import type { RenderedText } from '../document/export-document';
import { renderAkn } from './render-akn';
import { renderDocx } from './render-docx';
import { renderMarkdown } from './render-markdown';
import { renderPdf } from './render-pdf';

/**
 * Lays out one recipient's text in a format; the text (and so the fingerprint) is the same in every
 * format. Runs in a pool thread (`render-in-pool.ts`), never on the request path.
 */
export async function renderBytes(
  text: RenderedText,
  input: { format: ExportFormat; createdAt: Date },
): Promise<Buffer> {
  switch (input.format) {
    case 'markdown':
      return Buffer.from(renderMarkdown(text), 'utf8');
    case 'pdf':
      return renderPdf(text, input.createdAt);
    case 'docx':
      return renderDocx(text);
    case 'akn':
      return Buffer.from(`${renderAkn(text, input.createdAt)}\n`, 'utf8');
    default:
      return assertNever(input.format);
  }
}
