import { randomBytes, randomUUID } from 'node:crypto';
import { CLASSIFICATIONS } from '@parley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES, DEMO_RECORDS } from '../src/demo';
import { createUser } from '../src/services/accounts';
import type { DatabaseHandle } from '../src/storage/database';
import { ACCESS_FIXTURES, PARTICIPANTS, RECORD_READERS } from './helpers/access-fixtures';
import { seedDemo, signInAs, VIEWER_KINDS, type ViewerKind } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { minimalValue, type BodyContext } from './helpers/minimal-body';
import {
  combinations,
  discoverRoutes,
  fillPath,
  findCountMismatch,
  type DiscoveredRoute,
  type OpenApiDocument,
} from './helpers/route-discovery';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// Every route of /api/openapi.json × every viewer kind × every demo resource (records of every
// classification), checking that nothing the viewer may not see leaks: not the resource, not its
// text, not a count, not a distinguishable 404. A new route is covered without editing this file;
// a new path parameter needs an AccessFixture in helpers/access-fixtures.ts (the test says so).

describe.each(API_DATABASE_KINDS)('access matrix on %s (routes from /api/openapi.json)', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let document: OpenApiDocument;
  let extraUserId: string;

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    // Seats created by write routes go to this account, never to a viewer under test.
    extraUserId = (
      await createUser(testApp.deps, {
        email: 'matrix-seat@example.org',
        displayName: 'Matrix seat',
        password: 'matrix password',
      })
    ).id;
    document = (await (await testApp.app.request('/api/openapi.json')).json()) as OpenApiDocument;
  });
  afterAll(async () => handle.close());

  it('has fixture records of every classification', () => {
    expect(new Set(DEMO_RECORDS.map((record) => record.classification))).toEqual(new Set(CLASSIFICATIONS));
  });

  it('leaks no resource, text, count or distinguishable 404 to any viewer on any route', async () => {
    const routes = discoverRoutes(document);
    const paramFixtures: Record<string, readonly string[]> = Object.assign(
      {},
      ...(await Promise.all(ACCESS_FIXTURES.map((fixture) => fixture.params(handle.db)))),
    );
    const forbidden = new Map<ViewerKind, string[]>();
    for (const kind of VIEWER_KINDS)
      forbidden.set(
        kind,
        (await Promise.all(ACCESS_FIXTURES.map((fixture) => fixture.forbidden(kind, handle.db)))).flat(),
      );
    const isHidden = (kind: ViewerKind, values: Record<string, string>) =>
      ACCESS_FIXTURES.some((fixture) => fixture.isHidden?.(kind, values) === true);
    const bodyContext: BodyContext = {
      components: (document.components?.schemas ?? {}) as BodyContext['components'],
      fieldFixtures: {
        owningPartyId: DEMO_PARTIES.ukraine.id,
        userId: extraUserId,
        partyId: DEMO_PARTIES.ukraine.id,
      },
      instant: '2025-12-06T00:00:00.000Z',
    };
    const sessions = new Map<ViewerKind, SignedIn | null>();
    const sessionOf = async (kind: ViewerKind) => {
      if (!sessions.has(kind)) sessions.set(kind, await signInAs(testApp, kind));
      return sessions.get(kind) ?? null;
    };
    const failures: string[] = [];
    let requests = 0;

    const check = async (route: DiscoveredRoute, values: Record<string, string>, kind: ViewerKind) => {
      const as = await sessionOf(kind);
      const body = route.bodySchema === undefined ? undefined : minimalValue(route.bodySchema, bodyContext);
      const path = fillPath(route.path, values);
      const label = `${kind} ${route.method} ${route.path} ${JSON.stringify(values)}`;
      const response = await call(testApp, `${route.method} ${path}`, { as, body });
      requests += 1;
      // The problem's `instance` echoes the caller's own path: not a leak.
      const text = (await response.text()).split(path).join('');
      if (response.status >= 500) failures.push(`${label}: ${response.status}`);
      for (const secret of forbidden.get(kind) ?? [])
        if (text.includes(secret)) failures.push(`${label}: leaks "${secret.slice(0, 60)}"`);
      // File downloads (exports) answer bytes, not JSON: only JSON bodies can carry a count field.
      const isJson = (response.headers.get('content-type') ?? '').includes('json');
      const mismatch = findCountMismatch(text === '' || !isJson ? undefined : JSON.parse(text));
      if (mismatch !== undefined) failures.push(`${label}: count field ${mismatch}`);
      const denial = kind === 'anonymous' && route.isSecured ? 401 : 404;
      if (isHidden(kind, values)) {
        if (response.status !== denial)
          failures.push(`${label}: hidden resource answered ${response.status}, not ${denial}`);
        // The same request naming an id that never existed must be indistinguishable.
        const last = route.params[route.params.length - 1] ?? '';
        // Audit entry ids are 64 hex digits, every other id a UUID: a missing id of the right shape.
        const missingId = last === 'entryId' ? randomBytes(32).toString('hex') : randomUUID();
        const missingPath = fillPath(route.path, { ...values, [last]: missingId });
        const missing = await call(testApp, `${route.method} ${missingPath}`, { as, body });
        const missingText = (await missing.text()).split(missingPath).join('');
        if (missing.status !== response.status || missingText !== text)
          failures.push(
            `${label}: hidden ≠ missing (${missing.status} ${missingText} vs ${response.status} ${text})`,
          );
      } else if (
        route.method === 'GET' &&
        response.status !== (kind === 'anonymous' && route.isSecured ? 401 : 200)
      ) {
        failures.push(`${label}: visible read answered ${response.status}`);
      }
      if (
        route.method !== 'GET' &&
        as !== null &&
        (await call(testApp, 'GET /api/me', { as })).status === 401
      ) {
        sessions.delete(kind); // the route ended the session (logout): sign in again next time
      }
    };

    // Reads first, so writes cannot change what the reads expect.
    const ordered = [...routes].sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
    for (const route of ordered) {
      for (const values of combinations(route.params, paramFixtures)) {
        for (const kind of VIEWER_KINDS) await check(route, values, kind);
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(routes.length * VIEWER_KINDS.length);
  });

  it('lists exactly the records each viewer may read (no more, no fewer)', async () => {
    for (const kind of VIEWER_KINDS) {
      const response = await call(testApp, `GET /api/negotiations/${DEMO_NEGOTIATION.id}/records`, {
        as: await signInAs(testApp, kind),
      });
      if (!PARTICIPANTS.includes(kind)) {
        expect(response.status, kind).toBe(kind === 'anonymous' ? 401 : 404);
        continue;
      }
      const ids = ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
      const demoIds = ids.filter((id) => DEMO_RECORDS.some((record) => record.id === id)).sort();
      expect(demoIds, kind).toEqual(RECORD_READERS[kind].map((index) => DEMO_RECORDS[index]?.id).sort());
    }
  });
});
