import { embedPoint, headingVariants, type FingerprintPoint } from '@parley/core';

/** A titled run of blocks; each block is a fingerprint point (stable id, number, title, text). */
export type ExportSection = { readonly heading: string | null; readonly blocks: readonly FingerprintPoint[] };

/** What an export says, before any recipient's marks: the same for every format. */
export type ExportDocument = {
  readonly title: string;
  /** Unmarked lines under the title (who the copy is for, when, which material). */
  readonly subtitle: readonly string[];
  readonly sections: readonly ExportSection[];
  /** Restricted material is fingerprinted; public readouts are not. */
  readonly isFingerprinted: boolean;
  /** Unmarked lines every page or copy ends with (see footer-lines.ts). */
  readonly footer?: readonly string[];
};

/** The document as one recipient's text: what every format lays out, character for character. */
export type RenderedText = {
  readonly title: string;
  readonly subtitle: readonly string[];
  readonly sections: readonly { readonly heading: string | null; readonly paragraphs: readonly string[] }[];
  readonly footer: readonly string[];
};

function plainParagraph(block: FingerprintPoint): string {
  // Untitled blocks (a readout's paragraphs) are just their text.
  if (block.title === '' && block.number === '') return block.text;
  return `${headingVariants(block)[0] ?? ''}${block.text}`;
}

/** Every block of the document, in order: what tracing matches a leaked excerpt against. */
export function documentBlocks(document: ExportDocument): FingerprintPoint[] {
  return document.sections.flatMap((section) => section.blocks);
}

/** The recipient's text: each block carries the marks `key` chooses, or none without a key. */
export function renderText(document: ExportDocument, key: string | null): RenderedText {
  return {
    title: document.title,
    subtitle: document.subtitle,
    footer: document.footer ?? [],
    sections: document.sections.map((section) => ({
      heading: section.heading,
      paragraphs: section.blocks.map((block) => {
        if (key === null) return plainParagraph(block);
        const marked = embedPoint(block, { key });
        return `${marked.heading}${marked.text}`;
      }),
    })),
  };
}

/** Splits free text (minutes, readouts) into paragraphs at blank lines. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
}
