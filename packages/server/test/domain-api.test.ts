import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_ACCOUNTS,
  DEMO_NEGOTIATION,
  DEMO_PARTIES,
  DEMO_RECORDS,
  UKRAINE_LEAD_CHANGE,
} from '../src/demo';
import { createUser } from '../src/services/accounts';
import type { DatabaseHandle } from '../src/storage/database';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { call, signIn, type SignedIn } from './helpers/session';
import { meet } from './helpers/seat';
import { createTestApp, type TestApp } from './helpers/test-app';

describe.each(API_DATABASE_KINDS)('on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let ukraine: SignedIn;
  let russia: SignedIn;
  let observer: SignedIn;
  const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const signedIn = await Promise.all(
      (['mediator', 'ownDelegation', 'otherParty', 'observer'] as const).map((kind) =>
        signInAs(testApp, kind),
      ),
    );
    [mediator, ukraine, russia, observer] = signedIn.map((session) => {
      if (session === null) throw new Error('expected a session');
      return session;
    }) as [SignedIn, SignedIn, SignedIn, SignedIn];
  });
  afterAll(async () => handle.close());

  const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;
  type Items<T> = { items: T[] };

  describe('negotiations', () => {
    it('lists only negotiations the caller has a seat in', async () => {
      const own = await json<Items<{ id: string }>>(
        await call(testApp, 'GET /api/negotiations', { as: ukraine }),
      );
      expect(own.items.map((item) => item.id)).toEqual([DEMO_NEGOTIATION.id]);
      const outsider = await signInAs(testApp, 'outsider');
      expect(await json(await call(testApp, 'GET /api/negotiations', { as: outsider }))).toEqual({
        items: [],
      });
    });

    it('makes the creator lead of a new mediator party', async () => {
      const created = await json<{ id: string; closureRule: string }>(
        await call(testApp, 'POST /api/negotiations', {
          as: russia,
          body: { title: 'Side channel', closureRule: 'point-by-point', mediatorPartyName: 'Facilitator' },
        }),
      );
      expect(created.closureRule).toBe('point-by-point');
      const parties = await json<Items<{ role: string; name: string }>>(
        await call(testApp, `GET /api/negotiations/${created.id}/parties`, { as: russia }),
      );
      expect(parties.items).toEqual([expect.objectContaining({ role: 'mediator', name: 'Facilitator' })]);
      expect((await call(testApp, `GET /api/negotiations/${created.id}`, { as: ukraine })).status).toBe(404);
    });

    it('answers a hidden negotiation exactly like a missing one', async () => {
      const outsider = await signInAs(testApp, 'outsider');
      const hidden = await call(testApp, `GET ${N}`, { as: outsider });
      const missing = await call(testApp, 'GET /api/negotiations/00000000-0000-4000-8000-00000000ffff', {
        as: outsider,
      });
      expect(hidden.status).toBe(404);
      const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
      expect(strip(await json(hidden))).toEqual(strip(await json(missing)));
    });
  });

  describe('parties and members', () => {
    it('lists the demo parties with roles and the required flag', async () => {
      const parties = await json<Items<{ name: string; role: string; required: boolean }>>(
        await call(testApp, `GET ${N}/parties`, { as: observer }),
      );
      expect(parties.items.map((party) => [party.role, party.required])).toEqual([
        ['mediator', false],
        ['party', true],
        ['party', true],
        ['observer', false],
      ]);
    });

    it('lets only mediator staff add parties (403 for a party that can see the negotiation)', async () => {
      expect(
        (
          await call(testApp, `POST ${N}/parties`, {
            as: ukraine,
            body: { name: 'Türkiye', role: 'observer' },
          })
        ).status,
      ).toBe(403);
      const added = await call(testApp, `POST ${N}/parties`, {
        as: mediator,
        body: { name: 'Türkiye', role: 'observer' },
      });
      expect(added.status).toBe(201);
      expect(await json(added)).toMatchObject({ name: 'Türkiye', role: 'observer', required: false });
    });

    it("keeps the replaced lead's seat on file with its end date, and the new lead's from then on", async () => {
      const members = await json<
        Items<{
          userId: string;
          function: string;
          validFrom: string;
          validTo: string | null;
          partyId: string;
        }>
      >(await call(testApp, `GET ${N}/members`, { as: observer }));
      const ukraineLeads = members.items.filter(
        (member) => member.partyId === DEMO_PARTIES.ukraine.id && member.function === 'lead',
      );
      expect(ukraineLeads.map((member) => [member.userId, member.validTo])).toEqual([
        [DEMO_ACCOUNTS.ukraineFormer.id, UKRAINE_LEAD_CHANGE],
        [DEMO_ACCOUNTS.ukraine.id, null],
      ]);
    });

    it('gives a replaced lead no access once the seat has ended', async () => {
      const former = await signInAs(testApp, 'formerLead');
      expect((await call(testApp, `GET ${N}`, { as: former })).status).toBe(404);
      testApp.clock.set('2025-11-25T12:00:00.000Z');
      try {
        expect((await call(testApp, `GET ${N}`, { as: former })).status).toBe(200);
        expect((await call(testApp, `GET ${N}`, { as: ukraine })).status).toBe(404);
      } finally {
        testApp.clock.set('2025-12-05T12:00:00.000Z');
      }
    });

    it("lets a party's lead seat and later end a delegate of their own party, not of another", async () => {
      const delegate = await createUser(testApp.deps, {
        email: 'delegate@example.org',
        displayName: 'Delegate',
        password: 'delegate password',
      });
      const stranger = { userId: delegate.id, function: 'delegate', validFrom: '2025-12-01T00:00:00.000Z' };
      // Not yet met: the same 404 as an id no account has.
      const unmet = await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.ukraine.id}/members`, {
        as: ukraine,
        body: stranger,
      });
      expect(unmet.status).toBe(404);
      await meet(testApp, ukraine, {
        signedIn: await signIn(testApp, 'delegate@example.org', 'delegate password'),
        email: 'delegate@example.org',
      });
      const body = {
        userId: delegate.id,
        function: 'delegate',
        title: 'Legal adviser',
        validFrom: '2025-12-01T00:00:00.000Z',
      };
      expect(
        (await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.russia.id}/members`, { as: ukraine, body }))
          .status,
      ).toBe(403);
      const added = await json<{ id: string }>(
        await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.ukraine.id}/members`, { as: ukraine, body }),
      );
      const overlap = await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.ukraine.id}/members`, {
        as: ukraine,
        body,
      });
      expect(overlap.status).toBe(409);
      const ended = await call(testApp, `POST ${N}/members/${added.id}/end`, {
        as: ukraine,
        body: { validTo: '2025-12-04T00:00:00.000Z' },
      });
      expect(await json(ended)).toMatchObject({ validTo: '2025-12-04T00:00:00.000Z' });
      const session = await signIn(testApp, 'delegate@example.org', 'delegate password');
      expect((await call(testApp, `GET ${N}`, { as: session })).status).toBe(404);
    });

    it('answers an unknown user id with 404 naming userId', async () => {
      const response = await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.ukraine.id}/members`, {
        as: ukraine,
        body: { userId: '00000000-0000-4000-8000-00000000dead', function: 'analyst' },
      });
      expect(response.status).toBe(404);
      expect(await json(response)).toMatchObject({ errors: [{ path: 'userId' }] });
    });
    it('seats an account by its email with a validity; an unknown email or both names are 4xx on email', async () => {
      await createUser(testApp.deps, {
        email: 'by-email@example.org',
        displayName: 'Seated by email',
        password: 'by-email password',
      });
      await createUser(testApp.deps, {
        email: 'stranger@example.org',
        displayName: 'Never met',
        password: 'stranger password',
      });
      await meet(testApp, ukraine, {
        signedIn: await signIn(testApp, 'by-email@example.org', 'by-email password'),
        email: 'by-email@example.org',
      });
      const url = `POST ${N}/parties/${DEMO_PARTIES.ukraine.id}/members`;
      const seated = await call(testApp, url, {
        as: ukraine,
        body: {
          userId: null,
          email: 'By-Email@example.org',
          function: 'analyst',
          validFrom: '2025-12-01T00:00:00.000Z',
          validTo: '2025-12-20T00:00:00.000Z',
        },
      });
      expect(seated.status).toBe(201);
      expect(await json(seated)).toMatchObject({
        displayName: 'Seated by email',
        function: 'analyst',
        validTo: '2025-12-20T00:00:00.000Z',
      });
      const unknown = await call(testApp, url, {
        as: ukraine,
        body: { userId: null, email: 'nobody@example.org', function: 'analyst' },
      });
      expect(unknown.status).toBe(404);
      const unknownProblem = await json<Record<string, unknown>>(unknown);
      expect(unknownProblem).toMatchObject({ errors: [{ path: 'email' }] });
      // An account the lead has never sat with is answered as if there were none: seating by email
      // must not tell who has an account (anyone may create a negotiation to try).
      const strangerAttempt = await call(testApp, url, {
        as: ukraine,
        body: { userId: null, email: 'stranger@example.org', function: 'analyst' },
      });
      expect(strangerAttempt.status).toBe(404);
      expect({ ...(await json<Record<string, unknown>>(strangerAttempt)), instance: '' }).toEqual({
        ...unknownProblem,
        instance: '',
      });
      const both = await call(testApp, url, {
        as: ukraine,
        body: { email: 'by-email@example.org', userId: DEMO_ACCOUNTS.outsider.id, function: 'analyst' },
      });
      expect(both.status).toBe(400);
      const neither = await call(testApp, url, { as: ukraine, body: { userId: null, function: 'analyst' } });
      expect(neither.status).toBe(400);
      // Another party's lead learns nothing about accounts: 403 before any look-up.
      const foreign = await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.russia.id}/members`, {
        as: ukraine,
        body: { userId: null, email: 'nobody@example.org', function: 'analyst' },
      });
      expect(foreign.status).toBe(403);
    });
  });

  describe('records', () => {
    it('lets each party read exactly its share, with counts that match', async () => {
      const titles = async (session: SignedIn) =>
        (await json<Items<{ id: string }>>(await call(testApp, `GET ${N}/records`, { as: session }))).items
          .map((item) => item.id)
          .sort();
      const ids = (indices: number[]) => indices.map((index) => DEMO_RECORDS[index]?.id).sort();
      expect(await titles(ukraine)).toEqual(ids([0, 1, 2, 3]));
      expect(await titles(russia)).toEqual(ids([0, 1, 4, 5]));
      expect(await titles(observer)).toEqual(ids([0, 7]));
      expect(await titles(mediator)).toEqual(ids([0, 1, 2, 5, 6]));
    });

    it("answers another delegation's internal record exactly like a missing one", async () => {
      const internal = DEMO_RECORDS[3];
      if (internal === undefined) throw new Error('fixture');
      const hidden = await call(testApp, `GET ${N}/records/${internal.id}`, { as: russia });
      const missing = await call(testApp, `GET ${N}/records/00000000-0000-4000-8000-00000000ffff`, {
        as: russia,
      });
      expect(hidden.status).toBe(404);
      const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
      expect(strip(await json(hidden))).toEqual(strip(await json(missing)));
      expect((await call(testApp, `GET ${N}/records/${internal.id}`, { as: ukraine })).status).toBe(200);
    });

    it("files records for one's own party only", async () => {
      const body = {
        owningPartyId: DEMO_PARTIES.ukraine.id,
        kind: 'note',
        classification: 'delegation',
        title: 'Internal',
        body: 'x',
      };
      expect((await call(testApp, `POST ${N}/records`, { as: russia, body })).status).toBe(403);
      const created = await call(testApp, `POST ${N}/records`, { as: ukraine, body });
      expect(created.status).toBe(201);
      const record = await json<{ id: string; authorId: string }>(created);
      expect(record.authorId).toBe(ukraine.userId);
      expect((await call(testApp, `GET ${N}/records/${record.id}`, { as: mediator })).status).toBe(404);
    });

    it('answers an owning party from another negotiation with 404 naming owningPartyId', async () => {
      const response = await call(testApp, `POST ${N}/records`, {
        as: ukraine,
        body: {
          owningPartyId: '00000000-0000-4000-8000-00000000ffff',
          kind: 'note',
          classification: 'public',
          title: 'x',
          body: '',
        },
      });
      expect(response.status).toBe(404);
      expect(await json(response)).toMatchObject({ errors: [{ path: 'owningPartyId' }] });
    });
  });

  describe('deadlines', () => {
    it('shows the Thanksgiving deadline to every participant and lets only the mediator set one', async () => {
      const deadlines = await json<Items<{ dueAt: string }>>(
        await call(testApp, `GET ${N}/deadlines`, { as: observer }),
      );
      expect(deadlines.items[0]?.dueAt).toBe('2025-11-27T04:59:00.000Z');
      const body = { title: 'Next round', dueAt: '2025-12-10T12:00:00Z' };
      expect((await call(testApp, `POST ${N}/deadlines`, { as: russia, body })).status).toBe(403);
      expect((await call(testApp, `POST ${N}/deadlines`, { as: mediator, body })).status).toBe(201);
    });

    it('refuses a deadline in the past with a problem saying so, and stores nothing', async () => {
      const before = await json<Items<{ title: string }>>(
        await call(testApp, `GET ${N}/deadlines`, { as: mediator }),
      );
      // The test clock stands at 2025-12-05T12:00Z: one minute earlier is already past.
      const response = await call(testApp, `POST ${N}/deadlines`, {
        as: mediator,
        body: { title: 'Too late', dueAt: '2025-12-05T11:59:00Z' },
      });
      expect(response.status).toBe(400);
      const problem = await json<{ detail: string; errors: { path: string }[] }>(response);
      // in words, in the negotiation's zone (the demo's is Europe/Zurich), not as ISO time stamps
      expect(problem.detail).toBe(
        'The deadline is in the past: 5 Dec 2025, 12:59 (Europe/Zurich), and it is now 5 Dec 2025, 13:00 (Europe/Zurich).',
      );
      expect(problem.errors).toMatchObject([{ path: 'dueAt' }]);
      const after = await json<Items<{ title: string }>>(
        await call(testApp, `GET ${N}/deadlines`, { as: mediator }),
      );
      expect(after.items).toEqual(before.items);
      // A year mistyped far ahead is refused the same way.
      const distant = await call(testApp, `POST ${N}/deadlines`, {
        as: mediator,
        body: { title: 'Typo', dueAt: '9999-12-31T12:00:00Z' },
      });
      expect(distant.status).toBe(400);
      expect((await json<{ detail: string }>(distant)).detail).toMatch(/more than 50 years away/);
      const later = await json<Items<{ title: string }>>(
        await call(testApp, `GET ${N}/deadlines`, { as: mediator }),
      );
      expect(later.items).toEqual(before.items);
    });

    it('rejects a deadline without a time zone, naming dueAt', async () => {
      const response = await call(testApp, `POST ${N}/deadlines`, {
        as: mediator,
        body: { title: 'x', dueAt: '2025-12-10' },
      });
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({ errors: [{ path: 'dueAt' }] });
    });
  });

  describe('rounds', () => {
    it('refuses a round that ends before it starts, naming endsOn, and stores nothing', async () => {
      const P = `${N}/plan/rounds`;
      const count = async () =>
        (await json<Items<{ id: string }>>(await call(testApp, `GET ${P}`, { as: mediator }))).items.length;
      const before = await count();
      const response = await call(testApp, `POST ${P}`, {
        as: mediator,
        body: {
          name: 'Backwards',
          place: 'Geneva',
          startsOn: '2025-12-03',
          endsOn: '2025-12-01',
          format: 'plenary',
          partiesPresent: [],
          fromVersionId: null,
          producedVersionId: null,
          minutes: null,
          publicReadout: null,
        },
      });
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({ errors: [{ path: 'endsOn' }] });
      expect(await count()).toBe(before);
    });
  });

  describe('invitations', () => {
    it('seats the invited account once, from the moment it accepts', async () => {
      const invited = await createUser(testApp.deps, {
        email: 'new.delegate@example.org',
        displayName: 'New delegate',
        password: 'new delegate pw',
      });
      const created = await json<{ token: string; invitation: { email: string } }>(
        await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.ukraine.id}/invitations`, {
          as: ukraine,
          body: { email: 'New.Delegate@example.org', function: 'analyst' },
        }),
      );
      expect(created.invitation.email).toBe('new.delegate@example.org');
      const someoneElse = await signIn(testApp, DEMO_ACCOUNTS.observer.email, 'parley-demo-2025');
      expect(
        (
          await call(testApp, 'POST /api/invitations/accept', {
            as: someoneElse,
            body: { token: created.token },
          })
        ).status,
      ).toBe(410);
      const session = await signIn(testApp, 'new.delegate@example.org', 'new delegate pw');
      const accepted = await call(testApp, 'POST /api/invitations/accept', {
        as: session,
        body: { token: created.token },
      });
      expect(accepted.status).toBe(201);
      expect(await json(accepted)).toMatchObject({
        userId: invited.id,
        partyId: DEMO_PARTIES.ukraine.id,
        function: 'analyst',
      });
      expect((await call(testApp, `GET ${N}/records/${DEMO_RECORDS[3]?.id}`, { as: session })).status).toBe(
        200,
      );
      expect(
        (await call(testApp, 'POST /api/invitations/accept', { as: session, body: { token: created.token } }))
          .status,
      ).toBe(410);
    });

    it("does not let an observer invite people into another party's delegation", async () => {
      const response = await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.ukraine.id}/invitations`, {
        as: observer,
        body: { email: 'spy@example.org', function: 'delegate' },
      });
      expect(response.status).toBe(403);
    });
  });

  describe('ending seats', () => {
    it('refuses to move an ended seat’s end later (that would re-admit a replaced lead)', async () => {
      const formerSeat = '00000000-0000-4000-8000-000000000f03';
      const response = await call(testApp, `POST ${N}/members/${formerSeat}/end`, {
        as: ukraine,
        body: { validTo: '2025-12-31T00:00:00.000Z' },
      });
      expect(response.status).toBe(409);
      expect(await json(response)).toMatchObject({ errors: [{ path: 'validTo' }] });
    });
  });

  describe('changing a lead', () => {
    it('ends the current lead exactly when the new lead starts, in one step', async () => {
      const successor = await createUser(testApp.deps, {
        email: 'successor@example.org',
        displayName: 'Successor',
        password: 'successor password',
      });
      // A lead is handed to a colleague: someone the lead has sat with (strangers are invited first).
      await meet(testApp, russia, {
        signedIn: await signIn(testApp, 'successor@example.org', 'successor password'),
        email: 'successor@example.org',
      });
      const from = '2025-12-05T12:00:00.000Z';
      // To oneself it is refused: it ended the lead's seat and began an untitled one.
      const self = await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.russia.id}/lead`, {
        as: russia,
        body: { userId: DEMO_ACCOUNTS.russia.id, title: 'Head of delegation', validFrom: from },
      });
      expect(self.status).toBe(409);
      expect(await self.text()).toContain('already leads the delegation');
      const response = await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.russia.id}/lead`, {
        as: russia,
        body: { userId: successor.id, title: 'Head of delegation', validFrom: from },
      });
      expect(response.status).toBe(201);
      const change = await json<{
        ended: { userId: string; validTo: string }[];
        lead: { userId: string; validFrom: string; function: string };
      }>(response);
      expect(change.ended.map((seat) => [seat.userId, seat.validTo])).toEqual([
        [DEMO_ACCOUNTS.russia.id, from],
      ]);
      expect(change.lead).toMatchObject({ userId: successor.id, validFrom: from, function: 'lead' });
      // The replaced lead lost access at that instant; the successor has it.
      expect((await call(testApp, `GET ${N}`, { as: russia })).status).toBe(404);
      const session = await signIn(testApp, 'successor@example.org', 'successor password');
      expect((await call(testApp, `GET ${N}/records/${DEMO_RECORDS[4]?.id}`, { as: session })).status).toBe(
        200,
      );
    });

    it('lets neither another party nor an observer change a lead', async () => {
      const body = { userId: DEMO_ACCOUNTS.outsider.id };
      expect(
        (await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.ukraine.id}/lead`, { as: observer, body }))
          .status,
      ).toBe(403);
    });
  });
});
