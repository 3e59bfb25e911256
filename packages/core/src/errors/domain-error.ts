/** Every expected failure the domain can report; the server maps each to an HTTP status in one table. */
export const DOMAIN_ERROR_CODES = [
  'not-found',
  'unauthenticated',
  'forbidden',
  'invalid-input',
  'conflict',
  'invalid-credentials',
  'too-many-attempts',
  /** One account holds as many event streams as a process gives it (the message states the limit). */
  'too-many-streams',
  'csrf-failed',
  'payload-too-large',
  'invitation-invalid',
  'membership-overlap',
  'unsupported-media-type',
  /** Engine work larger than its size budget (the message states the limit). */
  'work-too-large',
  /** Engine work that ran out of its time budget and was stopped. */
  'work-timed-out',
  'work-cancelled',
  /** Every engine thread is taken and the line is full. */
  'engine-busy',
  /** Valid input that cannot be worked on yet (e.g. an analysis with fewer than two profiles). */
  'cannot-compute',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * What is wrong with one field of the input; `path` as a schema error's (`issues.0.weight`).
 * `pointId` names the plan's point it is about, when there is one: the only way to name an issue
 * the input left out, which has no entry for a path to count.
 */
export type FieldProblem = { readonly path: string; readonly message: string; readonly pointId?: string };

/** A failure whose `message` is safe to show the client; internal detail goes in `cause`. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    options?: {
      cause?: unknown;
      field?: string;
      choices?: readonly string[];
      fieldErrors?: readonly FieldProblem[];
      retryAfterSeconds?: number;
    },
  ) {
    super(message, { cause: options?.cause });
    this.name = 'DomainError';
    this.field = options?.field;
    this.fieldErrors = options?.fieldErrors;
    this.choices = options?.choices;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
  /** The request field the error is about, when there is one (e.g. `negotiationId`). */
  readonly field: string | undefined;
  /**
   * One entry per problem, each at its own field, when the input has several (a profile's failed
   * checks); `message` then sums them up.
   */
  readonly fieldErrors: readonly FieldProblem[] | undefined;
  /** The values `field` may take, when they are few and the caller may know them all. */
  readonly choices: readonly string[] | undefined;
  /** For `too-many-attempts`: how long the client should wait. */
  readonly retryAfterSeconds: number | undefined;
}

/** Ends an exhaustive `switch`: a new union member becomes a compile error here. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
