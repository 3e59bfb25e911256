import { z } from 'zod';

const EARLIEST_INSTANT = Date.UTC(1900, 0, 1);
const LATEST_INSTANT = Date.UTC(10000, 0, 1);

/** Instants travel as ISO 8601 date-times with an offset, e.g. `2025-11-27T00:00:00.000Z`; years 1900–9999. */
export const InstantSchema = z.iso.datetime({ offset: true }).refine((value) => {
  // The format alone admits year 0000, which PostgreSQL cannot store.
  const time = Date.parse(value);
  return Number.isFinite(time) && time >= EARLIEST_INSTANT && time < LATEST_INSTANT;
}, 'Date-time out of range (years 1900–9999)');
export type Instant = z.infer<typeof InstantSchema>;

/**
 * Text without NUL characters, which PostgreSQL text columns reject, nor lone surrogates, which
 * UTF-8 cannot hold: stored, they became U+FFFD, so what was saved differed from what was answered.
 */
export function textSchema(maxLength: number) {
  return z
    .string()
    .max(maxLength)
    .refine(hasNoNul, NUL_MESSAGE)
    .refine((text) => !LONE_SURROGATE.test(text), 'Must not contain unpaired surrogates (they are not text)');
}

/**
 * Text being written (a plan, a point's new text): also no control characters but tabs and line
 * breaks. Not in `textSchema`, which the web app also reads answers with: text stored before this
 * rule must still display.
 */
export function writtenTextSchema(maxLength: number) {
  return textSchema(maxLength).refine(
    (text) => !TEXT_CONTROLS.test(text),
    'Must not contain control characters (only tabs and line breaks)',
  );
}
const NUL_MESSAGE = 'Must not contain NUL characters';

/**
 * Text a record cannot do without: spaces alone are refused, but the text is kept as typed (no
 * trimming), since a quote's own line breaks and indentation are part of what was said.
 */
export function requiredTextSchema(maxLength: number, blankMessage = 'Must not be blank') {
  return textSchema(maxLength).refine((text) => !looksBlank(text), blankMessage);
}

// Characters that show nothing: a name of only these ("\u200B") looks blank, and inside a name
// ("Al\u200Bpha") it makes a second party that reads exactly as the first.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/gu;
/** Whether text shows nothing: only spaces and characters of no width. */
export const looksBlank = (text: string): boolean => text.replace(INVISIBLE, '').trim() === '';

/**
 * What two names are compared by when they must differ (parties, version labels, options): the
 * same letters composed one way (NFC: "e" + combining acute is "é"), invisible characters left
 * out, case and surrounding spaces ignored. The name is stored as typed.
 */
export const nameKey = (name: string): string =>
  name.normalize('NFC').replace(INVISIBLE, '').trim().toLocaleLowerCase('en');

// C0 and C1 controls. Text keeps tabs and line breaks (\t \n \v \f \r); a label keeps none: an
// escape sequence or a bell in a title reached terminals through the CLI and made DOCX files no
// XML parser reads (XML 1.0 forbids them).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TEXT_CONTROLS = /[\u0001-\u0008\u000E-\u001F\u007F-\u009F]/u;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LABEL_CONTROLS = /[\u0001-\u001F\u007F-\u009F]/u;
function hasNoNul(text: string): boolean {
  return !text.includes('\0');
}

// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) let a name display as
// something else ("Trojan Source"): "‮tnemucod" shows reversed. A lone surrogate is not text at all
// and breaks every encoder downstream (UTF-8, PDF, DOCX). Right-to-left names need neither.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/** Text a reader sees as what it is: no bidi controls, no lone surrogates. */
export function isPlainDisplayText(text: string): boolean {
  return !BIDI_CONTROLS.test(text) && !LONE_SURROGATE.test(text);
}

/** A short single-line label (names, titles). */
export const LabelSchema = labelSchema(200);

/** A label shorter than the default (one length check, so one message: not "at most 200" and "120"). */
export function labelSchema(maxLength: number) {
  return (
    z
      .string()
      .trim()
      .normalize('NFC')
      .min(1)
      .max(maxLength)
      .refine(hasNoNul, NUL_MESSAGE)
      .refine((label) => !LABEL_CONTROLS.test(label), 'Must be one line, without control characters')
      // an empty label is min(1)'s to name: one message, not two
      .refine((label) => label === '' || !looksBlank(label), 'Must not be blank')
      .refine(isPlainDisplayText, 'Must not contain bidi control characters or unpaired surrogates')
  );
}

/** Long free text (mandates, record bodies): bounded so one field cannot fill the body limit alone. */
export const LongTextSchema = textSchema(100_000);

/**
 * An uploaded file's bytes in base64 (the API takes JSON only). 1 MiB request limit: a file of up to
 * ~700 KB, far above a leaked PDF or DOCX of a plan or a GENIUS scenario's zip. An empty file is
 * said to be empty, and only that (not also "not base64").
 */
export const Base64FileSchema = z
  .string()
  .min(1, { message: 'The file is empty', abort: true })
  .max(1_000_000)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Not base64');

/** A whole plan as text (pasted, uploaded, read from a file): far above any negotiated text, below the body limit. */
export const PLAN_TEXT_MAX_LENGTH = 500_000;
/** A plan's text, as every route and command that takes one checks it. */
export const PlanTextSchema = writtenTextSchema(PLAN_TEXT_MAX_LENGTH).min(1);

/**
 * Every list answers `{ items }`; a paged list adds `nextCursor` while more items follow (pass it
 * back as `?cursor=` for the next page). No count is given: it would reveal hidden items.
 */
export function listOf<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), nextCursor: z.string().optional() });
}

/** Largest page a list answers; the default when `?limit=` is absent is DEFAULT_PAGE_LIMIT. */
export const MAX_PAGE_LIMIT = 500;
export const DEFAULT_PAGE_LIMIT = 100;

/** `?cursor=&limit=` of a paged list. */
export const PageQuerySchema = z.object({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;
