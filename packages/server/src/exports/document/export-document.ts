import {
  embedPoint,
  headingVariants,
  LATEST_MARK_SCHEME,
  type FingerprintPoint,
  type MarkScheme,
  type PlanVersionId,
} from '@parley/core';
import { unmarked } from './redline-marks';

/** Who made the changes a redline section shows, and when: Word's tracked-change author and date. */
export type Revision = { readonly author: string; readonly date: string };

/**
 * A titled run of blocks; each block is a fingerprint point (stable id, number, title, text). A
 * redline section's texts carry deletions and insertions (`redline-marks.ts`) made by `revision`.
 */
export type ExportSection = {
  readonly heading: string | null;
  readonly blocks: readonly FingerprintPoint[];
  readonly revision?: Revision;
};

/** How every page is marked: the header line and, optionally, a diagonal watermark (PDF). */
export type Marking = { readonly header: string | null; readonly watermark: string | null };

/** Who made the material and when: what a structured format (Akoma Ntoso) names the work by. */
export type ExportIdentity = {
  readonly negotiationId: string;
  readonly versionId: PlanVersionId;
  readonly versionLabel: string;
  /** The version's date (yyyy-mm-dd). */
  readonly versionDate: string;
  /** The party that keeps the text (the mediator). */
  readonly author: string;
};

/** What an export says, before any recipient's marks: the same for every format. */
export type ExportDocument = {
  readonly identity?: ExportIdentity;
  readonly title: string;
  /** Unmarked lines under the title (who the copy is for, when, which material). */
  readonly subtitle: readonly string[];
  readonly sections: readonly ExportSection[];
  /** Restricted material is fingerprinted; public readouts are not. */
  readonly isFingerprinted: boolean;
  /** Unmarked lines every page or copy ends with (see footer-lines.ts). */
  readonly footer?: readonly string[];
  readonly marking?: Marking;
};

/** One block as the recipient reads it: the marked heading and text, and the canonical number and title. */
export type RenderedBlock = {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly heading: string;
  readonly text: string;
};

/** The document as one recipient's text: what every format lays out, character for character. */
export type RenderedText = {
  readonly title: string;
  readonly subtitle: readonly string[];
  readonly sections: readonly {
    readonly heading: string | null;
    readonly paragraphs: readonly string[];
    /** The blocks behind the paragraphs (absent for text laid out without them). */
    readonly blocks?: readonly RenderedBlock[];
    readonly revision?: Revision;
  }[];
  readonly footer: readonly string[];
  readonly marking?: Marking;
  readonly identity?: ExportIdentity;
};

function renderBlock(
  block: FingerprintPoint,
  marks: { key: string | null; scheme: MarkScheme },
): RenderedBlock {
  const { key, scheme } = marks;
  const canonical = { id: block.id, number: block.number, title: block.title };
  // Untitled blocks (a readout's paragraphs) are just their text.
  if (block.title === '' && block.number === '') return { ...canonical, heading: '', text: block.text };
  if (key === null) return { ...canonical, heading: headingVariants(block)[0] ?? '', text: block.text };
  const marked = embedPoint(block, { key, scheme });
  return { ...canonical, heading: marked.heading, text: marked.text };
}

/**
 * Every block of the document, in order: what tracing matches a leaked excerpt against. A redline
 * block is stored as a reader of the printed copy sees it, deleted and inserted words both (in its
 * title as in its text).
 */
export function documentBlocks(document: ExportDocument): FingerprintPoint[] {
  return document.sections.flatMap((section) =>
    section.blocks.map((block) => ({ ...block, title: unmarked(block.title), text: unmarked(block.text) })),
  );
}

/**
 * The recipient's text: each block carries the marks `key` chooses under `scheme` (default the
 * latest; an older one only to remake a copy issued under it), or none without a key.
 */
export function renderText(
  document: ExportDocument,
  key: string | null,
  scheme: MarkScheme = LATEST_MARK_SCHEME,
): RenderedText {
  return {
    title: document.title,
    subtitle: document.subtitle,
    footer: document.footer ?? [],
    ...(document.identity === undefined ? {} : { identity: document.identity }),
    ...(document.marking === undefined ? {} : { marking: document.marking }),
    sections: document.sections.map((section) => {
      const blocks = section.blocks.map((block) => renderBlock(block, { key, scheme }));
      return {
        heading: section.heading,
        blocks,
        paragraphs: blocks.map((block) => block.heading + block.text),
        ...(section.revision === undefined ? {} : { revision: section.revision }),
      };
    }),
  };
}

/** Splits free text (minutes, readouts) into paragraphs at blank lines. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
}
