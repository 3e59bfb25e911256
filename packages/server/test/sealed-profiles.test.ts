import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import { startServer, type RunningServer } from '../src/http/start-server';
import { runSimulationJob } from '../src/jobs/run-simulation-job';
import { createApp } from '../src/http/create-app';
import { createDeps } from '../src/services/deps';
import type { Database, DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { openTestDatabase } from './helpers/each-database';
import { demoSession } from './helpers/serve-process';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// docs/security.md#sealed-preference-profiles: whoever holds only the database reads no rating,
// weight, reservation or discount, and the API and the live analysis read the same profile.

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const CEILING = ['600,000', '800,000', 'no ceiling'];
const RANGE = { kind: 'range', min: 0, max: 100, step: 25, unit: 'bn' };
// Numbers no id, timestamp or ciphertext would contain by chance.
const RATINGS = [13.37, 42.71, 97.13];
const ASSETS = { min: 3.17, max: 88.29 };
const RESERVATION = 27.43;
const DISCOUNT = 0.913;
const CLEAR_VALUES = ['13.37', '42.71', '97.13', '3.17', '88.29', '27.43', '0.913', 'reservation', 'ratings'];

type Analysis = { packages: { choices: { option: string }[]; utilities: { utility: number }[] }[] };

const profileBody = (baseRevision: number, points: { ceilingId: string; assetsId: string }) => ({
  baseRevision,
  scale: 'percent',
  weighting: 'weights',
  reservation: RESERVATION,
  discount: DISCOUNT,
  sharedWithMediator: false,
  issues: [
    {
      pointId: points.ceilingId,
      ratings: Object.fromEntries(CEILING.map((label, i) => [label, RATINGS[i]])),
      weight: 3,
    },
    { pointId: points.assetsId, ratings: ASSETS, weight: 1 },
  ],
});

// The analysis needs two profiles; Russia's is plain, so only Ukraine's numbers are looked for.
const russiaBody = (baseRevision: number, points: { ceilingId: string; assetsId: string }) => ({
  ...profileBody(baseRevision, points),
  reservation: 10,
  discount: undefined,
  issues: [
    {
      pointId: points.ceilingId,
      ratings: { [CEILING[0] ?? '']: 100, [CEILING[1] ?? '']: 70, [CEILING[2] ?? '']: 0 },
      weight: 1,
    },
    { pointId: points.assetsId, ratings: { min: 100, max: 0 }, weight: 1 },
  ],
});

/** Ukraine's utility of a package, by hand: weights 3:1, ratings in percent, assets linear in between. */
function expectedUtility(choices: { option: string }[]): number {
  const [ceiling, assets] = choices;
  const rating = RATINGS[CEILING.indexOf(ceiling?.option ?? '')] ?? Number.NaN;
  const share = Number.parseFloat(assets?.option ?? '') / 100;
  return (0.75 * rating + 0.25 * (ASSETS.min + (ASSETS.max - ASSETS.min) * share)) / 100;
}

const storedRows = async (db: Database) =>
  (await sql<Record<string, unknown>>`SELECT * FROM preference_profiles`.execute(db)).rows;

describe('a preference profile saved through the API', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let ukraine: SignedIn;
  let points: { ceilingId: string; assetsId: string; versionId: string };

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const mediator = await signInAs(testApp, 'mediator');
    const own = await signInAs(testApp, 'ownDelegation');
    if (mediator === null || own === null) throw new Error('no demo session');
    ukraine = own;
    points = await markIssues((route, init) => call(testApp, route, { as: mediator, ...init }));
    const russia = await signInAs(testApp, 'otherParty');
    if (russia === null) throw new Error('no demo session');
    for (const [as, body] of [
      [ukraine, profileBody(0, points)],
      [russia, russiaBody(0, points)],
    ] as const) {
      const saved = await call(testApp, `PUT ${N}/preferences`, { as, body });
      expect(saved.status, await saved.clone().text()).toBe(200);
    }
  });
  afterAll(async () => handle.close());

  it('is stored sealed: the row shows no rating, weight, reservation or discount', async () => {
    const rows = await storedRows(handle.db);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ revision: 1, body: null });
      expect(row.sealed).toMatch(/^v1\.[0-9a-f]{8}\./);
    }
    const stored = JSON.stringify(rows);
    for (const value of CLEAR_VALUES) expect(stored).not.toContain(value);
  });

  it('reads back whole through the API', async () => {
    const mine = (await (await call(testApp, `GET ${N}/preferences`, { as: ukraine })).json()) as {
      profile: Record<string, unknown>;
    };
    expect(mine.profile).toMatchObject({
      revision: 1,
      reservation: RESERVATION,
      discount: DISCOUNT,
      weights: { [points.ceilingId]: 0.75, [points.assetsId]: 0.25 },
    });
    expect(mine.profile.issues).toEqual(profileBody(0, points).issues);
  });

  it('gives the live analysis the right utilities', async () => {
    const response = await call(testApp, `POST ${N}/plan/versions/${points.versionId}/live-analysis`, {
      as: ukraine,
      body: {},
    });
    expect(response.status).toBe(200);
    const analysis = (await response.json()) as Analysis;
    expect(analysis.packages.length).toBeGreaterThan(0);
    for (const suggested of analysis.packages)
      expect(suggested.utilities[0]?.utility).toBeCloseTo(expectedUtility(suggested.choices), 6);
  });

  it('keeps a live simulation job of the profiles sealed too, input and result', async () => {
    const mediator = await signInAs(testApp, 'mediator');
    if (mediator === null) throw new Error('no demo session');
    const started = await call(testApp, `POST ${N}/plan/versions/${points.versionId}/live-simulations`, {
      as: mediator,
      body: { runs: 4 },
    });
    expect(started.status, await started.clone().text()).toBe(202);
    const { id } = (await started.json()) as { id: string };
    const jobRow = async () =>
      (
        await sql<{
          input: unknown;
          result: unknown;
        }>`SELECT input, result FROM simulations WHERE id = ${id}`.execute(handle.db)
      ).rows[0];
    const queued = await jobRow();
    expect(queued?.input).toMatchObject({ parties: expect.stringMatching(/^v1\.[0-9a-f]{8}\./) });
    for (const value of ['0.2743', '0.913', 'contributions', 'reservation'])
      expect(JSON.stringify(queued)).not.toContain(value);

    const deps = { db: handle.db, clock: testApp.clock, sealKey: testApp.deps.sealKey };
    expect(await runSimulationJob(deps, id)).toBe('completed');
    const finished = await jobRow();
    expect(finished?.result).toMatchObject({ sealed: expect.stringMatching(/^v1\.[0-9a-f]{8}\./) });
    // Ukraine did not share: its utility reaches no one, and the mediator still reads the outcome.
    const read = await call(testApp, `GET ${N}/live-simulations/${id}`, { as: mediator });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ status: 'completed', result: { agreementProbability: 1 } });
  });

  it('answers a problem naming no secret, and logs why, when a sealed profile is moved to another party', async () => {
    const logged: unknown[] = [];
    const logging = {
      ...testApp,
      app: createApp(
        createDeps(handle.db, {
          clock: testApp.clock,
          sealKey: testApp.deps.sealKey,
          logError: (error) => logged.push(error),
        }),
      ),
    };
    const russia = await signInAs(logging, 'otherParty');
    if (russia === null) throw new Error('no demo session');
    // What someone with SQL alone might try: hand Ukraine's sealed profile to Russia's delegation.
    await sql`INSERT INTO preference_profiles
      (negotiation_id, party_id, revision, body, sealed, shared_with_mediator, saved_by, saved_at)
      SELECT negotiation_id, ${DEMO_PARTIES.russia.id}, 99, body, sealed, shared_with_mediator, saved_by, saved_at
      FROM preference_profiles WHERE party_id = ${DEMO_PARTIES.ukraine.id}`.execute(handle.db);
    try {
      const response = await call(logging, `GET ${N}/preferences`, { as: russia });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ type: '/problems/sealed-data-unreadable' });
      for (const value of CLEAR_VALUES) expect(text).not.toContain(value);
      expect(String(logged[0])).toMatch(/altered or moved to another row/);
    } finally {
      await sql`DELETE FROM preference_profiles WHERE party_id = ${DEMO_PARTIES.russia.id}`.execute(
        handle.db,
      );
    }
  });
});

