import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { ApiApp } from './app-env';

/**
 * Where `npm run build -w @parley/web` writes the single-page app. Found through the package
 * (not this file's folder), so the same line works from the sources and from the compiled CLI.
 */
export const WEB_DIST = path.resolve(
  path.dirname(createRequire(import.meta.url).resolve('@parley/web')),
  '../dist',
);

/**
 * Serves the built web app (if any) for every non-/api path, falling back to index.html so the
 * client-side router handles deep links. API paths never fall through to the page.
 */
export function mountWebApp(app: ApiApp, distDir: string = WEB_DIST): boolean {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const root = path.relative(process.cwd(), distDir) || '.';
  // The build writes .br and .gz copies of its scripts and styles (packages/web/scripts/ensure-built.mjs).
  const staticFiles = serveStatic({ root, precompressed: true });
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api')) return next();
    const served = await staticFiles(c, next);
    // Files under assets/ are named by their content's hash: a new build has new names, so a
    // browser may keep them for good. Anything else is asked about again each time. Only on a file
    // found: a missing asset's 404 must not be kept.
    if (served instanceof Response)
      served.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
    return served;
  });
  app.get('*', async (c, next) => {
    // A missing script or style is a 404, not the page (which a browser would try to run as one).
    if (c.req.path.startsWith('/api') || c.req.path.startsWith('/assets/')) return next();
    // Read per request: a rebuilt app is picked up without a restart; the file is small. Never
    // kept by the browser: it names the current build's assets.
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexFile, 'utf8'));
  });
  return true;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
