import type { z } from 'zod';
import { ApiError, parseProblem } from './api-error';

// The CSRF token comes from the login answer or GET /api/me; writes echo it.
let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers 401, so the app can show the sign-in page. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One request to the Parley API: cookie credentials, CSRF on writes, the answer parsed with the
 * core schema (a response that breaks the contract is an error, never silently used).
 */
export type RequestOptions = { method?: Method; body?: unknown };

export async function request<S extends z.ZodType>(
  path: string,
  schema: S,
  options?: RequestOptions,
): Promise<z.infer<S>>;
export async function request(path: string, schema: null, options?: RequestOptions): Promise<void>;
export async function request(
  path: string,
  schema: z.ZodType | null,
  { method = 'GET', body }: RequestOptions = {},
): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Error('The server cannot be reached. Check your connection and try again.');
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = new ApiError(response.status, parseProblem(json));
    if (response.status === 401 && !path.endsWith('/auth/login'))
      for (const listener of unauthenticatedListeners) listener();
    throw error;
  }
  if (schema === null) return undefined;
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new Error(`Unexpected answer from ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