describe('a profile stored in clear before sealing', () => {
  let dataDir: string;
  let server: RunningServer | undefined;
  const lines: string[] = [];
  const start = async () =>
    startServer({ port: 0, dataDir, runJobs: false, log: (line) => lines.push(line) });

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'parley-sealed-profiles-'));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads right before the next start, is sealed at start-up, and still reads right', async () => {
    server = await start();
    const mediator = await demoSession(server.url, 'mediator');
    const points = await markIssues((route, init) => fetchAs(server?.url ?? '', mediator, route, init));
    // Rows as the server wrote them before sealing: the whole profile as clear JSON.
    const weights = { [points.ceilingId]: 0.5, [points.assetsId]: 0.5 };
    const legacy = (party: string, body: { baseRevision: number } & Record<string, unknown>) => {
      const { baseRevision: _unused, ...rest } = body;
      return { ...rest, partyId: party, revision: 1, weights, savedAt: '2026-01-05T10:00:00.000Z' };
    };
    for (const row of [
      {
        ...legacy(DEMO_PARTIES.ukraine.id, profileBody(0, points)),
        weights: { [points.ceilingId]: 0.75, [points.assetsId]: 0.25 },
      },
      legacy(DEMO_PARTIES.russia.id, russiaBody(0, points)),
    ])
      await sql`INSERT INTO preference_profiles
        (negotiation_id, party_id, revision, body, shared_with_mediator, saved_by, saved_at)
        VALUES (${DEMO_NEGOTIATION.id}, ${row.partyId}, 1, ${JSON.stringify(row)}::jsonb,
          false, null, ${row.savedAt})`.execute(server.database.db);
    const job = await insertClearLiveJob(server.database.db, points);
    const before = await readAsUkraine(server.url, points.versionId);
    const jobBefore = await (await fetchAs(server.url, mediator, `GET ${N}/live-simulations/${job}`)).json();
    expect(jobBefore).toMatchObject({ status: 'completed', result: { agreementProbability: 1 } });
    expect(before.profile).toMatchObject({ reservation: RESERVATION, discount: DISCOUNT, revision: 1 });

    await server.close();
    server = await start();
    expect(lines.join('\n')).toContain('Sealed 2 preference profile revisions stored in clear.');
    expect(lines.join('\n')).toContain('Sealed 1 live simulation jobs stored in clear.');
    const jobRows = (await sql`SELECT input, result FROM simulations`.execute(server.database.db)).rows;
    expect(jobRows).toEqual([
      {
        input: expect.objectContaining({ parties: expect.stringMatching(/^v1\./) }),
        result: { sealed: expect.stringMatching(/^v1\./) },
      },
    ]);
    expect(JSON.stringify(jobRows)).not.toContain(String(CLEAR_JOB_UTILITY));
    const mediatorAgain = await demoSession(server.url, 'mediator');
    expect(
      await (await fetchAs(server.url, mediatorAgain, `GET ${N}/live-simulations/${job}`)).json(),
    ).toEqual(jobBefore);
    const rows = await storedRows(server.database.db);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ body: null });
      expect(row.sealed).toMatch(/^v1\.[0-9a-f]{8}\./);
    }
    for (const value of CLEAR_VALUES) expect(JSON.stringify(rows)).not.toContain(value);

    const after = await readAsUkraine(server.url, points.versionId);
    expect(after.profile).toEqual(before.profile);
    expect(after.analysis).toEqual(before.analysis);
    for (const suggested of after.analysis.packages)
      expect(suggested.utilities[0]?.utility).toBeCloseTo(expectedUtility(suggested.choices), 6);

    // A second start finds nothing left in clear.
    await server.close();
    lines.length = 0;
    server = await start();
    expect(lines.join('\n')).not.toContain('Sealed');
  }, 240_000);
});

