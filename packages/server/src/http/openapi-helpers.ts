import { ProblemSchema } from '@parley/core';
import type { z } from 'zod';

/** Cookie session or bearer token; routes that need a user declare this. */
export const AUTHENTICATED: Array<Record<string, string[]>> = [{ session: [] }, { bearer: [] }];

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `errors` names each field',
  401: 'Not signed in',
  403: 'Not allowed (or CSRF token missing)',
  404: 'Not found, or not visible to the caller (indistinguishable)',
  409: 'Conflict',
  410: 'Gone',
  413: 'Body over the size limit',
  415: 'Body is not JSON',
  429: 'Too many attempts or open event streams; see Retry-After',
};

/** Problem-details responses for the given statuses, for a route's `responses`. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );
}

/** A JSON response for a route's `responses`. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON request body (required: so a missing or non-JSON body is validated, not skipped). */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}
