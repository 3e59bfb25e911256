import { fail, ok, type RuleProblem, type RuleResult } from '../result';
import { matchPointLine, matchTopicLine, splitTitle, type PointLine } from './point-line';

/** One point read from text, with the line it started on (1-based). */
export type ParsedPoint = {
  readonly number: number;
  readonly title: string;
  readonly text: string;
  readonly topic: string | null;
  readonly line: number;
};
export type ParsedPlan = {
  readonly title: string | null;
  readonly preamble: string;
  readonly points: readonly ParsedPoint[];
};
export type PlanTextProblemCode = 'no-points' | 'numbering' | 'empty-point' | 'too-many-points';

/** More points than any negotiated text has; every page and comparison of a version holds them all. */
export const MAX_PLAN_POINTS = 2_000;
/** Problems listed one by one; past these, one more line says how many were left out. */
export const MAX_LISTED_PROBLEMS = 50;

type Segment = { separator: string; text: string };
type OpenPoint = {
  marker: PointLine;
  line: number;
  topic: string | null;
  body: Segment[];
  breakPending: boolean;
};

const SHORT_TITLE = 90;

/**
 * Reads a plan from Markdown or plain text pasted from a document: numbered points ("1. …", "12)",
 * "(3)", "Point 2 —", "### 4. Title") grouped under topic headings. Numbering must run 1, 2, 3, …;
 * every problem names its line.
 */
export function parsePlanText(input: string): RuleResult<ParsedPlan, PlanTextProblemCode> {
  const lines = input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\t]/g, ' ')
    .split('\n');
  const points: ParsedPoint[] = [];
  const problems: RuleProblem<PlanTextProblemCode>[] = [];
  const preamble: string[] = [];
  const title = documentTitle(lines);
  let topic: string | null = null;
  let open: OpenPoint | undefined;
  const close = () => {
    if (open === undefined) return;
    const point = finishPoint(open);
    if (point.text === '')
      problems.push({
        code: 'empty-point',
        line: open.line,
        message: `line ${open.line}: point ${open.marker.number} has no text`,
      });
    points.push(point);
    open = undefined;
  };
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    if (raw.trim() === '') {
      if (open !== undefined) open.breakPending = true;
      return;
    }
    if (title !== null && index === title.index) return;
    const marker = matchPointLine(raw);
    if (
      marker !== undefined &&
      (open === undefined || marker.indent <= open.marker.indent + 1 || marker.headingLevel > 0)
    ) {
      close();
      open = { marker, line: lineNumber, topic, body: [], breakPending: false };
      return;
    }
    const topicLine = marker === undefined ? matchTopicLine(raw) : undefined;
    const isTitleForEmptyPoint =
      open !== undefined && open.marker.rest === '' && open.body.length === 0 && !raw.trim().startsWith('#');
    if (topicLine !== undefined && !isTitleForEmptyPoint) {
      close();
      topic = topicLine;
      return;
    }
    if (open === undefined) {
      preamble.push(raw.trim());
      return;
    }
    appendBody(open, raw.trim());
  });
  close();
  if (points.length === 0) {
    return fail({
      code: 'no-points',
      line: 1,
      message: 'line 1: no numbered points found (expected lines such as "1. …", "12) …" or "Point 2 — …")',
    });
  }
  if (points.length > MAX_PLAN_POINTS) {
    const first = points[MAX_PLAN_POINTS]!;
    return fail({
      code: 'too-many-points',
      line: first.line,
      message: `line ${first.line}: a plan holds at most ${MAX_PLAN_POINTS} points; this text has ${points.length}`,
    });
  }
  // Not push(...): a spread passes every problem as an argument, and a long text overflows the stack.
  for (const problem of checkNumbering(points)) problems.push(problem);
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (problems.length > 0) return fail(...listed(problems));
  return ok({ title: title?.text ?? null, preamble: preamble.join('\n'), points });
}

/** The first problems, and a line saying how many more there are: a reader fixes the first ones first. */
function listed(problems: readonly RuleProblem<PlanTextProblemCode>[]): RuleProblem<PlanTextProblemCode>[] {
  if (problems.length <= MAX_LISTED_PROBLEMS) return [...problems];
  const next = problems[MAX_LISTED_PROBLEMS]!;
  return [
    ...problems.slice(0, MAX_LISTED_PROBLEMS),
    {
      code: next.code,
      line: next.line,
      message: `line ${next.line}: and ${problems.length - MAX_LISTED_PROBLEMS} more problems from here on, not listed`,
    },
  ];
}

