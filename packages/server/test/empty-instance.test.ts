// Issue 11, item 1: an instance started without the demo. Its first visitor creates the
// administrator; after that sign-up follows the instance's setting, and registration never
// tells whether an email already has an account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/storage/database';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, signIn, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

const PASSWORD = 'a long enough password';
const account = (email: string, extra: Record<string, unknown> = {}) => ({
  body: { email, displayName: email.split('@')[0], password: PASSWORD, ...extra },
});

describe.each(API_DATABASE_KINDS)('an empty instance (%s)', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  // One database for the story, in order: the tests below build on each other's accounts.
  let adminEmail = '';
  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
  });
  afterAll(async () => handle.close());

  const instance = async () =>
    (await (await call(testApp, 'GET /api/instance')).json()) as {
      needsAdmin: boolean;
      settings: { signup: string; negotiationCreation: string };
    };
  const signInAdmin = (): Promise<SignedIn> => signIn(testApp, adminEmail, PASSWORD);

  it('asks for an administrator, and makes exactly one of two racing first visitors one', async () => {
    expect(await instance()).toMatchObject({ needsAdmin: true, settings: { signup: 'invitation' } });
    const answers = await Promise.all(
      ['first@example.org', 'second@example.org'].map(async (email) => {
        const response = await call(testApp, 'POST /api/auth/register', account(email));
        return { email, status: response.status, body: (await response.json()) as { admin?: boolean } };
      }),
    );
    const winners = answers.filter((answer) => answer.body.admin === true);
    expect(winners).toHaveLength(1);
    adminEmail = winners[0]?.email ?? '';
    // The loser hit an instance that has its administrator and is invitation-only.
    expect(answers.map((answer) => answer.status).sort()).toEqual([202, 403]);
    expect((await instance()).needsAdmin).toBe(false);
    const admins = await handle.db.selectFrom('users').select('email').where('is_admin', '=', true).execute();
    expect(admins).toHaveLength(1);
  });

  it('is invitation-only after the administrator, with a problem saying so', async () => {
    await signInAdmin();
    const response = await call(testApp, 'POST /api/auth/register', account('walk-in@example.org'));
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toMatch(/invitation/);
    const walkIn = await handle.db
      .selectFrom('users')
      .select('email')
      .where('email', '=', 'walk-in@example.org');
    expect(await walkIn.execute()).toEqual([]);
  });

  it('answers a registration for an existing email exactly like a new one, and leaves the account as it was', async () => {
    const admin = await signInAdmin();
    await call(testApp, 'PUT /api/instance/settings', { as: admin, body: { signup: 'open' } });
    const fresh = await call(testApp, 'POST /api/auth/register', account('new@example.org'));
    const taken = await call(testApp, 'POST /api/auth/register', {
      body: { email: adminEmail.toUpperCase(), displayName: 'Impostor', password: 'another password!' },
    });
    expect([fresh.status, taken.status]).toEqual([202, 202]);
    expect(await taken.json()).toEqual(await fresh.json());
    // The original password still works; the impostor's does not.
    await signInAdmin();
    const impostor = await call(testApp, 'POST /api/auth/login', {
      body: { email: adminEmail, password: 'another password!' },
    });
    expect(impostor.status).toBe(401);
  });

  it('lets only the administrator change the settings, and follows them for new negotiations', async () => {
    const admin = await signInAdmin();
    await call(testApp, 'POST /api/auth/register', account('member@example.org'));
    const member = await signIn(testApp, 'member@example.org', PASSWORD);
    const refused = await call(testApp, 'PUT /api/instance/settings', {
      as: member,
      body: { signup: 'open', negotiationCreation: 'anyone' },
    });
    expect(refused.status).toBe(403);
    const changed = await call(testApp, 'PUT /api/instance/settings', {
      as: admin,
      body: { negotiationCreation: 'admins' },
    });
    const now = (await changed.json()) as { revision: number };
    expect(now).toEqual({ signup: 'open', negotiationCreation: 'admins', revision: expect.any(Number) });
    // A form based on an older revision is told what changed, and nothing is written (#11).
    const stale = await call(testApp, 'PUT /api/instance/settings', {
      as: admin,
      body: { negotiationCreation: 'anyone', baseRevision: now.revision - 1 },
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      errors: [{ path: 'baseRevision' }],
      detail: expect.stringContaining('"admins"'),
    });
    expect((await instance()).settings).toEqual({ ...now });
    const negotiation = {
      title: 'Water-sharing talks',
      closureRule: 'point-by-point',
      timeZone: 'Asia/Tashkent',
      mediatorPartyName: 'Facilitators',
    };
    expect((await call(testApp, 'POST /api/negotiations', { as: member, body: negotiation })).status).toBe(
      403,
    );
    const created = await call(testApp, 'POST /api/negotiations', { as: admin, body: negotiation });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ timeZone: 'Asia/Tashkent' });
    const me = (await (await call(testApp, 'GET /api/me', { as: admin })).json()) as { isAdmin: boolean };
    expect(me.isAdmin).toBe(true);
  });

  it('rejects an unknown time zone, naming the field', async () => {
    const admin = await signInAdmin();
    const response = await call(testApp, 'POST /api/negotiations', {
      as: admin,
      body: { title: 'T', closureRule: 'point-by-point', timeZone: 'Mars/Olympus', mediatorPartyName: 'M' },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('timeZone');
  });

  it('registers an invited person on an invitation-only instance, then seats them on acceptance', async () => {
    const admin = await signInAdmin();
    await call(testApp, 'PUT /api/instance/settings', {
      as: admin,
      body: { signup: 'invitation', negotiationCreation: 'anyone' },
    });
    const negotiation = (await (
      await call(testApp, 'POST /api/negotiations', {
        as: admin,
        body: { title: 'Talks', closureRule: 'point-by-point', mediatorPartyName: 'Mediators' },
      })
    ).json()) as { id: string };
    const N = `/api/negotiations/${negotiation.id}`;
    const party = (await (
      await call(testApp, `POST ${N}/parties`, {
        as: admin,
        body: { name: 'North', role: 'party', required: true },
      })
    ).json()) as { id: string };
    const invited = (await (
      await call(testApp, `POST ${N}/parties/${party.id}/invitations`, {
        as: admin,
        body: { email: 'north@example.org', function: 'lead', title: 'Chief negotiator' },
      })
    ).json()) as { token: string };
    const wrongEmail = await call(
      testApp,
      'POST /api/auth/register',
      account('someone@example.org', { invitationToken: invited.token }),
    );
    expect(wrongEmail.status).toBe(410);
    // The link's holder may read whom it is for (the preview says so): the form says what to do.
    expect(await wrongEmail.json()).toMatchObject({
      detail: 'This invitation is for north@example.org: create the account with that address.',
    });
    const registered = await call(
      testApp,
      'POST /api/auth/register',
      account('north@example.org', { invitationToken: invited.token }),
    );
    expect(registered.status).toBe(202);
    const north = await signIn(testApp, 'north@example.org', PASSWORD);
    const seat = await call(testApp, 'POST /api/invitations/accept', {
      as: north,
      body: { token: invited.token },
    });
    expect(seat.status).toBe(201);
    const used = await call(
      testApp,
      'POST /api/auth/register',
      account('late@example.org', { invitationToken: invited.token }),
    );
    expect(await used.json()).toMatchObject({
      status: 410,
      detail: 'This invitation has already been used: whoever accepted it holds the seat.',
    });
    expect(await seat.json()).toMatchObject({
      partyId: party.id,
      function: 'lead',
      title: 'Chief negotiator',
    });
    // Inviting someone already seated is answered in the form, naming the email.
    const twice = await call(testApp, `POST ${N}/parties/${party.id}/invitations`, {
      as: north,
      body: { email: 'north@example.org', function: 'delegate' },
    });
    expect(twice.status).toBe(409);
    expect(JSON.stringify(await twice.json())).toContain('email');
  });
});
