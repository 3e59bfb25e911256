import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/services/accounts';
import type { DatabaseHandle } from '../src/storage/database';
import { DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, signIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// Creating a negotiation writes several rows (negotiation, mediator party, lead seat, audit
// entry). A trigger makes the SECOND statement fail; nothing of the first may remain.

describe.each(DATABASE_KINDS)('multi-row writes on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  const errors: unknown[] = [];

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db, undefined, (error) => errors.push(error));
    await createUser(testApp.deps, {
      email: 'creator@example.org',
      displayName: 'Creator',
      password: 'creator password',
    });
    await sql`CREATE FUNCTION fail_party() RETURNS trigger AS $$
      BEGIN IF NEW.name = 'fail here' THEN RAISE EXCEPTION 'forced failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(
      handle.db,
    );
    await sql`CREATE TRIGGER fail_party BEFORE INSERT ON parties FOR EACH ROW EXECUTE FUNCTION fail_party()`.execute(
      handle.db,
    );
  });
  afterAll(async () => handle.close());

  it('leaves no negotiation behind when inserting its mediator party fails', async () => {
    const session = await signIn(testApp, 'creator@example.org', 'creator password');
    const response = await call(testApp, 'POST /api/negotiations', {
      as: session,
      body: { title: 'Half-written?', closureRule: 'all-or-nothing', mediatorPartyName: 'fail here' },
    });
    // A forced database failure is the one case a 500 is right; its body reveals nothing.
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      instance: '/api/negotiations',
    });
    const left = await handle.db
      .selectFrom('negotiations')
      .select('id')
      .where('title', '=', 'Half-written?')
      .execute();
    expect(left).toEqual([]);
    expect(await handle.db.selectFrom('members').select('id').execute()).toEqual([]);
    expect(errors).toHaveLength(1); // logged for operators, with its cause
  });

  it('still writes everything when nothing fails', async () => {
    const session = await signIn(testApp, 'creator@example.org', 'creator password');
    const response = await call(testApp, 'POST /api/negotiations', {
      as: session,
      body: { title: 'Whole', closureRule: 'all-or-nothing', mediatorPartyName: 'Facilitator' },
    });
    expect(response.status).toBe(201);
    expect(await handle.db.selectFrom('members').select('id').execute()).toHaveLength(1);
  });
});
