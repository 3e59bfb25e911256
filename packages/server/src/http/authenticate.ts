import { DomainError, type UserId } from '@parley/core';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { safeEqual } from '../auth/secrets';
import { resolveSession } from '../services/accounts';
import { prepareCachedReads } from '../services/read-cache';
import { authenticateApiToken } from '../services/api-tokens';
import type { AppDeps } from '../services/deps';
import type { AppEnv } from './app-env';

const NEGOTIATION_IN_PATH = /^\/api\/negotiations\/([0-9a-f-]{36})(?:\/|$)/;

export const SESSION_COOKIE = 'parley_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Routes a signed-out browser (or one with a stale cookie) must reach without a CSRF token. */
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/auth/register']);

/** Resolves the caller from a bearer token or the session cookie; a bad, expired or revoked bearer token is a 401. */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('auth', { via: 'none' });
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (match?.[1] === undefined)
        throw new DomainError('unauthenticated', 'Send the token as `Authorization: Bearer <token>`.');
      const token = await authenticateApiToken(deps, match[1]);
      c.set('auth', { via: 'bearer', userId: token.userId, tokenId: token.id });
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie !== undefined && cookie.length < 200) {
      // One look at the generations for the session, the seats and the negotiation in the path.
      await prepareCachedReads(deps.db, NEGOTIATION_IN_PATH.exec(c.req.path)?.slice(1) ?? []);
      const session = await resolveSession(deps, cookie);
      if (session !== undefined) {
        c.set('auth', {
          via: 'cookie',
          userId: session.userId,
          sessionId: session.idHash,
          csrfToken: session.csrfToken,
        });
      }
    }
    return next();
  };
}

/**
 * Cookie-authenticated writes must echo the session's CSRF token in `X-CSRF-Token`: a
 * cross-site form can send the cookie but cannot read the token. Bearer requests are exempt.
 */
export function requireCsrfToken(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = c.get('auth');
    const isSafe = c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS';
    if (auth.via === 'cookie' && !isSafe && !CSRF_EXEMPT.has(c.req.path)) {
      const sent = c.req.header(CSRF_HEADER);
      if (sent === undefined || !safeEqual(sent, auth.csrfToken)) {
        throw new DomainError(
          'csrf-failed',
          'Send the X-CSRF-Token header from GET /api/me or the login answer.',
        );
      }
    }
    return next();
  };
}

/** The signed-in user's id, or a 401 problem. */
export function requireUserId(c: Context<AppEnv>): UserId {
  const auth = c.get('auth');
  if (auth.via === 'none') throw new DomainError('unauthenticated', 'Sign in first.');
  return auth.userId;
}
