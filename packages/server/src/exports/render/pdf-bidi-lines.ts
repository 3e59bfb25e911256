import type { Span } from '../document/redline-marks';
import { fontsOf, type FontName } from './pdf-fonts';
import { bidi, directionOf, isStrongRightToLeft, type Direction } from './text-direction';

const LEFT_TO_RIGHT_ISOLATE = '\u2066';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * A stretch of one line drawn in one call: one level, one redline style, one face, one script.
 * `text` is what to hand to pdfkit (mirrored brackets in right-to-left text); `x` is its left edge
 * from the line's start, so runs can be drawn in logical order at their visual places.
 */
export type LineRun = {
  readonly text: string;
  readonly font: FontName;
  readonly op: Span['op'];
  readonly isRightToLeft: boolean;
  readonly x: number;
  readonly width: number;
};

export type LaidLine = { readonly runs: readonly LineRun[]; readonly width: number };

/** How wide `text` is in `font` at the current size; `isRightToLeft` runs are laid out whole. */
export type Measure = (run: { text: string; font: FontName; isRightToLeft: boolean }) => number;

export type ParagraphInput = {
  readonly spans: readonly Span[];
  readonly font: FontName;
  readonly width: number;
  readonly measure: Measure;
  /** Characters at the start that are a point's number label ("No. 7", "(7)"), kept left to right. */
  readonly labelLength?: number;
};

// fontkit reverses (and joins) a run itself when its script is right to left, and each script is
// shaped alone: Hebrew and Arabic side by side become separate runs.
function scriptOf(char: string): string | null {
  if (/\p{Script=Hebrew}/u.test(char)) return 'hebrew';
  if (/\p{Script=Arabic}/u.test(char)) return 'arabic';
  return /\p{L}/u.test(char) ? 'other' : null;
}

/** The embedding level of every UTF-16 unit, the number label isolated as left-to-right text. */
function levelsOf(text: string, labelLength: number, direction: Direction): number[] {
  if (labelLength === 0) return [...bidi.getEmbeddingLevels(text, direction).levels];
  const isolated = `${LEFT_TO_RIGHT_ISOLATE}${text.slice(0, labelLength)}${POP_DIRECTIONAL_ISOLATE}${text.slice(labelLength)}`;
  const levels = [...bidi.getEmbeddingLevels(isolated, direction).levels];
  return [...levels.slice(1, labelLength + 1), ...levels.slice(labelLength + 2)];
}

type Segment = { start: number; end: number; level: number; script: string | null };

type Paragraph = {
  readonly text: string;
  readonly levels: readonly number[];
  readonly ops: readonly Span['op'][];
  readonly fonts: readonly FontName[];
};

/** Logical runs of one line: a new run wherever level, style, face or script changes. */
function segmentsOf(paragraph: Paragraph, start: number, end: number): Segment[] {
  const { text, levels, ops, fonts } = paragraph;
  const segments: Segment[] = [];
  for (let index = start; index < end; index++) {
    const script = scriptOf(text[index] ?? '');
    const last = segments.at(-1);
    const joins =
      last !== undefined &&
      levels[index] === last.level &&
      ops[index] === ops[last.start] &&
      fonts[index] === fonts[last.start] &&
      (script === null || last.script === null || script === last.script);
    if (last !== undefined && joins) {
      last.end = index + 1;
      last.script ??= script;
    } else segments.push({ start: index, end: index + 1, level: levels[index] ?? 0, script });
  }
  // A right-to-left run without a right-to-left letter is not reversed by fontkit: its characters
  // are placed one by one instead.
  return segments.flatMap((segment) =>
    segment.level % 2 === 1 && ![...text.slice(segment.start, segment.end)].some(isStrongRightToLeft)
      ? Array.from({ length: segment.end - segment.start }, (_, offset) => ({
          ...segment,
          start: segment.start + offset,
          end: segment.start + offset + 1,
        }))
      : [segment],
  );
}

