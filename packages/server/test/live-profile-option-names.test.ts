import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION } from '../src/demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// A security probe: a point's options named like Object.prototype's members ("constructor",
// "toString") read as rated when a delegation's profile left them out. The incomplete profile was
// saved (200), and the analysis counted it with NaN utilities (shown as null). Bad input is a 400
// naming each field, and nothing is stored.
const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const OPTIONS = ['constructor', 'toString', 'neither'];

describe.each(API_DATABASE_KINDS)('options named like object properties, on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let ukraine: SignedIn;
  let russia: SignedIn;
  let versionId: string;
  let pointIds: string[];

  const issue = (pointId: string, definition: unknown) =>
    call(testApp, `PUT ${N}/plan/versions/${versionId}/points/${pointId}/issue`, {
      as: mediator,
      body: { definition },
    });
  const profile = (ratings: Record<string, number>) => ({
    baseRevision: 0,
    scale: 'unit',
    weighting: 'weights',
    reservation: 0.1,
    sharedWithMediator: false,
    issues: pointIds.map((pointId) => ({ pointId, ratings, weight: 1 })),
  });

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const [m, u, r] = await Promise.all([
      signInAs(testApp, 'mediator'),
      signInAs(testApp, 'ownDelegation'),
      signInAs(testApp, 'otherParty'),
    ]);
    if (m === null || u === null || r === null) throw new Error('expected sessions');
    [mediator, ukraine, russia] = [m, u, r];
    const overview = (await (await call(testApp, `GET ${N}/plan`, { as: mediator })).json()) as {
      versions: { id: string; revision: number }[];
    };
    versionId = [...overview.versions].sort((a, b) => b.revision - a.revision)[0]?.id ?? '';
    const version = (await (
      await call(testApp, `GET ${N}/plan/versions/${versionId}`, { as: mediator })
    ).json()) as { version: { points: { pointId: string }[] } };
    pointIds = version.version.points.slice(0, 2).map((point) => point.pointId);
    for (const pointId of pointIds)
      expect((await issue(pointId, { kind: 'options', options: OPTIONS })).status).toBe(200);
  });
  afterAll(async () => handle.close());

  it('refuses a profile that leaves them unrated, naming each, and stores nothing', async () => {
    const response = await call(testApp, `PUT ${N}/preferences`, {
      as: ukraine,
      body: profile({ neither: 1 }),
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((error) => error.path)).toEqual([
      'issues.0.ratings.constructor',
      'issues.0.ratings.toString',
      'issues.1.ratings.constructor',
      'issues.1.ratings.toString',
    ]);
    const mine = (await (await call(testApp, `GET ${N}/preferences`, { as: ukraine })).json()) as {
      profile: unknown;
    };
    expect(mine.profile).toBeNull();
  });

  it('saves profiles that rate them, and the analysis reads their ratings as numbers', async () => {
    for (const [as, ratings] of [
      [ukraine, { constructor: 1, toString: 0.5, neither: 0 }],
      [russia, { constructor: 0, toString: 0.5, neither: 1 }],
    ] as const) {
      const saved = await call(testApp, `PUT ${N}/preferences`, { as, body: profile(ratings) });
      expect(saved.status).toBe(200);
    }
    const analysis = await call(testApp, `POST ${N}/plan/versions/${versionId}/live-analysis`, {
      as: ukraine,
      body: {},
    });
    expect(analysis.status).toBe(200);
    const { packages } = (await analysis.json()) as { packages: { utilities: { utility: unknown }[] }[] };
    expect(packages.length).toBeGreaterThan(0);
    for (const suggested of packages)
      for (const { utility } of suggested.utilities) expect(typeof utility).toBe('number');
  });

  it('refuses an option named __proto__, which no profile could ever rate', async () => {
    const pointId = pointIds[0] ?? '';
    const response = await issue(pointId, { kind: 'options', options: ['__proto__', 'other'] });
    expect(response.status).toBe(400);
  });
});
