/** A line that opens a numbered point, with its indentation and what follows the marker. */
export type PointLine = {
  readonly number: number;
  readonly indent: number;
  readonly rest: string;
  readonly headingLevel: number;
};

// Up to six digits: a longer numbered list is refused as too long, never folded into its 9999th point.
const BOLD_NUMBERED_TITLE = /^\*\*\s*(\d{1,6})\s*[.)]\s+(.*)$/;

/**
 * The words that label a point, in the languages of the talks Parley is used for: a draft in
 * Russian or Ukrainian says "Пункт 3", one in Arabic "المادة ٣", one in Hebrew "סעיף 3".
 */
const LABELS = [
  'point',
  'article',
  'clause',
  'item',
  '§',
  'пункт',
  'статья',
  'стаття',
  'المادة',
  'البند',
  'النقطة',
  'الفقرة',
  'סעיף',
  'נקודה',
].join('|');

// Each pattern captures (number, rest). Order matters: the labelled forms ("Point 2 —") first.
const MARKERS: readonly RegExp[] = [
  new RegExp(`^(?:${LABELS})\\s*(\\d{1,6})\\s*(?:[—–:.)]|-(?!\\d))?\\s*(.*)$`, 'iu'),
  /^\*\*\s*(\d{1,6})\s*[.)]\s*\*\*\s*(.*)$/, // **1.** text
  BOLD_NUMBERED_TITLE, // **1. Title.** text
  /^(\d{1,6})\s*[.)]\s+(.*)$/, // 1. text   12) text
  /^(\d{1,6})\s*[.)]$/, // "3." alone on its line
  /^\((\d{1,6})\)\s*(.*)$/, // (3) text
  /^(\d{1,6})\s*[—–]\s*(.*)$/, // 4 — text
];

// "١- النص": Arabic drafts number with a hyphen. Only after Arabic-script digits, where no
// sentence starts so; a wrapped English line may ("100 - 200 observers are deployed").
const ARABIC_MARKERS: readonly RegExp[] = [...MARKERS, /^(\d{1,6})\s*-\s*(.*)$/];
const ARABIC_DIGIT_FIRST = /^[\u0660-\u0669\u06F0-\u06F9]/;

/**
 * Recognises "1. …", "12)", "(3)", "Point 2 —", "**4.** …", "### 5. …" (after list bullets and
 * spaces), in Western or Arabic-script digits ("٣. …", "١- …", "المادة ٢: …").
 */
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
  // Matched with Western digits; each Arabic-script digit is one UTF-16 unit, as its Western
  // counterpart is, so the text after the marker is taken from the line as written.
  const western = toWesternDigits(body);
  for (const marker of ARABIC_DIGIT_FIRST.test(body) ? ARABIC_MARKERS : MARKERS) {
    const match = marker.exec(western);
    if (match?.[1] === undefined) continue;
    const rest = body.slice(western.length - (match[2] ?? '').length).trim();
    // "**1. Title.** text": the bold opened before the number, so give the title its opening back.
    const reopened = marker === BOLD_NUMBERED_TITLE && rest.includes('**') ? `**${rest}` : rest;
    return { number: Number(match[1]), indent, rest: reopened, headingLevel };
  }
  return undefined;
}

/** Arabic-Indic (٠–٩) and Eastern Arabic-Indic or Persian (۰–۹) digits as 0–9. */
export function toWesternDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) =>
    String((digit.charCodeAt(0) - 0x0660) % 0x90),
  );
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
