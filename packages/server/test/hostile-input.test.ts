import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// Values that pass a naive schema but that PostgreSQL cannot store were 500s once; each must be a 400.

describe.each(API_DATABASE_KINDS)('hostile input on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const session = await signInAs(testApp, 'mediator');
    if (session === null) throw new Error('mediator session');
    mediator = session;
  });
  afterAll(async () => handle.close());

  const errorsOf = async (response: Response) => {
    expect(response.status).toBe(400);
    return ((await response.json()) as { errors: { path: string }[] }).errors.map((entry) => entry.path);
  };

  it('rejects year 0000 and 30 February, naming dueAt', async () => {
    for (const dueAt of ['0000-01-01T00:00:00Z', '2025-02-30T00:00:00Z']) {
      expect(
        await errorsOf(
          await call(testApp, `POST ${N}/deadlines`, { as: mediator, body: { title: 'x', dueAt } }),
        ),
      ).toEqual(['dueAt']);
    }
  });

  it('rejects NUL characters in text, naming the field', async () => {
    const record = {
      owningPartyId: DEMO_PARTIES.unitedStates.id,
      kind: 'note',
      classification: 'public',
      title: 'a\u0000b',
      body: 'x',
    };
    expect(await errorsOf(await call(testApp, `POST ${N}/records`, { as: mediator, body: record }))).toEqual([
      'title',
    ]);
    const account = { email: 'nul@example.org', displayName: 'a\u0000', password: 'long enough password' };
    expect(await errorsOf(await call(testApp, 'POST /api/auth/register', { body: account }))).toEqual([
      'displayName',
    ]);
  });

  it('rejects JSON that is not an object (array, null, empty) with 400', async () => {
    for (const rawBody of ['[]', 'null', '', '"text"', '1e999']) {
      expect((await call(testApp, `POST ${N}/deadlines`, { as: mediator, rawBody })).status).toBe(400);
    }
  });

  it('treats a garbled session cookie as signed out and an oversized bearer token as invalid', async () => {
    expect(
      (await call(testApp, 'GET /api/me', { headers: { cookie: 'parley_session=%E0%A4%A' } })).status,
    ).toBe(401);
    expect(
      (await call(testApp, 'GET /api/me', { headers: { authorization: `Bearer ${'x'.repeat(10_000)}` } }))
        .status,
    ).toBe(401);
  });
});
