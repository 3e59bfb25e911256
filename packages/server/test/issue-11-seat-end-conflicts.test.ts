import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// Issue #11 item 8, no lost updates, for ending a seat: a seat's end is all that changes about it,
// so the end the form showed (`baseValidTo`) is its revision. Two people ending one seat: the
// second is told who ended it, when, and to when, and nothing of theirs is written.
const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const FIRST_END = '2031-03-01T12:00:00.000Z';
const SECOND_END = '2031-02-01T12:00:00.000Z';
// 1 Mar 2031, 13:00 in Zurich (UTC+1), as the negotiation's clock says it.
const FIRST_END_IN_WORDS = '1 Mar 2031, 13:00 (Europe/Zurich)';

type Problem = { status: number; type: string; detail: string; errors?: { path: string }[] };

describe.each(API_DATABASE_KINDS)('ending a seat someone ended meanwhile on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let lead: SignedIn;
  let russia: SignedIn;
  let seatId: string;

  const end = (as: SignedIn, body: unknown) => call(testApp, `POST ${N}/members/${seatId}/end`, { as, body });
  const storedEnd = async () =>
    (await handle.db.selectFrom('members').select('valid_to').where('id', '=', seatId).executeTakeFirst())
      ?.valid_to;
  const endEntries = async () =>
    (
      await handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'member.end')
        .where('subject_id', '=', seatId)
        .execute()
    ).length;

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const signed = async (kind: 'ownDelegation' | 'otherParty') => {
      const session = await signInAs(testApp, kind);
      if (session === null) throw new Error(`no session for ${kind}`);
      return session;
    };
    lead = await signed('ownDelegation');
    russia = await signed('otherParty');
    const seated = await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.ukraine.id}/members`, {
      as: lead,
      body: { userId: DEMO_ACCOUNTS.ukraineFormer.id, function: 'delegate' },
    });
    expect(seated.status).toBe(201);
    seatId = ((await seated.json()) as { id: string }).id;
  });
  afterAll(async () => handle.close());

  it('ends a seat whose end is still the one the form showed', async () => {
    const ended = await end(lead, { validTo: FIRST_END, baseValidTo: null });
    expect(ended.status).toBe(200);
    expect(await ended.json()).toMatchObject({ validTo: FIRST_END });
  });

  it('refuses an end based on a seat with no end, naming who ended it, when and to when, and writes nothing', async () => {
    const stale = await end(lead, { validTo: SECOND_END, baseValidTo: null });
    expect(stale.status).toBe(409);
    const problem = (await stale.json()) as Problem;
    expect(problem.type).toBe('/problems/conflict');
    expect(problem.errors?.[0]?.path).toBe('baseValidTo');
    expect(problem.detail).toMatch(
      new RegExp(
        `^This seat was already ended meanwhile by ${escape(DEMO_ACCOUNTS.ukraine.displayName)} on .+: it ends ${escape(FIRST_END_IN_WORDS)} \\(you saw no end\\)\\.$`,
      ),
    );
    expect((await storedEnd())?.toISOString()).toBe(FIRST_END);
    expect(await endEntries()).toBe(1);
  });

  it('takes an earlier end once it is based on the end now, in any spelling of the same instant', async () => {
    const shortened = await end(lead, { validTo: SECOND_END, baseValidTo: '2031-03-01T13:00:00+01:00' });
    expect(shortened.status).toBe(200);
    expect((await storedEnd())?.toISOString()).toBe(SECOND_END);
  });

  it('keeps the old contract without baseValidTo: an earlier end is taken, a later one refused on validTo', async () => {
    const later = await end(lead, { validTo: FIRST_END });
    expect(later.status).toBe(409);
    expect(((await later.json()) as Problem).errors?.[0]?.path).toBe('validTo');
    expect((await end(lead, { validTo: '2031-01-15T12:00:00.000Z' })).status).toBe(200);
  });

  it('refuses a baseValidTo that is not an instant or null, naming it', async () => {
    for (const baseValidTo of ['yesterday', 42, '']) {
      const response = await end(lead, { validTo: SECOND_END, baseValidTo });
      expect(response.status).toBe(400);
      expect(((await response.json()) as Problem).errors?.[0]?.path).toBe('baseValidTo');
    }
  });

  it('tells another party nothing: its stale end is the 403 it gets for any of Ukraine’s seats', async () => {
    const stale = await end(russia, { validTo: SECOND_END, baseValidTo: null });
    const fresh = await end(russia, { validTo: SECOND_END, baseValidTo: '2031-01-15T12:00:00.000Z' });
    expect([stale.status, fresh.status]).toEqual([403, 403]);
    expect(await stale.text()).not.toContain(DEMO_ACCOUNTS.ukraine.displayName);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
