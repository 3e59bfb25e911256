import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';

/**
 * Scripts only from this origin (no inline script, no eval); inline `style` attributes stay
 * allowed because React sets a few, and they cannot run code. Nothing may frame the app.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Headers on every response. API answers carry restricted material (positions, minutes, the
 * audit log), so none of them may be kept by a browser or a shared cache: `no-store` on all of
 * /api, rather than route by route where a new route could forget it.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'no-referrer');
    headers.set('x-frame-options', 'DENY');
    headers.set('cross-origin-opener-policy', 'same-origin');
    if (c.get('client')?.isHttps === true)
      headers.set('strict-transport-security', `max-age=${ONE_YEAR_SECONDS}; includeSubDomains`);
    if (c.req.path.startsWith('/api')) headers.set('cache-control', 'no-store');
  };
}
