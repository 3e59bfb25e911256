import { OpenAPIHono } from '@hono/zod-openapi';
import { DomainError } from '@parley/core';
import { bodyLimit } from 'hono/body-limit';
import { withClientAddress } from '../audit';
import type { AppDeps } from '../services/deps';
import { withRequestReads } from '../services/read-cache';
import type { AppEnv } from './app-env';
import { authenticate, requireCsrfToken } from './authenticate';
import { resolveClientAddress } from './client-address';
import { rejectDeepJson } from './json-depth';
import { problemResponse, toProblem } from './problem';
import { securityHeaders } from './security-headers';
import { ROUTE_MODULES } from './routes';

/** Largest accepted request body (documented in docs/api.md#limits). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The whole HTTP API as a fetch-style app: `app.request()` in tests, node-server in `startServer`. */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // Validation failures are thrown so the one error handler shapes them.
    defaultHook: (result) => {
      if (!result.success) throw result.error;
    },
  });
  app.onError((error, c) => {
    const shaped = toProblem(error, c.req.path);
    // A domain error is an answer the server chose (503 engine-busy with Retry-After): only what
    // nobody chose is an error for the operator to read.
    if (shaped.problem.status >= 500 && !(error instanceof DomainError)) deps.logError(error);
    const response = problemResponse(shaped);
    // A 413 is answered before the body is read; the rest of that body would be parsed as the
    // next request on a keep-alive socket (issue #15), so the connection is closed instead.
    if (shaped.problem.status === 413) response.headers.set('connection', 'close');
    return response;
  });
  app.notFound((c) =>
    problemResponse(toProblem(new DomainError('not-found', 'No such resource.'), c.req.path)),
  );

  app.use('*', async (c, next) => {
    const client = resolveClientAddress(c, deps.trustedProxies);
    c.set('client', client);
    c.set('ip', client.ip);
    // Every audit entry the request writes, reads included, carries the address (#13, item 5).
    await withClientAddress(client.ip, () => withRequestReads(next));
  });
  app.use('*', securityHeaders());
  const limitBody = bodyLimit({
    maxSize: BODY_LIMIT_BYTES,
    onError: () => {
      throw new DomainError('payload-too-large', `Request bodies are limited to ${BODY_LIMIT_BYTES} bytes.`);
    },
  });
  // The limit asks for the request's body stream, which makes the Node adapter build a whole
  // fetch Request (a third of a signed-in GET's CPU under load, issue #15). A GET or HEAD that
  // announces no body, by either header HTTP/1.1 frames one with, has none to limit; any other
  // method is limited whatever it announces (a fetch-style caller may send a body with neither).
  app.use('/api/*', (c, next) =>
    (c.req.method === 'GET' || c.req.method === 'HEAD') &&
    c.req.header('content-length') === undefined &&
    c.req.header('transfer-encoding') === undefined
      ? next()
      : limitBody(c, next),
  );
  app.use('/api/*', async (c, next) => {
    const contentType = c.req.header('content-type');
    if (contentType !== undefined && !/^application\/([a-z.+-]*\+)?json\b/i.test(contentType)) {
      throw new DomainError('unsupported-media-type', 'Request bodies must be application/json.');
    }
    await next();
  });
  app.use('/api/*', rejectDeepJson());
  app.use('/api/*', authenticate(deps));
  app.use('/api/*', requireCsrfToken());

  for (const register of ROUTE_MODULES) register(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'parley_session',
    description: 'Set by POST /api/auth/login. Writes also need the X-CSRF-Token header.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from POST /api/tokens or `parley tokens create`.',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version: '0.1.0',
      description: 'See docs/api.md for auth, errors and limits.',
    },
  });
  return app;
}
