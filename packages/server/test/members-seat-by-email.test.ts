import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// A security probe: an invitation never tells a delegation whether an address sits in another
// delegation (invitations-manage.test.ts), but seating a colleague by email did: Ukraine's lead
// named Russia's lead's address and was answered "already sits in another delegation", where an
// address of no colleague is "no one you have sat with". Members are listed by name, not address,
// so this told Ukraine which address is a Russian delegate's.
const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const SEAT = `POST ${N}/parties/${DEMO_PARTIES.ukraine.id}/members`;

describe.each(API_DATABASE_KINDS)('seating a colleague by email, on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let ukraine: SignedIn;

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const session = await signInAs(testApp, 'ownDelegation');
    if (session === null) throw new Error('expected a session');
    ukraine = session;
  });
  afterAll(async () => {
    await testApp.deps.events.settled();
    await handle.close();
  });

  const seatByEmail = async (email: string) => {
    const response = await call(testApp, SEAT, {
      as: ukraine,
      body: { userId: null, email, function: 'delegate' },
    });
    return { status: response.status, body: await response.text() };
  };

  it('answers an address seated in another delegation exactly as an address of no colleague', async () => {
    const elsewhere = await seatByEmail(DEMO_ACCOUNTS.russia.email);
    const nowhere = await seatByEmail('nobody-yet@oracle.example');
    expect(elsewhere.status).toBe(404);
    expect(elsewhere).toEqual(nowhere);
  });

  it('still names the clash when the person is named by id, which the member list shows anyway', async () => {
    const response = await call(testApp, SEAT, {
      as: ukraine,
      body: { userId: DEMO_ACCOUNTS.russia.id, function: 'delegate' },
    });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('already sits in another delegation');
  });

  it('still seats a colleague who sits nowhere else, by email', async () => {
    const seated = await seatByEmail(DEMO_ACCOUNTS.outsider.email);
    // The outsider has sat with no one: an address like any stranger's.
    expect(seated.status).toBe(404);
    const former = await seatByEmail(DEMO_ACCOUNTS.ukraineFormer.email);
    expect(former.status).toBe(201);
  });
});
