import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES, UKRAINE_LEAD_CHANGE } from '../src/demo';
import { SESSION_TTL_MS } from '../src/services/accounts';
import { openDatabase, type DatabaseHandle } from '../src/storage/database';
import { DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { call, type SignedIn } from './helpers/session';
import { createMutableClock, createTestApp, type TestApp } from './helpers/test-app';

// Issue #15: sessions, seats and a negotiation's plan records are served from memory. A copy must
// never outlive what it copies: a sign-out, an ended seat, or a write made anywhere (another
// service, plain SQL, another process on the same PostgreSQL) is seen by the very next request.

const N = DEMO_NEGOTIATION.id;
const handles: DatabaseHandle[] = [];
afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.close();
});

async function demoApp(kind: (typeof DATABASE_KINDS)[number], clockAt?: string) {
  const handle = await openTestDatabase(kind);
  handles.push(handle);
  await seedDemo(handle.db);
  return { handle, testApp: createTestApp(handle.db, createMutableClock(clockAt)) };
}

async function latestVersion(testApp: TestApp, as: SignedIn): Promise<string> {
  const plan = (await (await call(testApp, `GET /api/negotiations/${N}/plan`, { as })).json()) as {
    versions: { id: string }[];
  };
  return plan.versions.at(-1)?.id ?? '';
}

async function timelineRefs(testApp: TestApp, as: SignedIn): Promise<string[]> {
  const refs: string[] = [];
  for (let cursor: string | undefined; ;) {
    const query = cursor === undefined ? '' : `&cursor=${cursor}`;
    const page = (await (
      await call(testApp, `GET /api/negotiations/${N}/plan/timeline?limit=500${query}`, { as })
    ).json()) as { items: { refId: string }[]; nextCursor?: string };
    refs.push(...page.items.map((item) => item.refId));
    if (page.nextCursor === undefined) return refs;
    cursor = page.nextCursor;
  }
}

const statement = {
  person: 'Spokesperson',
  partyId: DEMO_PARTIES.unitedStates.id,
  date: '2025-11-30',
  source: 'read cache test',
  quote: 'Talks continue.',
  pointIds: [],
};

