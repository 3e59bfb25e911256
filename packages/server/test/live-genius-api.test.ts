import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs, type ViewerKind } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { zipOf } from './helpers/hostile-files';
import { PARLEY_BIN } from './helpers/serve-process';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// Issue #12, item 7: the live issues and profiles as a GENIUS folder, out and in; the analysis of
// the live negotiation equals `parley analyze` of the exported folder (docs/live-analysis.md).
const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const CEILING = ['600,000', '800,000', 'no ceiling'];
const COMMISSION = ['joint commission', 'no commission'];
const REPO = join(import.meta.dirname, '..', '..', '..');
const run = promisify(execFile);

type Choice = { pointId: string; option: string };
type Analysis = {
  packages: { kinds: string[]; choices: Choice[]; utilities: { partyId: string; utility: number }[] }[];
  frontierSize: number | null;
};
type Mapping = {
  semantics: string;
  issues: { name: string; pointId: string }[];
  profiles: { file: string; partyId: string }[];
};
type CliSolution = { outcome: Record<string, string>; utilities: number[] } | null;
type CliAnalysis = { pareto: { size: number }; solutions: Record<string, CliSolution> };

const CLI_KINDS = {
  nash: 'nash',
  kalaiSmorodinsky: 'kalai-smorodinsky',
  utilitarian: 'utilitarian',
  egalitarian: 'egalitarian',
} as const;

function unzip(bytes: ArrayBuffer): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, content]) => [name, strFromU8(content)]),
  );
}

