import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import { createUser } from '../src/services/accounts';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInFourSeats } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { openStream } from './helpers/open-stream';
import { meet } from './helpers/seat';
import { call, signIn, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// Ukraine schedules its new chief negotiator to take over on 10 December (the clock stands at
// 5 December). Until then Russia and the observers see Ukraine's delegation as it is — on every
// page and on the event streams they hold open — and from that moment they see the change.
const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const UKRAINE = DEMO_PARTIES.ukraine.id;
const TAKES_OVER = '2025-12-10T00:00:00.000Z';
const SUCCESSOR = { email: 'incoming-chief@example.org', displayName: 'Incoming Chief Negotiator' };

/** Every read where another party could meet Ukraine's delegation, as one text to search. */
async function everythingSeenBy(testApp: TestApp, as: SignedIn): Promise<string> {
  const reads = [
    `GET ${N}/members`,
    `GET ${N}/parties`,
    `GET ${N}/lead-handovers`,
    `GET ${N}/plan/timeline`,
    `GET ${N}/audit?limit=100`,
    `GET ${N}/exports`,
  ];
  const bodies = await Promise.all(reads.map(async (read) => (await call(testApp, read, { as })).text()));
  // A search answers with the query it was asked: only what it found counts.
  const searches = await Promise.all(
    [SUCCESSOR.displayName, 'Incoming', 'Chief negotiator'].map(async (query) => {
      const found = await call(testApp, `GET ${N}/search?q=${encodeURIComponent(query)}`, { as });
      expect(found.status).toBe(200);
      return JSON.stringify(((await found.json()) as { results: unknown[] }).results);
    }),
  );
  return [...bodies, ...searches].join('\n');
}

describe.each(API_DATABASE_KINDS)('a lead hand-over Ukraine dates ahead, on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let viewers: Record<'ukraine' | 'mediator' | 'russia' | 'observer', SignedIn>;
  let successorId: string;

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    viewers = await signInFourSeats(testApp);
    successorId = (await createUser(testApp.deps, { ...SUCCESSOR, password: 'successor password' })).id;
    const successor = await signIn(testApp, SUCCESSOR.email, 'successor password');
    await meet(testApp, viewers.ukraine, { signedIn: successor, email: SUCCESSOR.email });
  });
  afterAll(async () => handle.close());

  it('shows Russia and the observers no trace of it before the date, and the change from then on', async () => {
    const traces = [SUCCESSOR.displayName, SUCCESSOR.email, successorId, TAKES_OVER, 'Chief negotiator'];
    const streams = {
      ukraine: openStream(testApp, { negotiationId: DEMO_NEGOTIATION.id, as: viewers.ukraine }),
      russia: openStream(testApp, { negotiationId: DEMO_NEGOTIATION.id, as: viewers.russia }),
      observer: openStream(testApp, { negotiationId: DEMO_NEGOTIATION.id, as: viewers.observer }),
    };
    try {
      await Promise.all(
        Object.values(streams).map((stream) =>
          stream.waitUntil(() => stream.text().includes('event: ready')),
        ),
      );
      const handedOver = await call(testApp, `POST ${N}/parties/${UKRAINE}/lead`, {
        as: viewers.ukraine,
        body: { userId: successorId, title: 'Chief negotiator', validFrom: TAKES_OVER },
      });
      expect(handedOver.status, await handedOver.clone().text()).toBe(201);
      await streams.ukraine.waitUntil(() => streams.ukraine.text().includes('event: members.changed'));
      // A change everyone hears of, sent after the hand-over: once it has arrived, so would have
      // anything sent before it.
      const deadline = await call(testApp, `POST ${N}/deadlines`, {
        as: viewers.mediator,
        body: {
          title: 'Reply to the draft',
          dueAt: '2030-01-10T12:00:00Z',
          consequence: 'The text is final.',
        },
      });
      expect(deadline.status, await deadline.clone().text()).toBe(201);
      for (const other of [streams.russia, streams.observer]) {
        await other.waitUntil(() => other.text().includes('event: deadlines.changed'));
        expect(other.text()).not.toContain('members.changed');
      }

      for (const other of [viewers.russia, viewers.observer]) {
        const seen = await everythingSeenBy(testApp, other);
        for (const trace of traces) expect(seen).not.toContain(trace);
        const members = (await (await call(testApp, `GET ${N}/members`, { as: other })).json()) as {
          items: { partyId: string; function: string; validTo: string | null }[];
        };
        // Ukraine's lead as it is now: in office, with no end.
        expect(
          members.items.filter(
            (seat) => seat.partyId === UKRAINE && seat.function === 'lead' && seat.validTo === null,
          ),
        ).toHaveLength(1);
      }
      for (const own of [viewers.ukraine, viewers.mediator]) {
        const members = await (await call(testApp, `GET ${N}/members`, { as: own })).text();
        expect(members).toContain(SUCCESSOR.displayName);
        expect(members).toContain(TAKES_OVER);
      }

      testApp.clock.set('2025-12-10T00:00:01.000Z');
      for (const other of [viewers.russia, viewers.observer]) {
        const members = (await (await call(testApp, `GET ${N}/members`, { as: other })).json()) as {
          items: { userId: string; displayName: string; validFrom: string; validTo: string | null }[];
        };
        expect(members.items.find((seat) => seat.userId === successorId)).toMatchObject({
          displayName: SUCCESSOR.displayName,
          validFrom: TAKES_OVER,
          validTo: null,
        });
        expect(members.items.filter((seat) => seat.validTo === TAKES_OVER)).toHaveLength(1);
      }
      const audit = await (await call(testApp, `GET ${N}/audit?limit=100`, { as: viewers.russia })).text();
      expect(audit).toContain('member.lead-change');
    } finally {
      await Promise.all(Object.values(streams).map((stream) => stream.close()));
    }
  });

  it('answers the end of a seat that starts later as it answers an unknown seat', async () => {
    testApp.clock.set('2025-12-05T12:00:00.000Z');
    const later = await call(testApp, `POST ${N}/parties/${UKRAINE}/members`, {
      as: viewers.ukraine,
      body: {
        userId: null,
        email: DEMO_ACCOUNTS.ukraineFormer.email,
        function: 'analyst',
        title: '',
        validFrom: '2026-03-01T00:00:00.000Z',
      },
    });
    expect(later.status, await later.clone().text()).toBe(201);
    const { id } = (await later.json()) as { id: string };
    const unknown = '00000000-0000-4000-8000-00000000dead';
    const end = (memberId: string) =>
      call(testApp, `POST ${N}/members/${memberId}/end`, {
        as: viewers.russia,
        body: { validTo: '2026-04-01T00:00:00.000Z' },
      });
    const [hidden, missing] = await Promise.all([end(id), end(unknown)]);
    expect(hidden.status).toBe(404);
    expect((await hidden.text()).replace(id, unknown)).toBe(await missing.text());
  });

  it('makes no one a colleague of Russia by a seat Ukraine gave them from a later date', async () => {
    testApp.clock.set('2025-12-05T12:00:00.000Z');
    const email = 'ukraine-adviser-to-be@example.org';
    await createUser(testApp.deps, { email, displayName: 'Adviser to be', password: 'adviser password' });
    const adviser = await signIn(testApp, email, 'adviser password');
    await meet(testApp, viewers.ukraine, { signedIn: adviser, email });
    const seated = await call(testApp, `POST ${N}/parties/${UKRAINE}/members`, {
      as: viewers.ukraine,
      body: { userId: null, email, function: 'delegate', title: '', validFrom: '2026-03-01T00:00:00.000Z' },
    });
    expect(seated.status, await seated.clone().text()).toBe(201);
    // Russia's lead, seating that address until before the seat begins, is answered as for a stranger.
    const seatInRussia = (address: string) =>
      call(testApp, `POST ${N}/parties/${DEMO_PARTIES.russia.id}/members`, {
        as: viewers.russia,
        body: {
          userId: null,
          email: address,
          function: 'analyst',
          title: '',
          validTo: '2026-02-01T00:00:00.000Z',
        },
      });
    const [planned, stranger] = await Promise.all([
      seatInRussia(email),
      seatInRussia('nobody-at-all@example.org'),
    ]);
    expect(planned.status).toBe(404);
    expect(await planned.text()).toBe(await stranger.text());
  });
});