describe.each(DATABASE_KINDS)('cached reads on %s', (kind) => {
  it('refuses a session at once after sign-out', async () => {
    const { testApp } = await demoApp(kind);
    const ukraine = await signInAs(testApp, 'ownDelegation');
    expect((await call(testApp, 'GET /api/me', { as: ukraine })).status).toBe(200);
    expect((await call(testApp, 'POST /api/auth/logout', { as: ukraine })).status).toBeLessThan(300);
    expect((await call(testApp, 'GET /api/me', { as: ukraine })).status).toBe(401);
  }, 120_000);

  it('refuses a session removed by plain SQL, outside every service', async () => {
    const { handle, testApp } = await demoApp(kind);
    const ukraine = await signInAs(testApp, 'ownDelegation');
    expect((await call(testApp, `GET /api/negotiations/${N}`, { as: ukraine })).status).toBe(200);
    await sql`DELETE FROM sessions`.execute(handle.db);
    expect((await call(testApp, `GET /api/negotiations/${N}`, { as: ukraine })).status).toBe(401);
  }, 120_000);

  it('refuses a cached session from the instant it expires', async () => {
    const { testApp } = await demoApp(kind);
    const ukraine = await signInAs(testApp, 'ownDelegation');
    expect((await call(testApp, 'GET /api/me', { as: ukraine })).status).toBe(200);
    testApp.clock.advance(SESSION_TTL_MS - 1);
    expect((await call(testApp, 'GET /api/me', { as: ukraine })).status).toBe(200);
    testApp.clock.advance(1);
    expect((await call(testApp, 'GET /api/me', { as: ukraine })).status).toBe(401);
  }, 120_000);

  it('refuses a cached seat from the instant it ends (a lead hand-over taking effect)', async () => {
    const justBefore = new Date(Date.parse(UKRAINE_LEAD_CHANGE) - 1).toISOString();
    const { testApp } = await demoApp(kind, justBefore);
    const former = await signInAs(testApp, 'formerLead');
    const read = () => call(testApp, `GET /api/negotiations/${N}/plan`, { as: former });
    expect((await read()).status).toBe(200);
    testApp.clock.set(UKRAINE_LEAD_CHANGE);
    expect((await read()).status).toBe(404);
  }, 120_000);

  it('refuses a seat ended by plain SQL at once', async () => {
    const { handle, testApp } = await demoApp(kind);
    const ukraine = await signInAs(testApp, 'ownDelegation');
    const read = () => call(testApp, `GET /api/negotiations/${N}/plan/timeline`, { as: ukraine });
    expect((await read()).status).toBe(200);
    await sql`UPDATE members SET valid_to = ${new Date(testApp.clock.now().getTime() - 1000)}
      WHERE user_id = (SELECT id FROM users WHERE email = ${DEMO_ACCOUNTS.ukraine.email})`.execute(handle.db);
    expect((await read()).status).toBe(404);
  }, 120_000);

  it('serves each party its own positions, and logs every read of restricted ones, cached or not', async () => {
    const { handle, testApp } = await demoApp(kind);
    const ukraine = await signInAs(testApp, 'ownDelegation');
    const russia = await signInAs(testApp, 'otherParty');
    if (ukraine === null || russia === null) throw new Error('no demo accounts');
    const version = `/api/negotiations/${N}/plan/versions/${await latestVersion(testApp, ukraine)}`;
    type Item = { partyId: string; visibility: string };
    const read = async (as: SignedIn, path: string) => {
      const response = await call(testApp, `GET ${version}${path}`, { as });
      expect(response.status).toBe(200);
      return response.json() as Promise<{ items?: Item[] }>;
    };
    const restrictedOfUkraine = (items: Item[] = []) =>
      items.filter((item) => item.partyId === DEMO_PARTIES.ukraine.id && item.visibility !== 'parties');
    expect(restrictedOfUkraine((await read(ukraine, '/positions?limit=500')).items).length).toBeGreaterThan(
      0,
    );
    await read(ukraine, '/positions?limit=500');
    await read(ukraine, '/status');
    await read(ukraine, '/status');
    expect(restrictedOfUkraine((await read(russia, '/positions?limit=500')).items)).toEqual([]);
    const logged = await handle.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'position.list')
      .execute();
    expect(logged.filter((entry) => entry.actor_id === ukraine.userId)).toHaveLength(4);
  }, 120_000);

  it('answers a position, a status and a timeline entry written a moment before', async () => {
    const { testApp } = await demoApp(kind);
    const mediator = await signInAs(testApp, 'mediator');
    const ukraine = await signInAs(testApp, 'ownDelegation');
    if (mediator === null || ukraine === null) throw new Error('no demo accounts');
    const versionId = await latestVersion(testApp, ukraine);
    const version = `/api/negotiations/${N}/plan/versions/${versionId}`;
    const before = (await (await call(testApp, `GET ${version}/status`, { as: ukraine })).json()) as {
      points: { pointId: string }[];
    };
    const pointId = before.points[0]?.pointId ?? '';
    const positions = async () =>
      (
        (await (await call(testApp, `GET ${version}/positions?limit=500`, { as: ukraine })).json()) as {
          items: { pointId: string; partyId: string; note: string; revision: number }[];
        }
      ).items.filter((item) => item.pointId === pointId && item.partyId === DEMO_PARTIES.ukraine.id);
    const baseRevision = (await positions())[0]?.revision ?? 0;
    const put = await call(testApp, `PUT ${version}/points/${pointId}/positions/${DEMO_PARTIES.ukraine.id}`, {
      as: ukraine,
      body: { value: 'red_line', note: 'written a moment before', visibility: 'private', baseRevision },
    });
    expect(put.status).toBe(200);
    expect((await positions())[0]?.note).toBe('written a moment before');

    const refsBefore = await timelineRefs(testApp, ukraine);
    const created = await call(testApp, `POST /api/negotiations/${N}/plan/statements`, {
      as: mediator,
      body: statement,
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(refsBefore).not.toContain(id);
    expect(await timelineRefs(testApp, ukraine)).toContain(id);
  }, 120_000);
});

describe.runIf(DATABASE_KINDS.includes('postgres'))('cached reads of two processes on one PostgreSQL', () => {
  // Each server process has its own caches (they are per database connection pool) and learns of
  // another's writes only through the database: a second pool in this process is such a process.
  it('sees at once what the other process wrote, signed out or ended', async () => {
    const { handle, testApp: first } = await demoApp('postgres');
    const url = (handle as { url?: string }).url ?? '';
    const secondHandle = await openDatabase({ databaseUrl: url });
    handles.push(secondHandle);
    const second = createTestApp(secondHandle.db, createMutableClock());
    const mediator = await signInAs(first, 'mediator');
    const ukraine = await signInAs(first, 'ownDelegation');
    if (mediator === null || ukraine === null) throw new Error('no demo accounts');

    const refsBefore = await timelineRefs(first, ukraine);
    const created = await call(second, `POST /api/negotiations/${N}/plan/statements`, {
      as: mediator,
      body: statement,
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(refsBefore).not.toContain(id);
    expect(await timelineRefs(first, ukraine)).toContain(id);

    // A seat ended by a connection that is neither process.
    const outside = new pg.Client({ connectionString: url });
    await outside.connect();
    try {
      expect((await call(first, `GET /api/negotiations/${N}/plan`, { as: ukraine })).status).toBe(200);
      await outside.query(
        'UPDATE members SET valid_to = $1 WHERE user_id = (SELECT id FROM users WHERE email = $2)',
        [new Date(first.clock.now().getTime() - 1000), DEMO_ACCOUNTS.ukraine.email],
      );
      expect((await call(first, `GET /api/negotiations/${N}/plan`, { as: ukraine })).status).toBe(404);
    } finally {
      await outside.end();
    }

    expect((await call(first, 'GET /api/me', { as: mediator })).status).toBe(200);
    expect((await call(second, 'POST /api/auth/logout', { as: mediator })).status).toBeLessThan(300);
    expect((await call(first, 'GET /api/me', { as: mediator })).status).toBe(401);
  }, 180_000);
});
