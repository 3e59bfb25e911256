import { ProblemSchema, type Problem } from '@parley/core';

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

  /** What the server said about one field of the form ("email"), if anything. */
  fieldMessage(field: string): string | undefined {
    return this.problem?.errors?.find((error) => error.path === field)?.message;
  }
}

export function parseProblem(body: unknown): Problem | undefined {
  const parsed = ProblemSchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

/** Turns a problem into one readable sentence; 409 and 401 get fixed wording the UI relies on. */
export function describeProblem(status: number, problem: Problem | undefined): string {
  // A 409 about something other than the revision (a seat that exists, a decision already
  // recorded) is not "someone changed this": say what the server said.
  if (status === 409 && problem?.detail && problem.errors?.some((error) => error.path !== 'baseRevision'))
    return problem.detail;
  if (status === 409) {
    return `Someone changed this in the meantime — reload to see the current version.${problem?.detail ? ` (${problem.detail})` : ''}`;
  }
  if (status === 401 && problem?.type !== '/problems/invalid-credentials')
    return 'Your session has ended. Please sign in again.';
  if (problem === undefined) return `The server answered ${status}.`;
  const fields = problem.errors?.map((error) => `${error.path}: ${error.message}`).join('; ');
  return [problem.title, problem.detail, fields]
    .filter((part) => part !== undefined && part !== '')
    .join(' — ');
}

/** A readable message for anything thrown by a request or a parse. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