describe.each(API_DATABASE_KINDS)('GENIUS folders of the live issues on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  const as: Partial<Record<ViewerKind, SignedIn | null>> = {};
  let versionId: string;
  let points: { pointId: string; title: string; number: number }[];
  const revisions = { ukraine: 0, russia: 0 };
  const who = (kind: ViewerKind) => as[kind] ?? null;

  const save = async (
    party: 'ukraine' | 'russia',
    shared: boolean,
    ceiling = party === 'ukraine' ? [0, 40, 100] : [100, 70, 0],
  ) => {
    const [ceilingPoint, assetsPoint, commissionPoint] = points;
    const response = await call(testApp, `PUT ${N}/preferences`, {
      as: who(party === 'ukraine' ? 'ownDelegation' : 'otherParty'),
      body: {
        baseRevision: revisions[party],
        scale: 'percent',
        weighting: 'weights',
        reservation: 20,
        // Ukraine discounts: the factor travels to the GENIUS files and back into a draft.
        ...(party === 'ukraine' && { discount: 0.9 }),
        sharedWithMediator: shared,
        issues: [
          {
            pointId: ceilingPoint?.pointId,
            ratings: Object.fromEntries(CEILING.map((label, index) => [label, ceiling[index]])),
            weight: party === 'ukraine' ? 3 : 1,
          },
          {
            pointId: assetsPoint?.pointId,
            ratings: party === 'ukraine' ? { min: 0, max: 100 } : { min: 90, max: 10 },
            weight: 1,
          },
          {
            pointId: commissionPoint?.pointId,
            ratings: { 'joint commission': party === 'ukraine' ? 100 : 80, 'no commission': 0 },
            weight: 1,
          },
        ],
      },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    revisions[party] += 1;
  };
  const download = (kind: ViewerKind) =>
    call(testApp, `GET ${N}/plan/versions/${versionId}/live-issues/genius`, { as: who(kind) });

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    for (const kind of ['mediator', 'ownDelegation', 'otherParty', 'observer', 'outsider'] as const)
      as[kind] = await signInAs(testApp, kind);
    const overview = (await (await call(testApp, `GET ${N}/plan`, { as: who('mediator') })).json()) as {
      versions: { id: string; revision: number }[];
    };
    versionId = [...overview.versions].sort((a, b) => b.revision - a.revision)[0]?.id ?? '';
    const version = (await (
      await call(testApp, `GET ${N}/plan/versions/${versionId}`, { as: who('mediator') })
    ).json()) as { version: { points: { pointId: string; title: string; number: number }[] } };
    points = version.version.points.slice(0, 3);
    const definitions = [
      { kind: 'options', options: CEILING },
      { kind: 'range', min: 0, max: 100, step: 25, unit: 'bn' },
      { kind: 'options', options: COMMISSION },
    ];
    for (const [index, point] of points.entries()) {
      const response = await call(
        testApp,
        `PUT ${N}/plan/versions/${versionId}/points/${point.pointId}/issue`,
        {
          as: who('mediator'),
          body: { definition: definitions[index] },
        },
      );
      expect(response.status).toBe(200);
    }
    await save('ukraine', false);
    await save('russia', false);
  });
  afterAll(async () => handle.close());

  it("gives each viewer a folder with the profiles it may read, never another party's unshared one", async () => {
    const ukraine = await download('ownDelegation');
    expect(ukraine.status).toBe(200);
    expect(ukraine.headers.get('content-type')).toBe('application/zip');
    const files = unzip(await ukraine.arrayBuffer());
    const names = Object.keys(files).map((name) => name.slice(name.indexOf('/') + 1));
    expect(names.sort()).toEqual(['domain.xml', 'parley-mapping.json', 'profile-01 Ukraine.xml']);
    const everything = Object.values(files).join('\n');
    expect(everything).not.toContain(DEMO_PARTIES.russia.id);
    expect(everything).not.toContain('Russian');
    // Russia rates "800,000" at 70: no evaluation of 0.7 may appear anywhere.
    expect(everything).not.toContain('"0.7"');
    for (const kind of ['mediator', 'observer'] as const) {
      const folder = unzip(await (await download(kind)).arrayBuffer());
      expect(Object.keys(folder).filter((name) => name.includes('profile-'))).toEqual([]);
    }
    expect((await download('outsider')).status).toBe(404);
  });

  it('audits each profile in an export as a read of that profile', async () => {
    const reads = async () => {
      const response = await call(testApp, `GET ${N}/audit?action=profile&limit=100`, {
        as: who('ownDelegation'),
      });
      const body = (await response.json()) as { items: { action: string; subjectId: string | null }[] };
      return body.items.filter(
        (entry) => entry.action === 'profile.read' && entry.subjectId === DEMO_PARTIES.ukraine.id,
      ).length;
    };
    const before = await reads();
    await download('ownDelegation');
    expect(await reads()).toBe(before + 1);
    // An observer's folder holds no profile: nothing is read.
    await download('observer');
    expect(await reads()).toBe(before + 1);
  });

  it('exports a folder whose `parley analyze` equals the live analysis (frontier and packages)', async () => {
    await save('ukraine', true);
    await save('russia', true);
    const live = (await (
      await call(testApp, `POST ${N}/plan/versions/${versionId}/live-analysis`, {
        as: who('mediator'),
        body: {},
      })
    ).json()) as Analysis;
    const files = unzip(await (await download('mediator')).arrayBuffer());
    const directory = mkdtempSync(join(tmpdir(), 'parley-genius-'));
    try {
      for (const [name, contents] of Object.entries(files)) {
        mkdirSync(dirname(join(directory, name)), { recursive: true });
        writeFileSync(join(directory, name), contents);
      }
      const [folder = ''] = readdirSync(directory);
      const mapping = JSON.parse(
        readFileSync(join(directory, folder, 'parley-mapping.json'), 'utf8'),
      ) as Mapping;
      expect(mapping.profiles.map((profile) => profile.partyId)).toEqual([
        DEMO_PARTIES.ukraine.id,
        DEMO_PARTIES.russia.id,
      ]);
      const { stdout } = await run(process.execPath, [
        PARLEY_BIN,
        'analyze',
        join(directory, folder),
        '--json',
        '--semantics',
        mapping.semantics,
      ]);
      const cli = JSON.parse(stdout) as CliAnalysis;
      expect(live.frontierSize).toBe(cli.pareto.size);
      const pointOf = new Map(mapping.issues.map((issue) => [issue.name, issue.pointId]));
      for (const [cliKind, liveKind] of Object.entries(CLI_KINDS)) {
        const solution = cli.solutions[cliKind] ?? null;
        const suggested = live.packages.find((entry) => entry.kinds.includes(liveKind));
        if (solution === null) {
          expect(suggested, liveKind).toBeUndefined();
          continue;
        }
        const asPlan = Object.entries(solution.outcome)
          .map(([issue, option]) => ({ pointId: pointOf.get(issue), option }))
          .sort((a, b) => String(a.pointId).localeCompare(String(b.pointId)));
        const liveChoices = (suggested?.choices ?? [])
          .map(({ pointId, option }) => ({ pointId, option }))
          .sort((a, b) => a.pointId.localeCompare(b.pointId));
        expect(liveChoices, liveKind).toEqual(asPlan);
        expect(suggested?.utilities.map((entry) => entry.utility)).toEqual(
          solution.utilities.map((utility) => Math.round(utility * 1e6) / 1e6),
        );
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 180_000);

  // Utilities recomputed here from the profiles the test saved (NegMAS semantics: Σ weight × rating).
  const utilityOf = (party: 'ukraine' | 'russia', choices: Choice[]) => {
    const option = (index: number) =>
      choices.find((choice) => choice.pointId === points[index]?.pointId)?.option ?? '';
    const assets = Number.parseFloat(option(1)) / 100;
    if (party === 'ukraine')
      return (
        (3 * [0, 0.4, 1][CEILING.indexOf(option(0))]! + assets + (option(2) === COMMISSION[0] ? 1 : 0)) / 5
      );
    return (
      ([1, 0.7, 0][CEILING.indexOf(option(0))]! +
        (0.9 - 0.8 * assets) +
        (option(2) === COMMISSION[0] ? 0.8 : 0)) /
      3
    );
  };
  const check = (kind: ViewerKind, onTable: Record<string, string>) =>
    call(testApp, `POST ${N}/plan/versions/${versionId}/live-analysis/improvement-check`, {
      as: who(kind),
      body: { package: onTable },
    });
  const tablePackage = () => ({
    [points[0]?.pointId ?? '']: '800,000',
    [points[1]?.pointId ?? '']: '50 bn',
    [points[2]?.pointId ?? '']: 'no commission',
  });

  it('tells a party privately of a package every party strictly prefers, without a number or a reason', async () => {
    const response = await check('ownDelegation', tablePackage());
    expect(response.status).toBe(200);
    const text = await response.text();
    const answer = JSON.parse(text) as { found: boolean; choices: Choice[] };
    expect(Object.keys(answer).sort()).toEqual(['choices', 'found', 'versionId']);
    expect(answer.found).toBe(true);
    const table = Object.entries(tablePackage()).map(([pointId, option]) => ({ pointId, option }));
    for (const party of ['ukraine', 'russia'] as const)
      expect(utilityOf(party, answer.choices)).toBeGreaterThan(utilityOf(party, table) + 1e-9);
    expect(text).not.toContain(DEMO_PARTIES.russia.id);
    expect(text).not.toMatch(/utilit|gain|reason/i);
    expect((await check('observer', tablePackage())).status).toBe(403);
    expect((await check('outsider', tablePackage())).status).toBe(404);
  });

  it('answers "none found" for a package already on the frontier, and names a bad package', async () => {
    const live = (await (
      await call(testApp, `POST ${N}/plan/versions/${versionId}/live-analysis`, {
        as: who('mediator'),
        body: {},
      })
    ).json()) as Analysis;
    const nash = live.packages.find((entry) => entry.kinds.includes('nash'));
    const onFrontier = Object.fromEntries(
      (nash?.choices ?? []).map((choice) => [choice.pointId, choice.option]),
    );
    expect(await (await check('otherParty', onFrontier)).json()).toEqual({
      versionId,
      found: false,
      choices: null,
    });
    const wrong = await check('otherParty', { ...tablePackage(), [points[1]?.pointId ?? '']: '55 bn' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('has no option \\"55 bn\\"');
  });

  it('gives a party the same bytes for two hidden profiles of another party with the same result', async () => {
    const first = await (await check('ownDelegation', tablePackage())).text();
    let identical = 0;
    for (const ceiling of [
      [100, 69, 0],
      [98, 70, 2],
      [100, 72, 1],
    ]) {
      await save('russia', false, ceiling);
      const again = await (await check('ownDelegation', tablePackage())).text();
      if (
        JSON.parse(again).choices === null ||
        JSON.stringify(JSON.parse(again).choices) !== JSON.stringify(JSON.parse(first).choices)
      )
        continue;
      expect(again).toBe(first);
      identical += 1;
    }
    expect(identical).toBeGreaterThan(0);
    await save('russia', true);
  });

  it('lets the mediator propose the package to all, recorded without reasons, and no one else', async () => {
    const path = `${N}/plan/versions/${versionId}/live-analysis/proposals`;
    expect(
      (await call(testApp, `POST ${path}`, { as: who('ownDelegation'), body: { package: tablePackage() } }))
        .status,
    ).toBe(403);
    const proposed = await call(testApp, `POST ${path}`, {
      as: who('mediator'),
      body: { package: tablePackage() },
    });
    expect(proposed.status, await proposed.clone().text()).toBe(201);
    const proposal = (await proposed.json()) as { id: string; choices: Choice[] };
    const checked = (await (await check('mediator', tablePackage())).json()) as { choices: Choice[] };
    expect(proposal.choices).toEqual(checked.choices);
    for (const kind of ['otherParty', 'ownDelegation', 'observer'] as const) {
      const listed = await call(testApp, `GET ${path}`, { as: who(kind) });
      expect(listed.status).toBe(200);
      const text = await listed.text();
      expect((JSON.parse(text) as { items: { id: string }[] }).items.map((item) => item.id)).toEqual([
        proposal.id,
      ]);
      expect(text).not.toMatch(/utilit|gain/i);
    }
    expect((await call(testApp, `GET ${path}`, { as: who('outsider') })).status).toBe(404);
    const already = Object.fromEntries(proposal.choices.map((choice) => [choice.pointId, choice.option]));
    const none = await call(testApp, `POST ${path}`, { as: who('mediator'), body: { package: already } });
    // The proposal is on the frontier: nothing beats it for everyone, so there is nothing to propose.
    expect(none.status).toBe(422);
    const audit = await call(testApp, `GET ${N}/audit?action=live-analysis&limit=100`, {
      as: who('mediator'),
    });
    const actions = ((await audit.json()) as { items: { action: string }[] }).items.map(
      (entry) => entry.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['live-analysis.improvement-check', 'live-analysis.propose']),
    );
  });

  /** Ukraine's draft from the files of a GENIUS scenario, zipped as a user uploads them. */
  const draftFrom = async (files: Record<string, string>) => {
    const entries = Object.fromEntries(
      Object.entries(files).map(([name, text]) => [name, Buffer.from(text)]),
    );
    const response = await call(testApp, `POST ${N}/preferences/genius-draft`, {
      as: who('ownDelegation'),
      body: { archive: zipOf(entries).toString('base64') },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as {
      reservation: number;
      discount: number | null;
      issues: { pointId: string; ratings: Record<string, number>; weight: number }[];
      notices: string[];
    };
  };

  it("reads a delegation's own GENIUS profile into a draft it saves itself, and no one else's", async () => {
    const exported = unzip(await (await download('ownDelegation')).arrayBuffer());
    const path = `${N}/preferences/genius-draft`;
    const draft = await draftFrom(exported);
    const entries = Object.fromEntries(
      Object.entries(exported).map(([name, text]) => [name, Buffer.from(text)]),
    );
    expect(draft.reservation).toBe(0.2);
    expect(draft.discount).toBe(0.9);
    expect(draft.issues.map((issue) => issue.pointId)).toEqual(points.map((point) => point.pointId));
    expect(draft.issues[0]?.ratings).toEqual({ '600,000': 0, '800,000': 0.4, 'no ceiling': 1 });
    expect(draft.issues[1]?.ratings).toEqual({ min: 0, max: 1 });
    expect(draft.issues.map((issue) => issue.weight)).toEqual([0.6, 0.2, 0.2]);
    // Parley's own numbers need no rounding, and the draft does not claim any.
    expect(draft.notices.join(' ')).not.toMatch(/rounded/);
    // The draft saves as it is: the delegation confirms it.
    const mine = (await (
      await call(testApp, `GET ${N}/preferences`, { as: who('ownDelegation') })
    ).json()) as {
      profile: { revision: number };
    };
    const saved = await call(testApp, `PUT ${N}/preferences`, {
      as: who('ownDelegation'),
      body: {
        baseRevision: mine.profile.revision,
        scale: 'unit',
        weighting: 'weights',
        reservation: draft.reservation,
        discount: draft.discount,
        sharedWithMediator: true,
        issues: draft.issues,
      },
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    revisions.ukraine = mine.profile.revision + 1;
    for (const kind of ['mediator', 'observer'] as const)
      expect(
        (
          await call(testApp, `POST ${path}`, {
            as: who(kind),
            body: { archive: zipOf(entries).toString('base64') },
          })
        ).status,
      ).toBe(403);
    const two = unzip(await (await download('mediator')).arrayBuffer());
    const twoEntries = Object.fromEntries(
      Object.entries(two).map(([name, text]) => [name, Buffer.from(text)]),
    );
    const ambiguous = await call(testApp, `POST ${path}`, {
      as: who('ownDelegation'),
      body: { archive: zipOf(twoEntries).toString('base64') },
    });
    expect(ambiguous.status).toBe(400);
    const problem = (await ambiguous.json()) as { errors: { path: string; choices?: string[] }[] };
    // the form offers these to choose from: a delegation need not know the file names
    const choices = problem.errors.find((error) => error.path === 'profileFile')?.choices ?? [];
    expect(choices).toHaveLength(2);
    const chosen = await call(testApp, `POST ${path}`, {
      as: who('ownDelegation'),
      body: { archive: zipOf(twoEntries).toString('base64'), profileFile: choices[1] },
    });
    expect(chosen.status, await chosen.clone().text()).toBe(200);
    expect(((await chosen.json()) as { profileFile: string }).profileFile).toBe(choices[1]);
  });

  it('drafts the numbers a person would type from a profile written by a program, and says so', async () => {
    const exported = unzip(await (await download('ownDelegation')).arrayBuffer());
    const profileName = Object.keys(exported).find((name) => name.endsWith('Ukraine.xml')) ?? '';
    // What a research tool writes: a weight, a rating and a reservation as fractions to the last bit.
    const replacements = [
      ['<weight index="1" value="0.6"/>', '<weight index="1" value="0.4452125771655631"/>'],
      ['evaluation="0.4"', 'evaluation="0.6666666666666666"'],
      ['<reservation value="0.2"/>', '<reservation value="0.14285714285714285"/>'],
      ['<discount_factor value="0.9"/>', '<discount_factor value="0.42441038"/>'],
    ] as const;
    let profile = exported[profileName] ?? '';
    for (const [from, to] of replacements) {
      expect(profile).toContain(from);
      profile = profile.replace(from, to);
    }
    const draft = await draftFrom({ ...exported, [profileName]: profile });
    // Two decimals on the form's 0–100 for ratings and the reservation; four significant digits for
    // the relative numbers (weights are scaled to sum to 1 anyway).
    expect(draft.issues[0]?.ratings).toEqual({ '600,000': 0, '800,000': 0.6667, 'no ceiling': 1 });
    expect(draft.issues.map((issue) => issue.weight)).toEqual([0.4452, 0.2, 0.2]);
    expect(draft.reservation).toBe(0.1429);
    expect(draft.discount).toBe(0.4244);
    expect(draft.notices).toContainEqual(
      expect.stringMatching(
        /^Numbers in profile-01 Ukraine\.xml with more digits than the form needs were rounded/,
      ),
    );
  });

  // ── Import ────────────────────────────────────────────────────────────────────────────────
  const laptop = () => {
    const folder = join(REPO, 'scenarios', 'anac2011-Laptop');
    return Object.fromEntries(
      readdirSync(folder)
        .filter((name) => name.endsWith('.xml'))
        .map((name) => [`laptop/${name}`, readFileSync(join(folder, name))]),
    );
  };
  const archive = (entries: Record<string, Buffer>) => zipOf(entries).toString('base64');
  // the domain alone: a profile would name the changed value as unknown before the mapping is read
  const laptopDomainOnly = (entries: Record<string, Buffer>) =>
    Object.fromEntries(Object.entries(entries).filter(([name]) => name.endsWith('_domain.xml')));
  const importPath = () => `${N}/plan/versions/${versionId}/live-issues/genius`;
  const definitions = async () =>
    JSON.stringify(
      (
        (await (
          await call(testApp, `GET ${N}/plan/versions/${versionId}/issues`, { as: who('mediator') })
        ).json()) as {
          points: { definition: unknown }[];
        }
      ).points.map((point) => point.definition),
    );

  it('reads back its own export: each issue suggested for the point it came from', async () => {
    const exported = unzip(await (await download('mediator')).arrayBuffer());
    const entries = Object.fromEntries(
      Object.entries(exported).map(([name, text]) => [name, Buffer.from(text)]),
    );
    const response = await call(testApp, `POST ${importPath()}/preview`, {
      as: who('mediator'),
      body: { archive: archive(entries) },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const preview = (await response.json()) as {
      issues: { name: string; suggestedPointId: string | null; values: string[] }[];
      profileFiles: string[];
    };
    expect(preview.issues.map((issue) => issue.suggestedPointId)).toEqual(
      points.map((point) => point.pointId),
    );
    expect(preview.issues[0]?.values).toEqual(CEILING);
    expect(preview.profileFiles).toHaveLength(2);

    // Imported again as suggested, it changes nothing: the range exported as its labels stays a
    // range (blind bids still take it), and the delegations' profiles still count.
    const mapping = preview.issues.map((issue) => ({ issue: issue.name, pointId: issue.suggestedPointId }));
    const imported = await call(testApp, `POST ${importPath()}`, {
      as: who('mediator'),
      body: { archive: archive(entries), mapping },
    });
    expect(imported.status, await imported.clone().text()).toBe(200);
    const result = (await imported.json()) as { points: { definition: unknown }[] };
    expect(result.points[1]?.definition).toEqual({ kind: 'range', min: 0, max: 100, step: 25, unit: 'bn' });
    const analysed = await call(testApp, `POST ${N}/plan/versions/${versionId}/live-analysis`, {
      as: who('mediator'),
      body: {},
    });
    expect(analysed.status, await analysed.clone().text()).toBe(200);
  });

  it('refuses hostile or wrong folders with a 400 naming the file, and stores nothing', async () => {
    const before = await definitions();
    const post = (body: unknown, route = importPath()) =>
      call(testApp, `POST ${route}`, { as: who('mediator'), body });
    const mapping = [{ issue: 'Laptop', pointId: points[0]?.pointId }];
    const expect400 = async (body: unknown, words: string) => {
      const response = await post(body);
      const text = await response.text();
      expect(response.status, text).toBe(400);
      expect(text).toContain(words);
    };
    await expect400({ archive: 'not base64!', mapping }, 'base64');
    await expect400({ archive: Buffer.from('hello').toString('base64'), mapping }, 'not a zip file');
    const files = laptop();
    await expect400(
      {
        archive: archive({
          ...files,
          'laptop/laptop_domain.xml': Buffer.from('<negotiation_template>\n<utility_space>\n</objective>'),
        }),
        mapping,
      },
      'laptop_domain.xml: malformed XML: line 3',
    );
    const seller = String(files['laptop/laptop_seller_utility.xml']).replace(
      'value="Dell"',
      'value="Lenovo"',
    );
    await expect400(
      { archive: archive({ ...files, 'laptop/laptop_seller_utility.xml': Buffer.from(seller) }), mapping },
      'laptop_seller_utility.xml, issue \\"Laptop\\": the value \\"Lenovo\\" is not in the domain',
    );
    await expect400(
      { archive: archive(files), mapping: [{ issue: 'Keyboard', pointId: points[0]?.pointId }] },
      'has no issue \\"Keyboard\\"',
    );
    await expect400(
      { archive: archive(files), mapping: [...mapping, { issue: 'Harddisk', pointId: points[0]?.pointId }] },
      'would take both',
    );
    const bomb = Buffer.concat([
      Buffer.from('<negotiation_template>'),
      Buffer.alloc(2 * 1024 * 1024, ' '),
      Buffer.from('</negotiation_template>'),
    ]);
    await expect400({ archive: archive({ 'd/domain.xml': bomb }), mapping }, 'larger than');
    // A zip that understates its size: inflation stops just past the declared size and says so.
    const liar = zipOf({ 'domain.xml': bomb });
    const nameLength = 'domain.xml'.length;
    liar.writeUInt32LE(100, 22);
    liar.writeUInt32LE(100, 30 + nameLength + liar.readUInt32LE(18) + 24);
    await expect400({ archive: liar.toString('base64'), mapping }, 'expands beyond its declared 100 bytes');
    const many = Object.fromEntries(
      Array.from({ length: 40 }, (_, index) => [`f${index}.xml`, Buffer.from('<a/>')]),
    );
    await expect400({ archive: archive(many), mapping }, 'has 40 entries');
    const deep = Buffer.from(
      `<negotiation_template>${'<x>'.repeat(100)}${'</x>'.repeat(100)}</negotiation_template>`,
    );
    await expect400({ archive: archive({ 'domain.xml': deep }), mapping }, 'elements deep');
    // One good issue and one that cannot be options: neither is stored.
    const wide = String(files['laptop/laptop_domain.xml']).replace(
      '<issue etype="discrete" index="2" name="Harddisk" type="discrete" vtype="discrete">',
      `<issue etype="discrete" index="2" name="Harddisk" type="discrete" vtype="discrete">${Array.from({ length: 25 }, (_, index) => `<item value="${index} Tb"/>`).join('')}`,
    );
    await expect400(
      {
        archive: archive({ 'laptop/laptop_domain.xml': Buffer.from(wide) }),
        mapping: [...mapping, { issue: 'Harddisk', pointId: points[1]?.pointId }],
      },
      'an issue takes 2 to 20',
    );
    // Values that read alike (spaces, a zero-width space) are not two options, as when typed.
    for (const alike of [' Dell ', 'Del\u200Bl']) {
      const twins = String(files['laptop/laptop_domain.xml']).replace(
        '<item index="2" value="Macintosh"',
        `<item index="2" value="${alike}"`,
      );
      await expect400(
        {
          archive: archive({ ...laptopDomainOnly(files), 'laptop/laptop_domain.xml': Buffer.from(twins) }),
          mapping,
        },
        'two values that read alike',
      );
    }
    expect(await definitions()).toBe(before);
    expect(
      (
        await call(testApp, `POST ${importPath()}`, {
          as: who('ownDelegation'),
          body: { archive: archive(files), mapping },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(testApp, `POST ${importPath()}`, {
          as: who('outsider'),
          body: { archive: archive(files), mapping },
        })
      ).status,
    ).toBe(404);
  });

  it('sets the mapped points from a GENIUS folder and never writes a profile', async () => {
    const mine = async () =>
      (
        (await (await call(testApp, `GET ${N}/preferences`, { as: who('ownDelegation') })).json()) as {
          profile: { revision: number };
        }
      ).profile.revision;
    const revisionBefore = await mine();
    const response = await call(testApp, `POST ${importPath()}`, {
      as: who('mediator'),
      body: {
        archive: archive(laptop()),
        mapping: [
          { issue: 'Laptop', pointId: points[0]?.pointId },
          { issue: 'External Monitor', pointId: points[2]?.pointId },
          { issue: 'Harddisk', pointId: null },
        ],
      },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const result = (await response.json()) as {
      points: { pointId: string; definition: unknown }[];
      skippedProfiles: string[];
    };
    expect(result.points.map((point) => [point.pointId, point.definition])).toEqual([
      [points[0]?.pointId, { kind: 'options', options: ['Dell', 'Macintosh', 'HP'] }],
      [points[2]?.pointId, { kind: 'options', options: ["19'' LCD", "20'' LCD", "23'' LCD"] }],
    ]);
    expect(result.skippedProfiles).toEqual(['laptop_buyer_utility.xml', 'laptop_seller_utility.xml']);
    expect(await mine()).toBe(revisionBefore);
  });
});
