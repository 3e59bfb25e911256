import { assertNever, type ExportFormat } from '@parley/core';
import type { RenderedText } from '../document/export-document';
import { renderAkn } from './render-akn';
import { renderDocx } from './render-docx';
import { renderMarkdown } from './render-markdown';
import { renderPdf } from './render-pdf';

/** The delivered file: its bytes and how to serve them. */
export type RenderedFile = {
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly extension: string;
};

export const FILE_TYPES = {
  markdown: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  akn: { contentType: 'application/akn+xml; charset=utf-8', extension: 'xml' },
} as const satisfies Record<ExportFormat, { contentType: string; extension: string }>;

/** Lays out one recipient's text in a format; the text (and so the fingerprint) is the same in all three. */
export async function renderFile(
  text: RenderedText,
  input: { format: ExportFormat; createdAt: Date },
): Promise<RenderedFile> {
  const bytes = await renderBytes(text, input);
  return { bytes, ...FILE_TYPES[input.format] };
}

async function renderBytes(
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
