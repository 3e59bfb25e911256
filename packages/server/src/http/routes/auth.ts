import { createRoute } from '@hono/zod-openapi';
import {
  LoginInputSchema,
  LogoutQuerySchema,
  MeSchema,
  RegisterInputSchema,
  RegistrationSchema,
  SessionViewSchema,
} from '@parley/core';
import { deleteCookie, setCookie } from 'hono/cookie';
import { presentMe, presentRegistration, presentUser } from '../../presenters/present';
import { login, logout, SESSION_TTL_MS } from '../../services/accounts';
import { register as registerAccount } from '../../services/registration';
import { getMe } from '../../services/me';
import { SESSION_COOKIE, requireUserId } from '../authenticate';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import type { RouteModule } from './route-module';

const register = createRoute({
  method: 'post',
  path: '/api/auth/register',
  tags: ['auth'],
  summary:
    "Create an account: an empty server's first becomes its administrator; then as the server allows (open, or with an invitation). The answer does not tell whether the email already had one.",
  request: { body: jsonBody(RegisterInputSchema) },
  responses: {
    202: jsonResponse(RegistrationSchema, 'Accepted: sign in next'),
    ...problems(400, 403, 410, 413, 415),
  },
});
const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Sign in; sets the session cookie',
  request: { body: jsonBody(LoginInputSchema) },
  responses: { 200: jsonResponse(SessionViewSchema, 'Signed in'), ...problems(400, 401, 413, 415, 429) },
});
const logoutRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'End the cookie session; with `?revokeTokens=session`, also revoke the API tokens created in it',
  security: AUTHENTICATED,
  request: { query: LogoutQuerySchema },
  responses: { 204: { description: 'Signed out' }, ...problems(401, 403) },
});
const me = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['auth'],
  summary: 'The caller, their CSRF token and their current seats',
  security: AUTHENTICATED,
  responses: { 200: jsonResponse(MeSchema, 'The caller'), ...problems(401) },
});
export const authRoutes: RouteModule = (app, deps) => {
  app.openapi(register, async (c) => {
    const registration = await registerAccount(deps, { ...c.req.valid('json'), ip: c.get('ip') });
    return c.json(presentRegistration(registration), 202);
  });
  app.openapi(loginRoute, async (c) => {
    const session = await login(deps, { ...c.req.valid('json'), ip: c.get('ip') });
    setCookie(c, SESSION_COOKIE, session.sessionToken, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: deps.secureCookies || c.get('client').isHttps,
      maxAge: SESSION_TTL_MS / 1000,
    });
    return c.json({ user: presentUser(session.user), csrfToken: session.csrfToken }, 200);
  });
  app.openapi(logoutRoute, async (c) => {
    const auth = c.get('auth');
    const userId = requireUserId(c);
    const revokeTokens = c.req.valid('query').revokeTokens === 'session';
    if (auth.via === 'cookie')
      await logout(deps, { sessionIdHash: auth.sessionId, userId, ip: c.get('ip'), revokeTokens });
    deleteCookie(c, SESSION_COOKIE, {
      path: '/',
      secure: deps.secureCookies || c.get('client').isHttps,
    });
    return c.body(null, 204);
  });
  app.openapi(me, async (c) => {
    const auth = c.get('auth');
    const userId = requireUserId(c);
    const result = await getMe(deps, { userId, csrfToken: auth.via === 'cookie' ? auth.csrfToken : null });
    return c.json(presentMe(result), 200);
  });
};
