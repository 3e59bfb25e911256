import { DomainError, type DomainErrorCode, type Problem } from '@parley/core';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { SealOpenError } from '../sealing/sealed-json';

/** Problem `type` URIs are relative to the API guide (docs/api.md#errors). */
export const PROBLEM_BASE = '/problems';

const PROBLEMS = {
  'not-found': { status: 404, title: 'Not found' },
  unauthenticated: { status: 401, title: 'Sign in required' },
  forbidden: { status: 403, title: 'Not allowed' },
  'invalid-input': { status: 400, title: 'Invalid request' },
  conflict: { status: 409, title: 'Conflict' },
  'invalid-credentials': { status: 401, title: 'Wrong email or password' },
  'too-many-attempts': { status: 429, title: 'Too many attempts' },
  'too-many-streams': { status: 429, title: 'Too many open event streams' },
  'csrf-failed': { status: 403, title: 'Missing or wrong CSRF token' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  'invitation-invalid': { status: 410, title: 'Invitation is not valid' },
  'membership-overlap': { status: 409, title: 'Membership dates overlap' },
  'unsupported-media-type': { status: 415, title: 'Send application/json' },
  'work-too-large': { status: 413, title: 'Work exceeds the size budget' },
  'work-timed-out': { status: 422, title: 'Work exceeded the time budget' },
  'work-cancelled': { status: 409, title: 'Work was cancelled' },
  'engine-busy': { status: 503, title: 'Engine busy' },
  'cannot-compute': { status: 422, title: 'Cannot be computed yet' },
} as const satisfies Record<DomainErrorCode, { status: number; title: string }>;

export type ProblemWithHeaders = { problem: Problem; headers: Record<string, string> };

/** The one place that turns anything thrown into RFC 9457 problem details. */
export function toProblem(error: unknown, instance: string): ProblemWithHeaders {
  if (error instanceof ZodError) {
    const errors = error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(body)',
      message: issue.message,
    }));
    const detail = `Invalid ${errors.map((entry) => entry.path).join(', ')}`;
    return {
      problem: {
        type: `${PROBLEM_BASE}/invalid-input`,
        title: 'Invalid request',
        status: 400,
        detail,
        instance,
        errors,
      },
      headers: {},
    };
  }
  if (error instanceof DomainError) {
    const { status, title } = PROBLEMS[error.code];
    const problem: Problem = {
      type: `${PROBLEM_BASE}/${error.code}`,
      title,
      status,
      detail: error.message,
      instance,
    };
    // Only the contract's members, as an entry is a strict object (ProblemSchema): a profile
    // check's `code` stays behind.
    if (error.fieldErrors !== undefined)
      problem.errors = error.fieldErrors.map(({ path, message, pointId }) => ({
        path,
        message,
        ...(pointId === undefined ? {} : { pointId }),
      }));
    else if (error.field !== undefined)
      problem.errors = [
        {
          path: error.field,
          message: error.message,
          ...(error.choices === undefined ? {} : { choices: [...error.choices] }),
        },
      ];
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds);
    return { problem, headers };
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's validators throw these for a body that is not JSON at all.
    const problem: Problem = {
      type: `${PROBLEM_BASE}/invalid-input`,
      title: 'Invalid request',
      status: error.status,
      detail: error.message,
      instance,
    };
    if (error.status === 400)
      problem.errors = [{ path: '(body)', message: error.message || 'Malformed JSON' }];
    return { problem, headers: {} };
  }
  if (isDataException(error)) {
    // Safety net: schemas should stop such values first, but a value PostgreSQL cannot represent
    // (SQLSTATE class 22) is still the caller's input, not a server fault.
    return {
      problem: {
        type: `${PROBLEM_BASE}/invalid-input`,
        title: 'Invalid request',
        status: 400,
        detail: 'A value cannot be stored (out of range or not representable).',
        instance,
      },
      headers: {},
    };
  }
  if (error instanceof SealOpenError) {
    // The server's fault, not the caller's: a wrong seal key or an altered row. Say so (an
    // administrator must act), never which value or whose; the log has the key ids.
    return {
      problem: {
        type: `${PROBLEM_BASE}/sealed-data-unreadable`,
        title: 'Sealed data cannot be opened',
        status: 500,
        detail:
          'Sealed data this request needs cannot be opened with the server seal key. Nothing was computed from it; ask the administrator to check the seal key.',
        instance,
      },
      headers: {},
    };
  }
  return {
    problem: { type: 'about:blank', title: 'Internal Server Error', status: 500, instance },
    headers: {},
  };
}

function isDataException(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

export function problemResponse({ problem, headers }: ProblemWithHeaders): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}
