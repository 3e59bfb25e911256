import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeSpace, compileScenario, loadParleyScenario } from '@parley/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSIS_EXAMPLE } from '../src/demo/analysis-example';
import { loadDemo } from '../src/demo';
import { createUser } from '../src/services/accounts';
import { zipFolder } from '../src/services/genius-archive';
import type { DatabaseHandle } from '../src/storage/database';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { takeASeat } from './helpers/seat';
import { call, signIn, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

type Point = { utilities: number[]; outcome: Record<string, string> };
const SCENARIOS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../scenarios');

describe.each(API_DATABASE_KINDS)('the analysis and instance API on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let analyst: SignedIn;
  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await createUser(testApp.deps, {
      email: 'analyst@example.org',
      displayName: 'Analyst',
      password: 'analyst password',
    });
    analyst = await signIn(testApp, 'analyst@example.org', 'analyst password');
    await takeASeat(testApp, analyst);
  });
  afterAll(async () => handle.close());

  it('answers what the engine computes for the example scenario', async () => {
    const example = (await (await call(testApp, 'GET /api/analysis/example', { as: analyst })).json()) as {
      scenario: unknown;
    };
    const response = await call(testApp, 'POST /api/analysis', {
      as: analyst,
      body: { scenario: example.scenario },
    });
    expect(response.status).toBe(200);
    const analysis = (await response.json()) as {
      frontier: { size: number; exact: boolean; points: Point[] };
      solutions: Record<string, Point | null>;
      zone: { exists: boolean };
      contention: { issue: string }[];
      trades: unknown[];
    };
    const loaded = loadParleyScenario('example', JSON.stringify(ANALYSIS_EXAMPLE));
    if (!loaded.ok) throw new Error('the example must load');
    const direct = analyzeSpace(compileScenario(loaded.value, 'genius'), 'genius');
    expect(analysis.frontier).toMatchObject({ exact: true, size: direct.frontier.points.length });
    expect(analysis.solutions.nash?.utilities).toEqual(direct.solutions.nash?.utilities);
    expect(analysis.zone.exists).toBe(true);
    expect(analysis.contention).toHaveLength(8);
    // The Nash point is rational: every side gets at least its reservation value.
    expect(analysis.solutions.nash?.utilities[0]).toBeGreaterThanOrEqual(0.35);
    expect(analysis.solutions.nash?.utilities[1]).toBeGreaterThanOrEqual(0.3);
  });

  it('suggests improvements that leave nobody worse off than the package on the table', async () => {
    const onTheTable = Object.fromEntries(
      ANALYSIS_EXAMPLE.issues.map((issue) => [issue.name, issue.values[1]]),
    );
    const response = await call(testApp, 'POST /api/analysis', {
      as: analyst,
      body: { scenario: ANALYSIS_EXAMPLE, package: onTheTable },
    });
    const analysis = (await response.json()) as {
      package: Point;
      improvements: { utilities: number[]; gains: number[] }[];
    };
    expect(analysis.improvements.length).toBeGreaterThan(0);
    for (const improvement of analysis.improvements) {
      improvement.utilities.forEach((utility, party) =>
        expect(utility).toBeGreaterThanOrEqual((analysis.package.utilities[party] ?? 0) - 1e-9),
      );
      expect(Math.max(...improvement.gains)).toBeGreaterThan(0);
    }
  });

  it('names the problem in a scenario or package it cannot use', async () => {
    const badScenario = {
      ...ANALYSIS_EXAMPLE,
      parties: [
        ANALYSIS_EXAMPLE.parties[0],
        { name: 'Side C', issues: { 'Moon base': { weight: 1, evaluations: { yes: 1 } } } },
      ],
    };
    const scenarioProblem = await call(testApp, 'POST /api/analysis', {
      as: analyst,
      body: { scenario: badScenario },
    });
    expect(scenarioProblem.status).toBe(400);
    expect(JSON.stringify(await scenarioProblem.json())).toContain('Moon base');
    const packageProblem = await call(testApp, 'POST /api/analysis', {
      as: analyst,
      body: { scenario: ANALYSIS_EXAMPLE, package: { Elections: 'never' } },
    });
    expect(packageProblem.status).toBe(400);
    expect(JSON.stringify(await packageProblem.json())).toMatch(/Line of contact|never/);
    expect((await call(testApp, 'POST /api/analysis', { body: { scenario: ANALYSIS_EXAMPLE } })).status).toBe(
      401,
    );
  });

  // A walk-through analysed its negotiation's own export and read "profile-01 United
  // Metalworkers- Union -UMU-": the file names, not the parties it keeps in parley-mapping.json.
  it("names the parties of Parley's own GENIUS export as its mapping does, and ignores a mapping it cannot use", async () => {
    const folder = join(SCENARIOS, 'anac2011-Laptop');
    const files = readdirSync(folder)
      .filter((name) => name.endsWith('.xml'))
      .map((name) => ({ name, contents: readFileSync(join(folder, name), 'utf8') }));
    const partiesRead = async (mapping: string) => {
      const archive = Buffer.from(
        zipFolder('Laptop', [...files, { name: 'parley-mapping.json', contents: mapping }]),
      ).toString('base64');
      const read = await call(testApp, 'POST /api/analysis/genius-scenario', {
        as: analyst,
        body: { archive },
      });
      expect(read.status).toBe(200);
      const { scenario } = (await read.json()) as { scenario: { parties: { name: string }[] } };
      return scenario.parties.map((party) => party.name);
    };
    const mapping = (names: [string, string]) =>
      JSON.stringify({
        format: 'parley-genius-mapping',
        profiles: [
          { file: 'laptop_buyer_utility.xml', partyName: names[0] },
          { file: 'laptop_seller_utility.xml', partyName: names[1] },
        ],
      });
    expect(
      await partiesRead(mapping(["United Metalworkers' Union (UMU)", 'Federation of Metal Employers (FME)'])),
    ).toEqual(["United Metalworkers' Union (UMU)", 'Federation of Metal Employers (FME)']);
    const fileNames = ['laptop_buyer_utility', 'laptop_seller_utility'];
    expect(await partiesRead(mapping(['Same', 'Same']))).toEqual(fileNames);
    expect(await partiesRead('{ not json')).toEqual(fileNames);
  });

  it('reads a GENIUS folder (zip) as the Parley JSON scenario the analysis takes, to the same answer', async () => {
    const folder = join(SCENARIOS, 'anac2011-Laptop');
    const files = readdirSync(folder)
      .filter((name) => name.endsWith('.xml'))
      .map((name) => ({ name, contents: readFileSync(join(folder, name), 'utf8') }));
    const archive = Buffer.from(zipFolder('Laptop', files)).toString('base64');
    const read = await call(testApp, 'POST /api/analysis/genius-scenario', {
      as: analyst,
      body: { archive },
    });
    expect(read.status).toBe(200);
    const { scenario } = (await read.json()) as { scenario: { format: string; parties: unknown[] } };
    expect(scenario.format).toBe('parley-scenario/1');
    expect(scenario.parties).toHaveLength(2);
    const reference = JSON.parse(readFileSync(join(folder, 'REFERENCE.json'), 'utf8')) as {
      genius: { pareto: { size: number } };
    };
    const analysed = await call(testApp, 'POST /api/analysis', { as: analyst, body: { scenario } });
    expect(((await analysed.json()) as { frontier: { size: number } }).frontier.size).toBe(
      reference.genius.pareto.size,
    );

    // A folder whose profile leaves an issue out is refused, naming the file and the issue.
    const broken = files.map((file) =>
      file.name === 'laptop_buyer_utility.xml'
        ? { ...file, contents: file.contents.replace(/<issue index="3"[\s\S]*?<\/issue>/, '') }
        : file,
    );
    const refused = await call(testApp, 'POST /api/analysis/genius-scenario', {
      as: analyst,
      body: { archive: Buffer.from(zipFolder('Laptop', broken)).toString('base64') },
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { detail: string }).detail).toBe(
      'laptop_buyer_utility.xml, issue "External Monitor": the profile does not value this issue.',
    );
  });

  it('lists the demo accounts only once the demo is loaded', async () => {
    // The instance also describes sign-up and set-up (issue 11); here only the demo part matters.
    expect(await (await call(testApp, 'GET /api/instance')).json()).toMatchObject({
      demo: false,
      demoAccounts: [],
    });
    await loadDemo(handle.db);
    const instance = (await (await call(testApp, 'GET /api/instance')).json()) as {
      demo: boolean;
      demoAccounts: { email: string }[];
    };
    expect(instance.demo).toBe(true);
    expect(instance.demoAccounts.map((account) => account.email)).toContain('ukraine@demo.parley');
  });
});