function documentTitle(lines: readonly string[]): { index: number; text: string } | null {
  const index = lines.findIndex((line) => line.trim() !== '');
  const first = /^#\s+(.*)$/.exec(lines[index]?.trim() ?? '');
  if (first?.[1] === undefined || matchPointLine(first[1]) !== undefined) return null;
  // A single level-1 heading on top names the document; several level-1 headings are topics.
  const levelOne = lines.filter((line) => /^#\s+/.test(line.trim())).length;
  return levelOne === 1 ? { index, text: first[1].trim() } : null;
}

function appendBody(open: OpenPoint, line: string): void {
  const isListItem = /^(?:[-*+•]|[a-z][.)]|\([a-z]\)|\d+[.)]|\d+\.\d+)\s/i.test(line);
  const separator = open.breakPending ? '\n\n' : isListItem ? '\n' : ' ';
  open.body.push({ separator, text: line });
  open.breakPending = false;
}

function joinSegments(segments: readonly Segment[]): string {
  return segments
    .map((segment, index) => (index === 0 ? '' : segment.separator) + segment.text)
    .join('')
    .trim();
}

function finishPoint(open: OpenPoint): ParsedPoint {
  const { marker, body } = open;
  const base = { number: marker.number, topic: open.topic, line: open.line };
  const [first, ...others] = body;
  if (marker.rest === '') {
    if (first !== undefined && others.length > 0 && looksLikeTitle(first.text)) {
      return { ...base, title: unbold(first.text), text: joinSegments(others) };
    }
    return { ...base, title: '', text: joinSegments(body) };
  }
  // A short line followed by a new sentence on the next line is a title; a lower-case next line is a wrap.
  const startsAfresh =
    first !== undefined && (first.separator !== ' ' || /^[\p{Lu}\d*"“(]/u.test(first.text));
  if (
    marker.headingLevel > 0 ||
    (startsAfresh && looksLikeTitle(marker.rest) && splitTitle(marker.rest).title === '')
  ) {
    return { ...base, title: unbold(marker.rest), text: joinSegments(body) };
  }
  const split = splitTitle(marker.rest);
  return { ...base, title: split.title, text: joinSegments([{ separator: '', text: split.text }, ...body]) };
}

function looksLikeTitle(line: string): boolean {
  const text = unbold(line);
  return (
    text.length <= SHORT_TITLE &&
    !/[.;,]$/.test(text) &&
    !/[.;!?]\s/.test(text) &&
    text.split(/\s+/).length <= 12
  );
}

function unbold(line: string): string {
  return line
    .replace(/^\*\*(.*)\*\*:?$/, '$1')
    .replace(/[:\s]+$/, '')
    .trim();
}

function checkNumbering(points: readonly ParsedPoint[]): RuleProblem<'numbering'>[] {
  const problems: RuleProblem<'numbering'>[] = [];
  const firstLine = new Map<number, number>();
  let previous = 0;
  for (const point of points) {
    const at = `line ${point.line}`;
    const seen = firstLine.get(point.number);
    if (seen !== undefined) {
      problems.push({
        code: 'numbering',
        line: point.line,
        message: `${at}: point ${point.number} appears twice (first on line ${seen})`,
      });
    } else if (previous === 0 && point.number !== 1) {
      problems.push({
        code: 'numbering',
        line: point.line,
        message: `${at}: the first point is numbered ${point.number}; numbering must start at 1`,
      });
    } else if (point.number < previous) {
      problems.push({
        code: 'numbering',
        line: point.line,
        message: `${at}: point ${point.number} comes after point ${previous}; points must be in order`,
      });
    } else if (point.number > previous + 1 && previous > 0) {
      const missing =
        point.number === previous + 2
          ? `point ${previous + 1} is missing`
          : `points ${previous + 1}–${point.number - 1} are missing`;
      problems.push({
        code: 'numbering',
        line: point.line,
        message: `${at}: point ${point.number} follows point ${previous}; ${missing}`,
      });
    }
    if (seen === undefined) firstLine.set(point.number, point.line);
    previous = Math.max(previous, point.number);
  }
  return problems;
}
