// Issue #13, item 8: security headers on every response, no-store on the API, HSTS over HTTPS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION } from '../src/demo';
import { createApp } from '../src/http/create-app';
import { createDeps } from '../src/services/deps';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createMutableClock, createTestApp, type TestApp } from './helpers/test-app';

/** What @hono/node-server passes as the app's env: the socket the request came in on. */
const fromPeer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

describe('issue 13: security headers', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let ukraine: SignedIn;

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    ukraine = (await signInAs(testApp, 'ownDelegation')) as SignedIn;
  });
  afterAll(async () => handle.close());

  it('sends a CSP without inline scripts that forbids framing, nosniff and a referrer policy', async () => {
    for (const path of ['/api/health', '/api/no-such-route', `/api/negotiations/${DEMO_NEGOTIATION.id}`]) {
      const response = await call(testApp, `GET ${path}`, { as: ukraine });
      const csp = response.headers.get('content-security-policy') ?? '';
      const scriptSources = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1];
      expect(scriptSources, path).toBeDefined();
      expect(scriptSources).not.toContain('unsafe-inline');
      expect(scriptSources).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('forbids caching of every API answer, restricted ones and errors alike', async () => {
    const restricted = await call(testApp, `GET /api/negotiations/${DEMO_NEGOTIATION.id}/records`, {
      as: ukraine,
    });
    expect(restricted.status).toBe(200);
    expect(restricted.headers.get('cache-control')).toBe('no-store');
    const problem = await call(testApp, `GET /api/negotiations/${DEMO_NEGOTIATION.id}/audit?limit=0`, {
      as: ukraine,
    });
    expect(problem.headers.get('cache-control')).toBe('no-store');
  });

  it('sends HSTS and a Secure cookie only over HTTPS, believing X-Forwarded-Proto only from a trusted proxy', async () => {
    const proxied = createApp(
      createDeps(handle.db, { clock: createMutableClock(), trustedProxies: new Set(['10.0.0.2']) }),
    );
    const login = (peer: string, proto: string) =>
      proxied.request(
        '/api/auth/login',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-proto': proto },
          body: JSON.stringify({ email: 'ukraine@demo.parley', password: 'parley-demo-2025' }),
        },
        fromPeer(peer),
      );
    const viaProxy = await login('10.0.0.2', 'https');
    expect(viaProxy.status).toBe(200);
    expect(viaProxy.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(viaProxy.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    const spoofed = await login('198.51.100.7', 'https');
    expect(spoofed.status).toBe(200);
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
    expect(spoofed.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    const direct = await proxied.request('https://parley.example/api/health');
    expect(direct.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});
