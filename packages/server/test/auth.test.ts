import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_LOGINS } from '../src/auth/login-throttle';
import { createUser } from '../src/services/accounts';
import type { DatabaseHandle } from '../src/storage/database';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, signIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

describe.each(API_DATABASE_KINDS)('on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  const PASSWORD = 'correct horse battery';
  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await createUser(testApp.deps, { email: 'Ada@Example.org', displayName: 'Ada', password: PASSWORD });
  });
  afterAll(async () => handle.close());

  describe('sign-in, sessions and tokens', () => {
    it('sets an HTTP-only SameSite session cookie and answers the user with a CSRF token', async () => {
      const response = await call(testApp, 'POST /api/auth/login', {
        body: { email: 'ada@example.org', password: PASSWORD },
      });
      expect(response.status).toBe(200);
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^parley_session=ps_/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      const body = (await response.json()) as { user: { email: string }; csrfToken: string };
      expect(body.user.email).toBe('ada@example.org');
      expect(body.csrfToken).toMatch(/^pc_/);
    });

    it('refuses a wrong password and an unknown account with the same 401', async () => {
      const wrong = await call(testApp, 'POST /api/auth/login', {
        body: { email: 'ada@example.org', password: 'nope nope nope' },
        headers: { 'x-forwarded-for': 'x' },
      });
      const unknown = await call(testApp, 'POST /api/auth/login', {
        body: { email: 'nobody@example.org', password: 'nope nope nope' },
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(await wrong.json()).toEqual(await unknown.json());
    });

    it('answers 429 with Retry-After after repeated failures, and lets the account in once the window passes', async () => {
      await createUser(testApp.deps, {
        email: 'grace@example.org',
        displayName: 'Grace',
        password: PASSWORD,
      });
      for (let attempt = 0; attempt < MAX_FAILED_LOGINS; attempt += 1) {
        const response = await call(testApp, 'POST /api/auth/login', {
          body: { email: 'grace@example.org', password: 'wrong password' },
        });
        expect(response.status).toBe(401);
      }
      const locked = await call(testApp, 'POST /api/auth/login', {
        body: { email: 'grace@example.org', password: PASSWORD },
      });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      testApp.clock.advance(16 * 60 * 1000);
      const later = await call(testApp, 'POST /api/auth/login', {
        body: { email: 'grace@example.org', password: PASSWORD },
      });
      expect(later.status).toBe(200);
    });

    it('requires the CSRF token for cookie-authenticated writes', async () => {
      const session = await signIn(testApp, 'ada@example.org', PASSWORD);
      const withoutToken = await call(testApp, 'POST /api/tokens', {
        body: { label: 'cli' },
        headers: { cookie: session.cookie },
      });
      expect(withoutToken.status).toBe(403);
      expect(((await withoutToken.json()) as { type: string }).type).toMatch(/csrf-failed$/);
      const wrongToken = await call(testApp, 'POST /api/tokens', {
        body: { label: 'cli' },
        headers: { cookie: session.cookie, 'x-csrf-token': 'pc_forged' },
      });
      expect(wrongToken.status).toBe(403);
      const withToken = await call(testApp, 'POST /api/tokens', { as: session, body: { label: 'cli' } });
      expect(withToken.status).toBe(201);
    });

    it('accepts a bearer token without CSRF, and never returns its hash', async () => {
      const session = await signIn(testApp, 'ada@example.org', PASSWORD);
      const created = (await (
        await call(testApp, 'POST /api/tokens', { as: session, body: { label: 'script' } })
      ).json()) as { token: string };
      const bearer = { authorization: `Bearer ${created.token}` };
      const me = await call(testApp, 'GET /api/me', { headers: bearer });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { csrfToken: string | null }).csrfToken).toBeNull();
      const write = await call(testApp, 'POST /api/negotiations', {
        headers: bearer,
        body: { title: 'T', closureRule: 'point-by-point', mediatorPartyName: 'M' },
      });
      expect(write.status).toBe(201);
      const stored = await handle.db.selectFrom('api_tokens').select('token_hash').execute();
      expect(
        stored.every((row) => row.token_hash !== created.token && !row.token_hash.startsWith('pt_')),
      ).toBe(true);
    });

    it('ends the session on logout', async () => {
      const session = await signIn(testApp, 'ada@example.org', PASSWORD);
      expect((await call(testApp, 'GET /api/me', { as: session })).status).toBe(200);
      expect((await call(testApp, 'POST /api/auth/logout', { as: session })).status).toBe(204);
      expect((await call(testApp, 'GET /api/me', { as: session })).status).toBe(401);
    });

    it('stores passwords as scrypt hashes', async () => {
      const row = await handle.db
        .selectFrom('users')
        .select('password_hash')
        .where('email', '=', 'ada@example.org')
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(row.password_hash).not.toContain(PASSWORD);
    });
  });
});
