// Issue #13, item 7: API tokens end, can be listed and revoked by their owner only, and can be
// revoked with the browser session that created them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/services/accounts';
import type { DatabaseHandle } from '../src/storage/database';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, signIn, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

const PASSWORD = 'correct horse battery';
const DAY_MS = 24 * 60 * 60 * 1000;

type Created = { id: string; token: string; createdAt: string; expiresAt: string };
type Listed = {
  id: string;
  label: string;
  expiresAt: string;
  lastUsedAt: string | null;
  isFromThisSession: boolean;
};

describe.each(API_DATABASE_KINDS)('issue 13: API tokens that end, on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let ada: SignedIn;
  let bob: SignedIn;

  const create = async (as: SignedIn, body: Record<string, unknown>) => {
    const response = await call(testApp, 'POST /api/tokens', { as, body });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as Created;
  };
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
  const list = async (as: SignedIn) => {
    const response = await call(testApp, 'GET /api/tokens', { as });
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: Listed[] }).items;
  };

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    for (const name of ['ada', 'bob'])
      await createUser(testApp.deps, { email: `${name}@example.org`, displayName: name, password: PASSWORD });
    ada = await signIn(testApp, 'ada@example.org', PASSWORD);
    bob = await signIn(testApp, 'bob@example.org', PASSWORD);
  });
  afterAll(async () => handle.close());

  it('gives a token 90 days by default, honours a shorter request and refuses more than a year', async () => {
    const byDefault = await create(ada, { label: 'default' });
    expect(Date.parse(byDefault.expiresAt) - Date.parse(byDefault.createdAt)).toBe(90 * DAY_MS);
    const short = await create(ada, { label: 'short', expiresInDays: 7 });
    expect(Date.parse(short.expiresAt) - Date.parse(short.createdAt)).toBe(7 * DAY_MS);
    for (const expiresInDays of [366, 0, 1.5]) {
      const tooLong = await call(testApp, 'POST /api/tokens', {
        as: ada,
        body: { label: 'forever', expiresInDays },
      });
      expect(tooLong.status).toBe(400);
      expect(tooLong.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(await tooLong.json())).toContain('expiresInDays');
    }
  });

  it('answers 401 with a problem once the token has expired', async () => {
    const token = await create(ada, { label: 'week', expiresInDays: 7 });
    expect((await call(testApp, 'GET /api/me', bearer(token.token))).status).toBe(200);
    testApp.clock.advance(7 * DAY_MS);
    const expired = await call(testApp, 'GET /api/me', bearer(token.token));
    expect(expired.status).toBe(401);
    expect(expired.headers.get('content-type')).toContain('application/problem+json');
    expect(((await expired.json()) as { detail: string }).detail).toMatch(/expired/);
  });

  it('lists name, dates and last use but never the secret, and only to its owner', async () => {
    const token = await create(ada, { label: 'listed script' });
    expect((await call(testApp, 'GET /api/negotiations', bearer(token.token))).status).toBe(200);
    const response = await call(testApp, 'GET /api/tokens', { as: ada });
    const text = await response.text();
    expect(text).not.toContain(token.token);
    const listed = ((JSON.parse(text) as { items: Listed[] }).items ?? []).find(
      (item) => item.id === token.id,
    );
    expect(listed).toMatchObject({
      label: 'listed script',
      expiresAt: token.expiresAt,
      isFromThisSession: true,
    });
    expect(listed?.lastUsedAt).toBe(testApp.clock.now().toISOString());
    expect((await list(bob)).map((item) => item.label)).not.toContain('listed script');
  });

  it("revokes a token for good, and another account's token answers 404 exactly like a missing one", async () => {
    const token = await create(ada, { label: 'to revoke' });
    const byBob = await call(testApp, `DELETE /api/tokens/${token.id}`, { as: bob });
    const missing = await call(testApp, 'DELETE /api/tokens/00000000-0000-4000-8000-000000000000', {
      as: bob,
    });
    expect(byBob.status).toBe(404);
    expect(missing.status).toBe(404);
    const strip = (body: string) => body.replace(/\/api\/tokens\/[0-9a-f-]+/g, '');
    expect(strip(await byBob.text())).toBe(strip(await missing.text()));
    expect((await call(testApp, 'GET /api/me', bearer(token.token))).status).toBe(200);

    expect((await call(testApp, `DELETE /api/tokens/${token.id}`, { as: ada })).status).toBe(204);
    const revoked = await call(testApp, 'GET /api/me', bearer(token.token));
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { detail: string }).detail).toMatch(/revoked/);
    expect((await list(ada)).map((item) => item.id)).not.toContain(token.id);
    expect((await call(testApp, `DELETE /api/tokens/${token.id}`, { as: ada })).status).toBe(404);
  });

  it('lets a token revoke itself but not mint another that would outlive it', async () => {
    const token = await create(ada, { label: 'self' });
    const minted = await call(testApp, 'POST /api/tokens', {
      ...bearer(token.token),
      body: { label: 'child' },
    });
    expect(minted.status).toBe(403);
    expect((await call(testApp, `DELETE /api/tokens/${token.id}`, bearer(token.token))).status).toBe(204);
    expect((await call(testApp, 'GET /api/me', bearer(token.token))).status).toBe(401);
  });

  it('revokes the tokens created in this session on sign-out when asked, and only those', async () => {
    const other = await signIn(testApp, 'ada@example.org', PASSWORD);
    const fromOther = await create(other, { label: 'other session' });
    const session = await signIn(testApp, 'ada@example.org', PASSWORD);
    const fromSession = await create(session, { label: 'this session' });
    const flags = Object.fromEntries(
      (await list(session)).map((item) => [item.label, item.isFromThisSession]),
    );
    expect(flags).toMatchObject({ 'this session': true, 'other session': false });

    const out = await call(testApp, 'POST /api/auth/logout?revokeTokens=session', { as: session });
    expect(out.status).toBe(204);
    expect((await call(testApp, 'GET /api/me', bearer(fromSession.token))).status).toBe(401);
    expect((await call(testApp, 'GET /api/me', bearer(fromOther.token))).status).toBe(200);

    const plain = await signIn(testApp, 'ada@example.org', PASSWORD);
    const kept = await create(plain, { label: 'kept' });
    expect((await call(testApp, 'POST /api/auth/logout', { as: plain })).status).toBe(204);
    expect((await call(testApp, 'GET /api/me', bearer(kept.token))).status).toBe(200);
    const bad = await call(testApp, 'POST /api/auth/logout?revokeTokens=everything', { as: other });
    expect(bad.status).toBe(400);
  });
});
