import type { DiffPart } from '@parley/core';

// Private-use characters bracket deleted and inserted text inside a block's text, so the
// fingerprint is applied to the redline like any other text (the marks are not letters, so no
// site spans them) and each format then lays the spans out as it can: Word tracked changes,
// coloured strike-through and underline in PDF, <del>/<ins> in Markdown. No reader ever sees them.
const DEL_OPEN = '\uE000';
const DEL_CLOSE = '\uE001';
const INS_OPEN = '\uE002';
const INS_CLOSE = '\uE003';
const ANY_MARK = /[\uE000-\uE003]/g;

export type Span = { readonly op: 'equal' | 'insert' | 'delete'; readonly text: string };

/** Where a block's text starts a new paragraph: a blank line, as points are written. */
export const PARAGRAPH_BREAK = /\n\s*\n/;

/**
 * A word diff as marked text. A deletion followed by an insertion keeps a trailing space inside
 * the deletion, so the two do not run together when read (or pasted) and accepting both leaves
 * exactly the new text. The paragraphs of a merged or split row's points stay paragraphs (they ran
 * together), and no mark spans a paragraph break: each format lays paragraphs out on their own.
 */
export function markDiff(diff: readonly DiffPart[]): string {
  const parts = diff.map((part) => ({
    ...part,
    text: part.text
      .split(PARAGRAPH_BREAK)
      .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' '))
      .join('\n\n'),
  }));
  const wrap = (open: string, text: string, close: string) =>
    text
      .split('\n\n')
      .map((paragraph) => (paragraph === '' ? '' : `${open}${paragraph}${close}`))
      .join('\n\n');
  return parts
    .map((part, index) => {
      if (part.op === 'equal') return part.text;
      if (part.op === 'insert') return wrap(INS_OPEN, part.text, INS_CLOSE);
      const next = parts[index + 1];
      const spaced = next?.op === 'insert' && !/\s$/.test(part.text) ? `${part.text} ` : part.text;
      return wrap(DEL_OPEN, spaced, DEL_CLOSE);
    })
    .join('');
}

/** The text as a reader of the printed redline sees it: deleted and inserted words both, no marks. */
export const unmarked = (text: string) => text.replace(ANY_MARK, '');

/** Whether a text holds any tracked change. */
export const hasRevisions = (text: string) => /[\uE000\uE002]/.test(text);

/** Splits marked text into equal, deleted and inserted spans (empty spans left out). */
export function spansOf(text: string): Span[] {
  const spans: Span[] = [];
  let op: Span['op'] = 'equal';
  let current = '';
  const flush = () => {
    if (current !== '') spans.push({ op, text: current });
    current = '';
  };
  for (const char of text) {
    if (char === DEL_OPEN || char === INS_OPEN) {
      flush();
      op = char === DEL_OPEN ? 'delete' : 'insert';
    } else if (char === DEL_CLOSE || char === INS_CLOSE) {
      flush();
      op = 'equal';
    } else current += char;
  }
  flush();
  return spans;
}

/** Spans cut at paragraph breaks: one list per paragraph, each span in its own paragraph. */
export function paragraphsOfSpans(spans: readonly Span[]): Span[][] {
  const paragraphs: Span[][] = [[]];
  for (const span of spans)
    span.text.split(PARAGRAPH_BREAK).forEach((text, index) => {
      if (index > 0) paragraphs.push([]);
      if (text !== '') paragraphs.at(-1)?.push({ op: span.op, text });
    });
  return paragraphs.filter((paragraph) => paragraph.length > 0);
}