const CLEAR_JOB_UTILITY = 0.8642;

/** A finished live job as stored before sealing: profiles and utilities in clear. */
async function insertClearLiveJob(db: Database, points: { versionId: string; ceilingId: string }) {
  const id = '00000000-0000-4000-8000-00000000515c';
  const input = {
    negotiationId: DEMO_NEGOTIATION.id,
    versionId: points.versionId,
    issues: [{ pointId: points.ceilingId, number: 1, title: 'Ceiling', options: CEILING }],
    parties: [
      {
        partyId: DEMO_PARTIES.ukraine.id,
        profile: { reservation: 0.2743, contributions: [[1, 0, 0]] },
        sharedWithMediator: true,
      },
      { partyId: DEMO_PARTIES.russia.id, profile: null, sharedWithMediator: false },
    ],
    agent: 'boulware',
    protocol: 'sao',
    steps: 20,
    runs: 2,
    seed: 1,
    noise: 0.2,
    horizon: { deadlineTitle: null, dueAt: null, hours: 720, stepsPerHour: 1 },
    notices: [],
  };
  const utility = {
    mean: CLEAR_JOB_UTILITY,
    p10: CLEAR_JOB_UTILITY,
    p50: CLEAR_JOB_UTILITY,
    p90: CLEAR_JOB_UTILITY,
  };
  const result = {
    runs: 2,
    agreements: 2,
    meanAgreementTime: 0.5,
    optionCounts: [[2, 0, 0]],
    topAgreements: [{ outcome: [0], count: 2 }],
    likelyPackage: { outcome: [0], count: 2 },
    utilities: [utility, null],
  };
  const at = new Date('2026-01-05T10:00:00Z');
  await sql`INSERT INTO simulations (id, owner_id, input, status, progress_done, result, attempts, created_at, updated_at, kind, negotiation_id, version_id)
    VALUES (${id}, ${DEMO_ACCOUNTS.mediator.id}, ${JSON.stringify(input)}::jsonb, 'completed', 2, ${JSON.stringify(result)}::jsonb, 1, ${at}, ${at}, 'live', ${DEMO_NEGOTIATION.id}, ${points.versionId})`.execute(
    db,
  );
  return id;
}

