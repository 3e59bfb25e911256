import { ProblemSchema, type Problem } from '@parley/core';

type ProblemError = NonNullable<Problem['errors']>[number];

/** A failed API call, carrying the RFC 9457 problem and a sentence fit to show a person. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined) {
    super(describeProblem(status, problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }

  get isConflict(): boolean {
    return this.status === 409;
  }

  /** The values the server says one field may take ("profileFile": the folder's profiles), if it said. */
  fieldChoices(field: string): readonly string[] | undefined {
    return this.problem?.errors?.find((error) => topField(error.path) === field)?.choices;
  }

  /** What the server said about one field of the form ("email"), if anything, fit to show beside it. */
  fieldMessage(field: string): string | undefined {
    const message = this.problem?.errors?.find((error) => topField(error.path) === field)?.message;
    return message === undefined ? undefined : readableFieldMessage(message);
  }
}

export function parseProblem(body: unknown): Problem | undefined {
  const parsed = ProblemSchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Turns a problem into one readable sentence; 409 and 401 get fixed wording the UI relies on.
 * `isFieldShown` names the fields whose errors the form already shows beside them, so the
 * sentence does not repeat them.
 */
export function describeProblem(
  status: number,
  problem: Problem | undefined,
  isFieldShown: (field: string) => boolean = () => false,
): string {
  const errors = problem?.errors ?? [];
  // A 409 about something other than the revision (a seat that exists, a decision already
  // recorded) is not "someone changed this": say what the server said.
  if (status === 409 && problem?.detail && errors.some((error) => error.path !== 'baseRevision'))
    return leadAndRest(problem.detail, errors, isFieldShown);
  if (status === 409) {
    return `Someone changed this in the meantime — reload to see the current version.${problem?.detail ? ` (${problem.detail})` : ''}`;
  }
  if (status === 401 && problem?.type !== '/problems/invalid-credentials')
    return 'Your session has ended. Please sign in again.';
  if (problem === undefined) return `The server answered ${status}.`;
  return leadAndRest(
    isSchemaSummary(problem) ? SCHEMA_LEAD : problem.detail || problem.title,
    errors,
    isFieldShown,
  );
}

const SCHEMA_LEAD = 'Some fields need correcting';
const FIELD_LEAD = 'A field needs correcting';

/**
 * The lead sentence, then each field error the form does not show beside its field. The title is
 * the generic name of the detail ("Invalid request" for "Invalid title"), and a domain error's
 * field message is its detail again: each thing is said once, and beside its field if it has one.
 */
function leadAndRest(
  detail: string,
  errors: readonly ProblemError[],
  isFieldShown: (field: string) => boolean,
): string {
  const isShown = (error: ProblemError) => isFieldShown(topField(error.path));
  const isDetailShown = errors.some((error) => error.message === detail && isShown(error));
  const lead = isDetailShown ? FIELD_LEAD : detail;
  const unshown = errors
    .filter((error) => error.message !== detail && !isShown(error))
    .map((error) => `${fieldLabel(error.path)}: ${readableFieldMessage(error.message)}`);
  if (unshown.length > 0) return `${lead} — ${unshown.join('; ')}`;
  if (lead === SCHEMA_LEAD) return `${SCHEMA_LEAD}: see the note beside each.`;
  return lead === FIELD_LEAD ? `${FIELD_LEAD}: see the note beside it.` : lead;
}

/**
 * The server sums a schema failure up by the fields' names in code ("Invalid title,
 * mediatorPartyName", server/src/http/problem.ts): words for developers, which a form replaces
 * with its own; each field's message says what is wrong with it.
 */
export function isSchemaSummary(problem: Problem): boolean {
  const errors = problem.errors ?? [];
  return errors.length > 0 && problem.detail === `Invalid ${errors.map((error) => error.path).join(', ')}`;
}

// Names in code that read differently in words.
const WORDS: Readonly<Record<string, string>> = { min: 'minimum', max: 'maximum' };

/**
 * A field path as words, by the field's own name: `mediatorPartyName` → "Mediator party name",
 * `definition.max` → "Maximum", `partiesPresent.0` → "Parties present" (code's nesting and list
 * positions mean nothing on a form).
 */
export function fieldLabel(path: string): string {
  const names = path.split(/[.[\]]/).filter((name) => name !== '' && !/^\d+$/.test(name));
  const name = names.at(-1) ?? path;
  const words = (WORDS[name] ?? name)
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The form field a problem path belongs to (`partiesPresent.0` → `partiesPresent`). */
export function topField(path: string): string {
  return path.split(/[.[]/)[0] ?? '';
}

/**
 * A field message in a form's words. Zod's length messages are written for developers
 * ("Too small: expected string to have >=1 characters"); the server's own messages pass through.
 */
export function readableFieldMessage(message: string): string {
  const length = /^Too (small|big): expected string to have ([<>]=?)(\d+) characters?$/.exec(message);
  if (length !== null) {
    const [, size, comparison, count] = length;
    // ">" and "<" are exclusive bounds: ">2" means at least 3.
    const shift = comparison === '>' ? 1 : comparison === '<' ? -1 : 0;
    const bound = Number(count) + shift;
    if (size === 'big') return `At most ${bound} character${bound === 1 ? '' : 's'}.`;
    return bound <= 1 ? 'Required.' : `At least ${bound} characters.`;
  }
  const items = /^Too (small|big): expected array to have ([<>]=?)(\d+) items?$/.exec(message);
  if (items !== null) {
    const [, size, comparison, count] = items;
    const bound = Number(count) + (comparison === '>' ? 1 : comparison === '<' ? -1 : 0);
    // A list typed as one field (principals, comma-separated) left empty reads as any empty field.
    if (size === 'small' && bound <= 1) return 'Required.';
    return `${size === 'big' ? 'At most' : 'At least'} ${bound} ${bound === 1 ? 'entry' : 'entries'}.`;
  }
  const number = /^Too (small|big): expected number to be ([<>]=?)(-?[\d.]+)$/.exec(message);
  if (number !== null) {
    const [, size, comparison, bound] = number;
    if (comparison === '>') return `Must be above ${bound}.`;
    if (comparison === '<') return `Must be below ${bound}.`;
    return `${size === 'big' ? 'At most' : 'At least'} ${bound}.`;
  }
  // Core's word for a field of spaces; the form says of it what it says of an empty one.
  if (message === 'Must not be blank') return 'Required.';
  // An empty number field reaches the server as null (or not at all).
  if (/^Invalid input: expected number, received (null|undefined|NaN)$/.test(message))
    return 'Required: a number.';
  return message;
}

/**
 * A readable message for anything thrown by a request or a parse. A form that shows field errors
 * beside its fields passes `isFieldShown`, so the message leaves them out.
 */
export function errorMessage(error: unknown, isFieldShown?: (field: string) => boolean): string {
  if (error instanceof ApiError) return describeProblem(error.status, error.problem, isFieldShown);
  if (error instanceof Error) return error.message;
  return String(error);
}
