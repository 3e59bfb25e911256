// Issue #13, "done means": a seeded fuzz run over every route of the OpenAPI document. Requests
// are generated from each route's own schemas (valid-looking and broken values alike), sent as a
// signed-in mediator and as nobody; no answer may be a 5xx, and the server must stay healthy.
// `npm test` runs a few cases per route; `npm run test:slow` (PARLEY_SLOW=1) runs many more.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/storage/database';
import { ACCESS_FIXTURES } from './helpers/access-fixtures';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { openTestDatabase } from './helpers/each-database';
import { discoverRoutes, fillPath, type OpenApiDocument } from './helpers/route-discovery';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

const SEED = 1313;
const RUNS_PER_ROUTE = process.env.PARLEY_SLOW === '1' ? 60 : 4;

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};

/** Strings a hostile client likes: empty, huge, control and bidi characters, SQL and path tricks. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202Egnp.exe',
    '\uD800',
    "' OR 1=1 --",
    '../../etc/passwd',
    '%00',
    '{}',
    'null',
  ),
  fc.string({ minLength: 300, maxLength: 600 }),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });

function arbitraryFor(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (depth > 6) return anyJson;
  if (schema.$ref !== undefined) {
    const resolved = components[schema.$ref.replace('#/components/schemas/', '')];
    return resolved === undefined ? anyJson : arbitraryFor(resolved, components, depth + 1);
  }
  // One time in eight, anything at all: the server must reject what the schema does not allow.
  const wellTyped = wellTypedFor(schema, components, depth);
  return fc.oneof({ weight: 7, arbitrary: wellTyped }, { weight: 1, arbitrary: anyJson });
}

function wellTypedFor(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  depth: number,
): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (union !== undefined && union.length > 0)
    return fc.oneof(...union.map((option) => arbitraryFor(option, components, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties))
        shape[name] = arbitraryFor(property, components, depth + 1);
      return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in shape) });
    }
    case 'array':
      return fc.array(arbitraryFor(schema.items ?? {}, components, depth + 1), { maxLength: 4 });
    case 'string':
      if (schema.format === 'uuid') return fc.oneof(fc.uuid(), nastyString);
      if (schema.format === 'email') return fc.oneof(fc.emailAddress(), nastyString);
      if (schema.format === 'date-time')
        return fc.oneof(
          fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
          nastyString,
        );
      return nastyString;
    case 'integer':
      return fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER));
    case 'number':
      return fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1e308));
    case 'boolean':
      return fc.boolean();
    default:
      return anyJson;
  }
}

describe('issue 13: fuzzing every OpenAPI route', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let document: OpenApiDocument & {
    paths: Record<
      string,
      Record<string, { parameters?: { name: string; in: string; schema?: JsonSchema }[] }>
    >;
  };
  const fixtures: Record<string, string[]> = {};

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db, undefined, () => {});
    await seedDemo(handle.db);
    mediator = (await signInAs(testApp, 'mediator')) as SignedIn;
    document = (await (await call(testApp, 'GET /api/openapi.json')).json()) as typeof document;
    for (const fixture of ACCESS_FIXTURES)
      for (const [name, values] of Object.entries(await fixture.params(handle.db)))
        fixtures[name] = [...(fixtures[name] ?? []), ...values];
  });
  afterAll(async () => handle.close());

  it('answers every generated request below 500 and stays healthy', async () => {
    const components = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
    // The event stream never ends by design; signing out would only end the fuzzer's own session.
    const routes = discoverRoutes(document).filter(
      (route) => !route.path.endsWith('/events') && route.path !== '/api/auth/logout',
    );
    expect(routes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const route of routes) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()] as
        { parameters?: { name: string; in: string; schema?: JsonSchema }[] } | undefined;
      const queryParameters = (operation?.parameters ?? []).filter((parameter) => parameter.in === 'query');
      const pathValue = (name: string) =>
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...(fixtures[name] ?? ['x'])) },
          { weight: 1, arbitrary: fc.oneof(fc.uuid(), nastyString) },
        );
      const request = fc.record({
        path: fc.record(Object.fromEntries(route.params.map((name) => [name, pathValue(name)]))),
        query: fc.record(
          Object.fromEntries(
            queryParameters.map((parameter) => [
              parameter.name,
              arbitraryFor(parameter.schema ?? {}, components),
            ]),
          ),
          { requiredKeys: [] },
        ),
        body:
          route.bodySchema === undefined
            ? fc.constant(undefined)
            : arbitraryFor(route.bodySchema as JsonSchema, components),
        signedIn: fc.boolean(),
      });
      await fc
        .assert(
          fc.asyncProperty(request, async ({ path, query, body, signedIn }) => {
            const filled = fillPath(
              route.path,
              Object.fromEntries(
                Object.entries(path).map(([key, value]) => [key, encodeURIComponent(String(value))]),
              ),
            );
            const search = new URLSearchParams(
              Object.entries(query).map(([key, value]) => [
                key,
                typeof value === 'string' ? value : JSON.stringify(value),
              ]),
            ).toString();
            const response = await call(
              testApp,
              `${route.method} ${filled}${search === '' ? '' : `?${search}`}`,
              {
                as: signedIn ? mediator : null,
                ...(body === undefined ? {} : { body }),
              },
            );
            await response.arrayBuffer();
            if (response.status >= 500)
              failures.push(
                `${route.method} ${filled} → ${response.status} (${JSON.stringify(body)?.slice(0, 200)})`,
              );
            return response.status < 500;
          }),
          { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    expect(failures).toEqual([]);
    const health = await call(testApp, 'GET /api/health');
    expect(health.status).toBe(200);
    expect((await call(testApp, 'GET /api/me', { as: mediator })).status).toBe(200);
  }, 600_000);
});
