import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import { createUser } from '../src/services/accounts';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, signIn, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// A security probe: a stream whose seat ends says so last (reset: seat-ended), so the open pages
// read again instead of showing what the seat let them read. A Ukrainian delegate seated by Russia
// the moment their Ukrainian seat ended still had a seat, so their stream went on without a word,
// and their open pages kept showing Ukraine's private positions and internal records.
const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;

describe.each(API_DATABASE_KINDS)('the event stream of a member who moves delegation, on %s', (kind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let ukraine: SignedIn;
  let russia: SignedIn;
  let mediator: SignedIn;
  let mover: SignedIn;
  let moverId: string;
  let seatId: string;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const [u, r, m] = await Promise.all([
      signInAs(testApp, 'ownDelegation'),
      signInAs(testApp, 'otherParty'),
      signInAs(testApp, 'mediator'),
    ]);
    if (u === null || r === null || m === null) throw new Error('expected sessions');
    [ukraine, russia, mediator] = [u, r, m];
    const email = 'stream-mover@example.org';
    moverId = (await createUser(testApp.deps, { email, displayName: 'Mover', password: 'mover password' }))
      .id;
    mover = await signIn(testApp, email, 'mover password');
    const invited = await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.ukraine.id}/invitations`, {
      as: ukraine,
      body: { email, function: 'delegate' },
    });
    const { token } = (await invited.json()) as { token: string };
    const accepted = await call(testApp, 'POST /api/invitations/accept', { as: mover, body: { token } });
    expect(accepted.status).toBe(201);
    seatId = ((await accepted.json()) as { id: string }).id;
  });
  afterAll(async () => {
    await testApp.deps.events.settled();
    await handle.close();
  });

  it('ends with reset: seat-ended when the member now sits for another party, so its pages read again', async () => {
    const response = await testApp.app.request(`${N}/events`, {
      headers: { ...mover.headers, accept: 'text/event-stream' },
    });
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let received = '';
    let isClosed = false;
    const pump = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += new TextDecoder().decode(value);
      }
      isClosed = true;
    })();
    const waitFor = async (predicate: () => boolean, ms: number) => {
      const until = Date.now() + ms;
      while (!predicate() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      return predicate();
    };
    try {
      expect(await waitFor(() => received.includes('event: ready'), 5_000)).toBe(true);
      // Scheduled ahead, so that no moment passes without a seat: the stream never finds none.
      const at = new Date(testApp.clock.now().getTime() + 60_000).toISOString();
      const ended = await call(testApp, `POST ${N}/members/${seatId}/end`, {
        as: ukraine,
        body: { validTo: at },
      });
      expect(ended.status).toBe(200);
      const seated = await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.russia.id}/members`, {
        as: russia,
        body: { userId: moverId, function: 'delegate', validFrom: at },
      });
      expect(seated.status).toBe(201);
      await testApp.deps.events.settled();
      testApp.clock.advance(120_000);
      // Any event the stream sees next (here, a deadline every participant reads) finds the move.
      const deadline = await call(testApp, `POST ${N}/deadlines`, {
        as: mediator,
        body: { title: 'Review', dueAt: new Date(testApp.clock.now().getTime() + 86_400_000).toISOString() },
      });
      expect(deadline.status).toBe(201);
      expect(await waitFor(() => isClosed, 4_000)).toBe(true);
      expect(received.trim().split('\n\n').at(-1)).toBe('event: reset\ndata: {"reason":"seat-ended"}');
    } finally {
      if (!isClosed) await reader.cancel();
      await pump.catch(() => undefined);
    }
  });
});
