import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARTIES } from '../src/demo';
import { BODY_LIMIT_BYTES } from '../src/http/create-app';
import type { DatabaseHandle } from '../src/storage/database';
import { ACCESS_FIXTURES } from './helpers/access-fixtures';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { minimalValue, type BodyContext } from './helpers/minimal-body';
import {
  combinations,
  discoverRoutes,
  fillPath,
  type DiscoveredRoute,
  type OpenApiDocument,
} from './helpers/route-discovery';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// Bad input on EVERY route of the OpenAPI document, as the mediator (who may do the most): each
// answer is a 4xx problem naming what was wrong, never a 500.

type Problem = { status: number; errors?: { path: string; message: string }[] };

describe.each(API_DATABASE_KINDS)('bad input on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let routes: DiscoveredRoute[];
  let mediator: SignedIn;
  let bodyContext: BodyContext;
  let fixtures: Record<string, readonly string[]>;

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const document = (await (await testApp.app.request('/api/openapi.json')).json()) as OpenApiDocument;
    routes = discoverRoutes(document);
    const session = await signInAs(testApp, 'mediator');
    if (session === null) throw new Error('mediator session');
    mediator = session;
    bodyContext = {
      components: (document.components?.schemas ?? {}) as BodyContext['components'],
      fieldFixtures: { owningPartyId: DEMO_PARTIES.unitedStates.id },
      instant: '2025-12-06T00:00:00.000Z',
    };
    fixtures = Object.assign(
      {},
      ...(await Promise.all(ACCESS_FIXTURES.map((fixture) => fixture.params(handle.db)))),
    );
  });
  afterAll(async () => handle.close());

  const firstPath = (route: DiscoveredRoute) =>
    fillPath(route.path, combinations(route.params, fixtures)[0] ?? {});
  const writes = () => routes.filter((route) => route.bodySchema !== undefined);
  const expectProblem = async (response: Response, status: number, label: string): Promise<Problem> => {
    expect(response.status, label).toBe(status);
    expect(response.headers.get('content-type'), label).toBe('application/problem+json');
    return (await response.json()) as Problem;
  };

  it('answers malformed JSON with 400 naming the body, on every route with a body', async () => {
    for (const route of writes()) {
      const body = await expectProblem(
        await call(testApp, `${route.method} ${firstPath(route)}`, { as: mediator, rawBody: '{"a":' }),
        400,
        route.path,
      );
      expect(body.errors?.[0]?.path, route.path).toBe('(body)');
    }
  });

  it('answers an unknown field with 400 naming it, on every route with a body', async () => {
    for (const route of writes()) {
      const valid = minimalValue(route.bodySchema ?? {}, bodyContext) as Record<string, unknown>;
      const response = await call(testApp, `${route.method} ${firstPath(route)}`, {
        as: mediator,
        body: { ...valid, sneaky: 1 },
      });
      const body = await expectProblem(response, 400, route.path);
      expect(JSON.stringify(body.errors), route.path).toContain('sneaky');
    }
  });

  it('answers wrong types with 400 naming each field, on every route with a body', async () => {
    for (const route of writes()) {
      const valid = minimalValue(route.bodySchema ?? {}, bodyContext) as Record<string, unknown>;
      const fields = Object.keys(valid);
      if (fields.length === 0) continue;
      // An object where every field expects something else: each must be named.
      const wrong = Object.fromEntries(fields.map((field) => [field, { wrong: true }]));
      const body = await expectProblem(
        await call(testApp, `${route.method} ${firstPath(route)}`, { as: mediator, body: wrong }),
        400,
        route.path,
      );
      const named = new Set(body.errors?.map((entry) => entry.path.split('.')[0]));
      for (const field of fields) expect(named.has(field), `${route.path} names ${field}`).toBe(true);
    }
  });

  it(`answers bodies over ${BODY_LIMIT_BYTES} bytes with 413, on every route with a body`, async () => {
    const huge = JSON.stringify({ padding: 'x'.repeat(BODY_LIMIT_BYTES) });
    for (const route of writes()) {
      await expectProblem(
        await call(testApp, `${route.method} ${firstPath(route)}`, { as: mediator, rawBody: huge }),
        413,
        route.path,
      );
    }
  });

  it('answers a malformed id with 400 naming the parameter, and an unknown id with 404', async () => {
    for (const route of routes.filter((candidate) => candidate.params.length > 0)) {
      const values = combinations(route.params, fixtures)[0] ?? {};
      const body = route.bodySchema === undefined ? undefined : minimalValue(route.bodySchema, bodyContext);
      for (const param of route.params) {
        const malformed = fillPath(route.path, { ...values, [param]: 'not-an-id' });
        const problem = await expectProblem(
          await call(testApp, `${route.method} ${malformed}`, { as: mediator, body }),
          400,
          `${route.path} ${param}`,
        );
        expect(
          problem.errors?.map((entry) => entry.path),
          `${route.path} ${param}`,
        ).toContain(param);
        // Audit entry ids are 64 hex digits, every other id a UUID: an unknown id of the right shape.
        const unknownId = param === 'entryId' ? randomBytes(32).toString('hex') : randomUUID();
        const unknown = fillPath(route.path, { ...values, [param]: unknownId });
        await expectProblem(
          await call(testApp, `${route.method} ${unknown}`, { as: mediator, body }),
          404,
          `${route.path} ${param} unknown`,
        );
      }
    }
  });
});
