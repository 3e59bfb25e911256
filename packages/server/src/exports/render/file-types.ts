import type { ExportFormat } from '@parley/core';

/** The delivered file: its bytes and how to serve them. */
export type RenderedFile = {
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly extension: string;
};

// Apart from the renderers, so serving and listing files does not load PDF and DOCX layout.
export const FILE_TYPES = {
  markdown: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  akn: { contentType: 'application/akn+xml; charset=utf-8', extension: 'xml' },
} as const satisfies Record<ExportFormat, { contentType: string; extension: string }>;
