import type { TestApp } from './test-app';

/** Headers that act as one signed-in browser: the session cookie plus the CSRF token for writes. */
export type SignedIn = { userId: string; cookie: string; csrfToken: string; headers: Record<string, string> };

export async function signIn(testApp: TestApp, email: string, password: string): Promise<SignedIn> {
  const response = await testApp.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string }; csrfToken: string };
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  return {
    userId: body.user.id,
    cookie,
    csrfToken: body.csrfToken,
    headers: { cookie, 'x-csrf-token': body.csrfToken },
  };
}

type CallOptions = {
  as?: SignedIn | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
};

/** One request, `'POST /api/x'`, as a given browser (or anonymous); JSON bodies by default. */
export async function call(testApp: TestApp, request: string, options: CallOptions = {}): Promise<Response> {
  const [method = 'GET', path = '/'] = request.split(' ');
  const headers: Record<string, string> = { ...(options.as?.headers ?? {}), ...(options.headers ?? {}) };
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && headers['content-type'] === undefined)
    headers['content-type'] = 'application/json';
  return testApp.app.request(path, { method, headers, body });
}