type Send = (route: string, init?: { body?: unknown }) => Promise<Response>;

/** Marks the demo plan's first two points as issues (as the mediator); returns their ids. */
async function markIssues(send: Send) {
  const overview = (await (await send(`GET ${N}/plan`)).json()) as {
    versions: { id: string; revision: number }[];
  };
  const versionId = [...overview.versions].sort((a, b) => b.revision - a.revision)[0]?.id ?? '';
  const version = (await (await send(`GET ${N}/plan/versions/${versionId}`)).json()) as {
    version: { points: { pointId: string }[] };
  };
  const [ceilingId = '', assetsId = ''] = version.version.points.map((point) => point.pointId);
  const issue = (pointId: string) => `PUT ${N}/plan/versions/${versionId}/points/${pointId}/issue`;
  expect(
    (await send(issue(ceilingId), { body: { definition: { kind: 'options', options: CEILING } } })).status,
  ).toBe(200);
  expect((await send(issue(assetsId), { body: { definition: RANGE } })).status).toBe(200);
  return { versionId, ceilingId, assetsId };
}

function fetchAs(
  url: string,
  session: { cookie: string; csrfToken: string },
  route: string,
  init?: { body?: unknown },
) {
  const [method = 'GET', pathname = ''] = route.split(' ');
  return fetch(`${url}${pathname}`, {
    method,
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    ...(init?.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

async function readAsUkraine(url: string, versionId: string) {
  const ukraine = await demoSession(url, 'ukraine');
  const mine = (await (await fetchAs(url, ukraine, `GET ${N}/preferences`)).json()) as { profile: unknown };
  const analysed = await fetchAs(url, ukraine, `POST ${N}/plan/versions/${versionId}/live-analysis`, {
    body: {},
  });
  expect(analysed.status).toBe(200);
  return { profile: mine.profile, analysis: (await analysed.json()) as Analysis };
}
