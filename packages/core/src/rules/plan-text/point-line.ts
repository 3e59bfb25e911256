/** A line that opens a numbered point, with its indentation and what follows the marker. */
export type PointLine = {
  readonly number: number;
  readonly indent: number;
  readonly rest: string;
  readonly headingLevel: number;
};

// Up to six digits: a longer numbered list is refused as too long, never folded into its 9999th point.
const BOLD_NUMBERED_TITLE = /^\*\*\s*(\d{1,6})\s*[.)]\s+(.*)$/;

// Each pattern captures (number, rest). Order matters: the labelled forms ("Point 2 —") first.
const MARKERS: readonly RegExp[] = [
  /^(?:point|article|clause|item|§)\s*(\d{1,6})\s*(?:[—–:.)]|-(?!\d))?\s*(.*)$/i,
  /^\*\*\s*(\d{1,6})\s*[.)]\s*\*\*\s*(.*)$/, // **1.** text
  BOLD_NUMBERED_TITLE, // **1. Title.** text
  /^(\d{1,6})\s*[.)]\s+(.*)$/, // 1. text   12) text
  /^(\d{1,6})\s*[.)]$/, // "3." alone on its line
  /^\((\d{1,6})\)\s*(.*)$/, // (3) text
  /^(\d{1,6})\s*[—–]\s*(.*)$/, // 4 — text
];

/** Recognises "1. …", "12)", "(3)", "Point 2 —", "**4.** …", "### 5. …" (after list bullets and spaces). */
export function matchPointLine(raw: string): PointLine | undefined {
  const indent = raw.length - raw.trimStart().length;
  let body = raw.trim();
  let headingLevel = 0;
  const heading = /^(#{1,6})\s+(.*)$/.exec(body);
  if (heading?.[1] !== undefined && heading[2] !== undefined) {
    headingLevel = heading[1].length;
    body = heading[2];
  }
  body = body.replace(/^[-*+•]\s+/, '');
  for (const marker of MARKERS) {
    const match = marker.exec(body);
    if (match?.[1] === undefined) continue;
    const rest = (match[2] ?? '').trim();
    // "**1. Title.** text": the bold opened before the number, so give the title its opening back.
    const reopened = marker === BOLD_NUMBERED_TITLE && rest.includes('**') ? `**${rest}` : rest;
    return { number: Number(match[1]), indent, rest: reopened, headingLevel };
  }
  return undefined;
}

/** A topic heading: a Markdown heading, a line in bold only, or a short line in capitals. */
export function matchTopicLine(raw: string): string | undefined {
  const body = raw.trim();
  const heading = /^#{1,6}\s+(.*)$/.exec(body);
  const bold = /^\*\*([^*]+)\*\*:?$/.exec(body);
  const candidate = heading?.[1] ?? bold?.[1];
  if (candidate !== undefined) return cleanTopic(candidate);
  const letters = body.replace(/[^\p{L}]/gu, '');
  if (
    letters.length >= 3 &&
    body.length <= 80 &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase()
  ) {
    return cleanTopic(body.charAt(0) + body.slice(1).toLowerCase());
  }
  return undefined;
}

function cleanTopic(text: string): string {
  return text
    .replace(/^(?:topic|section|part|chapter)\s+[\w.]+\s*[—–:.-]\s*/i, '')
    .replace(/[:.]\s*$/, '')
    .trim();
}

/** Splits "Title — text", "Title - Text", "**Title.** text", "Title: text" into a title and text; otherwise no title. */
export function splitTitle(rest: string): { title: string; text: string } {
  const bold = /^\*\*(.+?)\*\*\s*[.:—–-]?\s*(.*)$/.exec(rest);
  if (bold?.[1] !== undefined) return { title: stripEnd(bold[1]), text: (bold[2] ?? '').trim() };
  const dash =
    /^(.{2,90}?)\s+[—–]\s+(.+)$/.exec(rest) ??
    /^([^:.]{2,60}):\s+(.+)$/.exec(rest) ??
    // A typed hyphen stands for the dash in plain text, but also joins clauses mid-sentence ("the
    // parties - including Europe - agree"): it separates a title only when a sentence follows it.
    /^([^:.]{2,60}?)\s+-\s+([\p{Lu}\p{N}"“‘'(].*)$/u.exec(rest);
  if (dash?.[1] !== undefined && dash[2] !== undefined && wordCount(dash[1]) <= 10) {
    return { title: stripEnd(dash[1]), text: dash[2].trim() };
  }
  return { title: '', text: rest };
}

function stripEnd(title: string): string {
  return title.replace(/[\s.:—–-]+$/, '').trim();
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).length;
}
