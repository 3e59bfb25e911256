import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import { createUser } from '../src/services/accounts';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { readEventStream } from './helpers/open-stream';
import { meet } from './helpers/seat';
import { call, signIn, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// A probe of a hand-over dated ahead: the outgoing lead keeps the seat until then, and from that
// moment on reads nothing of the delegation's — not on a page, and not on the event stream it
// already holds open. No seat-change timer runs here (seat-change-timer.test.ts has the moment
// itself): the next event to reach the stream, a write of the successor's, must end it.
const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const RUSSIA = DEMO_PARTIES.russia.id;

describe.each(API_DATABASE_KINDS)('a lead hand-over dated ahead, on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let russia: SignedIn;
  let successor: SignedIn;
  let versionId: string;
  let pointIds: string[];
  const revisions = new Map<string, number>();

  const setPrivatePosition = async (as: SignedIn, pointId: string, note: string) => {
    const response = await call(
      testApp,
      `PUT ${N}/plan/versions/${versionId}/points/${pointId}/positions/${RUSSIA}`,
      {
        as,
        body: { value: 'reject', note, visibility: 'private', baseRevision: revisions.get(pointId) ?? 0 },
      },
    );
    expect(response.status, await response.clone().text()).toBe(200);
    revisions.set(pointId, ((await response.json()) as { revision: number }).revision);
  };

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const [m, r] = await Promise.all([signInAs(testApp, 'mediator'), signInAs(testApp, 'otherParty')]);
    if (m === null || r === null) throw new Error('expected sessions');
    [mediator, russia] = [m, r];
    const email = 'russian-successor@example.org';
    const account = await createUser(testApp.deps, {
      email,
      displayName: 'Russian successor',
      password: 'successor password',
    });
    successor = await signIn(testApp, email, 'successor password');
    await meet(testApp, mediator, { signedIn: successor, email });
    const overview = (await (await call(testApp, `GET ${N}/plan`, { as: mediator })).json()) as {
      versions: { id: string; revision: number }[];
    };
    versionId = [...overview.versions].sort((a, b) => b.revision - a.revision)[0]?.id ?? '';
    const version = (await (
      await call(testApp, `GET ${N}/plan/versions/${versionId}`, { as: mediator })
    ).json()) as { version: { points: { pointId: string }[] } };
    pointIds = version.version.points.map((point) => point.pointId);
    const current = (await (
      await call(testApp, `GET ${N}/plan/versions/${versionId}/positions?limit=500`, { as: russia })
    ).json()) as { items: { partyId: string; pointId: string; revision: number }[] };
    for (const position of current.items)
      if (position.partyId === RUSSIA) revisions.set(position.pointId, position.revision);

    const validFrom = new Date(testApp.clock.now().getTime() + 60 * 60_000).toISOString();
    const proposed = await call(testApp, `POST ${N}/parties/${RUSSIA}/lead-handovers`, {
      as: mediator,
      body: { userId: account.id, title: 'Head of delegation', validFrom },
    });
    expect(proposed.status).toBe(201);
    const { id } = (await proposed.json()) as { id: string };
    const accepted = await call(testApp, `POST ${N}/lead-handovers/${id}/decision`, {
      as: russia,
      body: { decision: 'accept', baseRevision: 1 },
    });
    expect(accepted.status).toBe(200);
  });
  afterAll(async () => handle.close());

  it('keeps the outgoing lead reading, live, until the moment, and nothing from then on', async () => {
    const response = await testApp.app.request(`${N}/events`, {
      headers: { ...russia.headers, accept: 'text/event-stream' },
    });
    expect(response.status).toBe(200);
    const stream = readEventStream(response);
    try {
      await stream.waitUntil(() => stream.text().includes('event: ready'));
      const [before = '', after = ''] = pointIds;
      await setPrivatePosition(russia, before, 'still ours');
      await stream.waitUntil(() => stream.text().includes(before));

      testApp.clock.advance(60 * 60_000);
      await setPrivatePosition(successor, after, 'the new lead writes');
      // The write's event reaches the stream, which finds the seat gone: it says so and ends.
      await stream.waitUntil(stream.isClosed, 4_000);
      expect(stream.text()).not.toContain(after);
      expect(stream.text().trim().split('\n\n').at(-1)).toBe('event: reset\ndata: {"reason":"seat-ended"}');
      expect(
        (await call(testApp, `GET ${N}/plan/versions/${versionId}/positions`, { as: russia })).status,
      ).toBe(404);
      const seen = (await (
        await call(testApp, `GET ${N}/plan/versions/${versionId}/positions?limit=500`, { as: successor })
      ).json()) as { items: { partyId: string; pointId: string; note: string }[] };
      const written = seen.items.find(
        (position) => position.partyId === RUSSIA && position.pointId === after,
      );
      expect(written?.note).toBe('the new lead writes');
    } finally {
      await stream.close();
    }
  });
});