/** UAX #9 rule L2 on whole runs: reverse every sequence at or above each odd level, highest first. */
function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, index) => index);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.map((level) => (level % 2 === 1 ? level : level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let from = 0; from < order.length; from++) {
      if ((levels[order[from] ?? 0] ?? 0) < level) continue;
      let to = from;
      while (to + 1 < order.length && (levels[order[to + 1] ?? 0] ?? 0) >= level) to++;
      order.splice(from, to - from + 1, ...order.slice(from, to + 1).reverse());
      from = to;
    }
  }
  return order;
}

function mirrored(text: string, level: number): string {
  if (level % 2 === 0) return text;
  return [...text].map((char) => bidi.getMirroredCharacter(char) ?? char).join('');
}

function layLine(paragraph: Paragraph, range: { start: number; end: number }, measure: Measure): LaidLine {
  const segments = segmentsOf(paragraph, range.start, range.end);
  const drawn = segments.map((segment) => {
    const text = mirrored(paragraph.text.slice(segment.start, segment.end), segment.level);
    const font = paragraph.fonts[segment.start] ?? 'regular';
    const isRightToLeft = [...text].some(isStrongRightToLeft);
    return { text, font, op: paragraph.ops[segment.start] ?? 'equal', isRightToLeft, width: 0, x: 0 };
  });
  for (const run of drawn) run.width = measure(run);
  let x = 0;
  for (const index of visualOrder(segments.map((segment) => segment.level))) {
    const run = drawn[index];
    if (run === undefined) continue;
    run.x = x;
    x += run.width;
  }
  return { runs: drawn, width: x };
}

/** The width of a stretch of the paragraph, each face measured on its own. */
function widthOf(paragraph: Paragraph, range: { start: number; end: number }, measure: Measure): number {
  let width = 0;
  let from = range.start;
  for (let index = range.start + 1; index <= range.end; index++) {
    if (index < range.end && paragraph.fonts[index] === paragraph.fonts[from]) continue;
    const font = paragraph.fonts[from] ?? 'regular';
    width += measure({ text: paragraph.text.slice(from, index), font, isRightToLeft: false });
    from = index;
  }
  return width;
}

/** Where each line of the paragraph starts and ends: greedy breaks after white space. */
function lineRanges(paragraph: Paragraph, input: ParagraphInput): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let line = { start: 0, end: 0 };
  let lineWidth = 0;
  for (const match of paragraph.text.matchAll(/\S*\s*/g)) {
    if (match[0] === '') continue;
    const word = { start: match.index, end: match.index + match[0].length };
    const inked = { start: word.start, end: word.start + match[0].trimEnd().length };
    const fits =
      line.end === line.start || lineWidth + widthOf(paragraph, inked, input.measure) <= input.width;
    if (!fits) {
      ranges.push(line);
      line = { ...word };
      lineWidth = 0;
    } else line.end = word.end;
    lineWidth += widthOf(paragraph, word, input.measure);
  }
  if (line.end > line.start) ranges.push(line);
  return ranges;
}

/**
 * A paragraph laid out by the Unicode Bidirectional Algorithm (UAX #9): levels for the whole
 * paragraph, lines broken in logical order, then each line's runs put in visual order. Runs are
 * reordered, never characters: fontkit joins Arabic letters only when it gets a run in logical
 * order, and reverses a right-to-left run itself.
 */
export function layParagraph(input: ParagraphInput): { direction: Direction; lines: LaidLine[] } {
  // A line break inside a paragraph would end the bidirectional paragraph (UAX #9 P1).
  const text = input.spans.map((span) => span.text.replace(/\n/g, ' ')).join('');
  const labelLength = input.labelLength ?? 0;
  const direction = directionOf(text.slice(labelLength));
  const paragraph: Paragraph = {
    text,
    levels: levelsOf(text, labelLength, direction),
    ops: input.spans.flatMap((span) => Array.from({ length: span.text.length }, () => span.op)),
    fonts: fontsOf(text, input.font),
  };
  const lines = lineRanges(paragraph, input).map((range) => {
    // Trailing white space is not drawn: at a line's end it would push right-aligned text inwards.
    const end = range.start + text.slice(range.start, range.end).trimEnd().length;
    return layLine(paragraph, { start: range.start, end }, input.measure);
  });
  return { direction, lines };
}
