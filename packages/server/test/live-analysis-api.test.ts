import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '@parley/core';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// Issue #12: issues on the plan, private preference profiles, and the disclosure rules of the
// live analysis (docs/live-analysis.md).
const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const CEILING = ['600,000', '800,000', 'no ceiling'];

type Package = {
  kinds: string[];
  choices: { pointId: string; option: string }[];
  utilities: { partyId: string; utility: number }[];
};
type Analysis = {
  packages: Package[];
  disclosedParties: { partyId: string }[];
  contention: unknown;
  notices: string[];
};

describe.each(API_DATABASE_KINDS)('the live analysis on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let ukraine: SignedIn;
  let russia: SignedIn;
  let observer: SignedIn;
  let versionId: string;
  let ceilingId: string;
  let assetsId: string;
  let thirdId: string;
  const revisions = { ukraine: 0, russia: 0 };

  const profile = (
    baseRevision: number,
    ceiling: number[],
    assets: { min: number; max: number },
    weights: [number, number],
    sharedWithMediator = false,
  ) => ({
    baseRevision,
    scale: 'percent',
    weighting: 'weights',
    reservation: 20,
    sharedWithMediator,
    issues: [
      {
        pointId: ceilingId,
        ratings: Object.fromEntries(CEILING.map((label, i) => [label, ceiling[i]])),
        weight: weights[0],
      },
      { pointId: assetsId, ratings: assets, weight: weights[1] },
    ],
  });
  const save = async (who: 'ukraine' | 'russia', body: ReturnType<typeof profile>) => {
    const response = await call(testApp, `PUT ${N}/preferences`, {
      as: who === 'ukraine' ? ukraine : russia,
      body,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    revisions[who] += 1;
    return (await response.json()) as { profile: { revision: number }; notices: string[] };
  };
  const analyse = (as: SignedIn, body: unknown = {}) =>
    call(testApp, `POST ${N}/plan/versions/${versionId}/live-analysis`, { as, body });

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const signed = async (kind: 'mediator' | 'ownDelegation' | 'otherParty' | 'observer') => {
      const session = await signInAs(testApp, kind);
      if (session === null) throw new Error(`no session for ${kind}`);
      return session;
    };
    mediator = await signed('mediator');
    ukraine = await signed('ownDelegation');
    russia = await signed('otherParty');
    observer = await signed('observer');
    const overview = (await (await call(testApp, `GET ${N}/plan`, { as: mediator })).json()) as {
      versions: { id: string; revision: number }[];
    };
    versionId = [...overview.versions].sort((a, b) => b.revision - a.revision)[0]?.id ?? '';
    const version = (await (
      await call(testApp, `GET ${N}/plan/versions/${versionId}`, { as: mediator })
    ).json()) as {
      version: { points: { pointId: string }[] };
    };
    [ceilingId = '', assetsId = '', thirdId = ''] = version.version.points.map((point) => point.pointId);
  });
  afterAll(async () => handle.close());

  it('lets the mediator mark points as issues with options or a range, and no one else', async () => {
    const put = (as: SignedIn, pointId: string, definition: unknown) =>
      call(testApp, `PUT ${N}/plan/versions/${versionId}/points/${pointId}/issue`, {
        as,
        body: { definition },
      });
    expect((await put(ukraine, ceilingId, { kind: 'options', options: CEILING })).status).toBe(403);
    const set = await put(mediator, ceilingId, { kind: 'options', options: CEILING });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ pointId: ceilingId, needsReconciling: false });
    const twice = await put(mediator, ceilingId, { kind: 'options', options: ['a', 'a'] });
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain('must differ');
    const bad = await put(mediator, assetsId, { kind: 'range', min: 0, max: 100, step: 0.5, unit: 'bn' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('at most 101 values');
    // A step far below the tolerance once made the server enumerate 10¹¹ values and abort.
    const fine = await put(mediator, assetsId, { kind: 'range', min: 0, max: 1e-18, step: 1e-20, unit: 'x' });
    expect(fine.status).toBe(400);
    expect(await fine.text()).toContain('must differ from each other');
    const tiny = await put(mediator, assetsId, {
      kind: 'range',
      min: 0,
      max: 1e-300,
      step: 1e-302,
      unit: '',
    });
    expect(tiny.status).toBe(400);
    expect(await tiny.text()).toContain('must differ from each other');
    expect(
      (await put(mediator, assetsId, { kind: 'range', min: 0, max: 100, step: 25, unit: 'bn' })).status,
    ).toBe(200);
    // A second editor that still shows the point as it was does not undo that change: 409, unchanged.
    const stale = await call(testApp, `PUT ${N}/plan/versions/${versionId}/points/${assetsId}/issue`, {
      as: mediator,
      body: { definition: { kind: 'options', options: ['none', 'all'] }, previous: null },
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('it is now a range 0–100 bn by 25');
    const current = { kind: 'range', min: 0, max: 100, step: 25, unit: 'bn' };
    const knowing = await call(testApp, `PUT ${N}/plan/versions/${versionId}/points/${assetsId}/issue`, {
      as: mediator,
      body: { definition: current, previous: current },
    });
    expect(knowing.status).toBe(200);
    const issues = (await (
      await call(testApp, `GET ${N}/plan/versions/${versionId}/issues`, { as: observer })
    ).json()) as {
      points: { pointId: string; definition: unknown }[];
    };
    expect(issues.points.filter((point) => point.definition !== null).map((point) => point.pointId)).toEqual([
      ceilingId,
      assetsId,
    ]);
  });

  it('of two editors saving over the same definition at once, one is told the other saved first', async () => {
    const current = { kind: 'options', options: CEILING };
    const put = (options: string[]) =>
      call(testApp, `PUT ${N}/plan/versions/${versionId}/points/${ceilingId}/issue`, {
        as: mediator,
        body: { definition: { kind: 'options', options }, previous: current },
      });
    const answers = await Promise.all([put(['low', 'high']), put(['none', 'some', 'all'])]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const saved = (await answers.find((answer) => answer.status === 200)?.json()) as { definition: unknown };
    const issues = (await (
      await call(testApp, `GET ${N}/plan/versions/${versionId}/issues`, { as: mediator })
    ).json()) as { points: { pointId: string; definition: unknown }[] };
    expect(issues.points.find((point) => point.pointId === ceilingId)?.definition).toEqual(saved.definition);
    // Put back what the later tests build on.
    const restore = await call(testApp, `PUT ${N}/plan/versions/${versionId}/points/${ceilingId}/issue`, {
      as: mediator,
      body: { definition: current },
    });
    expect(restore.status).toBe(200);
  });

  it('refuses an analysis with fewer than two profiles, naming the problem', async () => {
    const response = await analyse(mediator);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('at least two parties');
  });

  it('saves profiles as revisions, scales weights and says so, and refuses bad or stale input', async () => {
    const unknown = profile(0, [0, 50, 100], { min: 0, max: 100 }, [1, 1]);
    unknown.issues[0] = {
      ...unknown.issues[0],
      ratings: { ...unknown.issues[0]?.ratings, '1,000,000': 10 },
    } as never;
    const refused = await call(testApp, `PUT ${N}/preferences`, { as: ukraine, body: unknown });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('has no option \\"1,000,000\\"');
    const saved = await save('ukraine', profile(0, [0, 40, 100], { min: 0, max: 100 }, [3, 1]));
    expect(saved.profile.revision).toBe(1);
    expect(saved.notices).toEqual(['The weights summed to 4; they were scaled to sum to 1.']);
    const stale = await call(testApp, `PUT ${N}/preferences`, {
      as: ukraine,
      body: profile(0, [0, 40, 100], { min: 0, max: 100 }, [3, 1]),
    });
    expect(stale.status).toBe(409);
    expect(
      (
        await call(testApp, `PUT ${N}/preferences`, {
          as: observer,
          body: profile(0, [0, 0, 0], { min: 0, max: 0 }, [1, 1]),
        })
      ).status,
    ).toBe(403);
    await save('russia', profile(0, [100, 70, 0], { min: 0, max: 100 }, [1, 1]));
  });

  it('answers a profile that fails its checks with one error per problem, each at its field', async () => {
    const body = {
      ...profile(revisions.ukraine, [0, 0, 0], { min: 0, max: 0 }, [1, 1]),
      scale: 'unit',
      reservation: 2,
      // Not in the plan's order: a path's index is the entry's place in this list.
      issues: [
        { pointId: assetsId, ratings: { max: 1 }, weight: 1 },
        { pointId: ceilingId, ratings: { '600,000': 0, 'no ceiling': 1.5 } },
      ],
    };
    const refused = await call(testApp, `PUT ${N}/preferences`, { as: ukraine, body });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    const errors = [
      { path: 'reservation', message: 'The reservation must be between 0 and 1.' },
      { path: 'issues.0.ratings.min', message: 'Point 2: rate its lowest value, 0 bn.', pointId: assetsId },
      {
        path: 'issues.1.ratings.no ceiling',
        message: 'Point 1, "no ceiling": ratings must be between 0 and 1.',
        pointId: ceilingId,
      },
      { path: 'issues.1.ratings.800,000', message: 'Point 1: rate "800,000".', pointId: ceilingId },
      { path: 'issues.1.weight', message: 'Point 1 needs a weight.', pointId: ceilingId },
    ];
    expect(await refused.json()).toEqual({
      type: '/problems/invalid-input',
      title: 'Invalid request',
      status: 400,
      detail: errors.map((error) => error.message).join(' '),
      instance: `${N}/preferences`,
      errors,
    });
    const mine = (await (await call(testApp, `GET ${N}/preferences`, { as: ukraine })).json()) as {
      profile: { revision: number };
    };
    expect(mine.profile.revision).toBe(revisions.ukraine);
  });

  // The only way a client can tell which issue a profile left out: one made after it read the plan.
  it('names the point of an issue a profile leaves out, which no path can count', async () => {
    const body = profile(revisions.ukraine, [0, 50, 100], { min: 0, max: 100 }, [1, 1]);
    const refused = await call(testApp, `PUT ${N}/preferences`, {
      as: ukraine,
      body: { ...body, issues: body.issues.filter((entry) => entry.pointId === ceilingId) },
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Problem).errors).toEqual([
      { path: 'issues', message: 'Point 2 is an issue; rate its options and weigh it.', pointId: assetsId },
    ]);
  });

  it('shows each delegation its own profile only', async () => {
    const mine = (await (await call(testApp, `GET ${N}/preferences`, { as: russia })).json()) as {
      party: { id: string };
      profile: { partyId: string };
    };
    expect(mine.party.id).toBe(DEMO_PARTIES.russia.id);
    expect(mine.profile.partyId).toBe(DEMO_PARTIES.russia.id);
    for (const as of [russia, mediator, observer]) {
      const shared = await call(testApp, `GET ${N}/preferences/shared`, { as });
      expect(await shared.json()).toEqual({ items: [] });
    }
    const seen = (await (await call(testApp, `GET ${N}/preferences`, { as: observer })).json()) as object;
    expect(seen).toEqual({ party: null, canEdit: false, profile: null });
  });

  it('gives a party the packages in plan terms and its own utility, and nothing computed from another profile', async () => {
    const first = await analyse(ukraine);
    expect(first.status).toBe(200);
    const text = await first.text();
    const analysis = JSON.parse(text) as Analysis;
    expect(analysis.disclosedParties.map((party) => party.partyId)).toEqual([DEMO_PARTIES.ukraine.id]);
    expect(analysis.contention).toBeNull();
    expect(analysis.packages.length).toBeGreaterThan(0);
    for (const suggested of analysis.packages) {
      expect(suggested.choices.map((choice) => choice.pointId)).toEqual([ceilingId, assetsId]);
      expect(suggested.utilities.map((utility) => utility.partyId)).toEqual([DEMO_PARTIES.ukraine.id]);
    }
    expect(text).not.toContain(DEMO_PARTIES.russia.id);
    expect(text).not.toContain('Side A');

    // Russia changes its hidden profile; whenever the suggested packages stay the same, Ukraine's
    // answer is the same bytes (and a change that moves the packages is seen only as packages).
    const packagesOf = (body: string) =>
      JSON.stringify((JSON.parse(body) as Analysis).packages.map((entry) => [entry.kinds, entry.choices]));
    const variants = [
      profile(revisions.russia, [100, 71, 0], { min: 0, max: 100 }, [1, 1]),
      profile(revisions.russia + 1, [100, 69, 1], { min: 2, max: 100 }, [1.02, 1]),
      profile(revisions.russia + 2, [95, 70, 0], { min: 0, max: 98 }, [1, 1.01]),
    ];
    let identical = 0;
    for (const variant of variants) {
      await save('russia', variant);
      const otherText = await (await analyse(ukraine)).text();
      expect(otherText).not.toContain(DEMO_PARTIES.russia.id);
      if (packagesOf(otherText) !== packagesOf(text)) continue;
      expect(otherText).toBe(text);
      identical += 1;
    }
    expect(identical).toBeGreaterThan(0);
    expect((await analyse(observer)).status).toBe(403);
  });

  it('gives the mediator the utilities of the parties that shared, and contention only when all did', async () => {
    await save('ukraine', profile(revisions.ukraine, [0, 40, 100], { min: 0, max: 100 }, [3, 1], true));
    const partly = (await (await analyse(mediator)).json()) as Analysis;
    expect(partly.disclosedParties.map((party) => party.partyId)).toEqual([DEMO_PARTIES.ukraine.id]);
    expect(partly.contention).toBeNull();
    const russiaView = await (await analyse(russia)).text();
    expect(russiaView).not.toContain(DEMO_PARTIES.ukraine.id);
    await save('russia', profile(revisions.russia, [100, 70, 0], { min: 0, max: 100 }, [1, 1], true));
    const full = (await (await analyse(mediator)).json()) as Analysis;
    expect(new Set(full.disclosedParties.map((party) => party.partyId))).toEqual(
      new Set([DEMO_PARTIES.ukraine.id, DEMO_PARTIES.russia.id]),
    );
    expect(full.contention).toHaveLength(2);
    const shared = (await (await call(testApp, `GET ${N}/preferences/shared`, { as: mediator })).json()) as {
      items: { partyId: string }[];
    };
    expect(shared.items.map((item) => item.partyId).sort()).toEqual(
      [DEMO_PARTIES.ukraine.id, DEMO_PARTIES.russia.id].sort(),
    );
  });

  it('proposes improvements over a package on the table and names a package it cannot use', async () => {
    const onTable = { [ceilingId]: '600,000', [assetsId]: '50 bn' };
    const response = await analyse(ukraine, { package: onTable });
    expect(response.status).toBe(200);
    const wrong = await analyse(ukraine, { package: { ...onTable, [assetsId]: '55 bn' } });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('has no option \\"55 bn\\"');
  });

  it('audits saves and reads without a single value', async () => {
    const response = await call(testApp, `GET ${N}/audit?action=profile&limit=100`, { as: mediator });
    const entries = (
      (await response.json()) as { items: { action: string; detail?: unknown }[] }
    ).items.filter((entry) => entry.action.startsWith('profile.'));
    expect(entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['profile.update', 'profile.read']),
    );
    const text = JSON.stringify(entries);
    expect(text).not.toContain('ratings');
    expect(text).not.toContain('reservation');
  });

  it("lists every run over a delegation's profile in that delegation's log, and no other party's profile", async () => {
    await analyse(russia);
    const improvement = { package: { [ceilingId]: '600,000', [assetsId]: '50 bn' } };
    expect(
      (
        await call(testApp, `POST ${N}/plan/versions/${versionId}/live-analysis/improvement-check`, {
          as: russia,
          body: improvement,
        })
      ).status,
    ).toBe(200);
    type Entry = { action: string; actorId: string | null; detail: Record<string, unknown> };
    const runs = async (as: SignedIn) => {
      const response = await call(testApp, `GET ${N}/audit?action=live-analysis&limit=100`, { as });
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: Entry[] }).items;
    };
    // Ukraine finds Russia's run and check, each naming only Ukraine's own profile as read.
    const seenByUkraine = (await runs(ukraine)).filter((entry) => entry.actorId === russia.userId);
    expect(seenByUkraine.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['live-analysis.run', 'live-analysis.improvement-check']),
    );
    for (const entry of seenByUkraine)
      expect(entry.detail).toEqual({ countedPartyIds: [DEMO_PARTIES.ukraine.id] });
    // Russia's own entries name Russia's profile alone: not whose others were counted.
    const seenByRussia = await runs(russia);
    expect(seenByRussia.length).toBeGreaterThan(0);
    expect(JSON.stringify(seenByRussia)).not.toContain(DEMO_PARTIES.ukraine.id);
    // The mediator's staff read the whole list; an observer has no profile counted and sees none.
    const seenByMediator = (await runs(mediator)).filter((entry) => entry.actorId === russia.userId);
    expect(new Set(seenByMediator.flatMap((entry) => entry.detail.countedPartyIds as string[]))).toEqual(
      new Set([DEMO_PARTIES.ukraine.id, DEMO_PARTIES.russia.id]),
    );
    expect(await runs(observer)).toEqual([]);
  });

  it('carries options to the next version by lineage and flags a merged point for reconciling', async () => {
    const overview = (await (await call(testApp, `GET ${N}/plan`, { as: mediator })).json()) as {
      revision: number;
    };
    const mergedId = '00000000-0000-4000-8000-00000000e12a';
    const created = await call(testApp, `POST ${N}/plan/versions`, {
      as: mediator,
      body: {
        parentId: versionId,
        label: 'Issue 12 merge',
        baseRevision: overview.revision,
        operations: [
          { kind: 'amend', pointId: ceilingId, text: 'Armed forces ceiling, reworded.' },
          {
            kind: 'merge',
            pointIds: [assetsId, thirdId],
            into: { pointId: mergedId, title: 'Assets and more', text: 'Merged.' },
          },
        ],
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const childId = ((await created.json()) as { version: { id: string } }).version.id;
    const issues = (await (
      await call(testApp, `GET ${N}/plan/versions/${childId}/issues`, { as: ukraine })
    ).json()) as {
      points: { pointId: string; needsReconciling: boolean; from: string[]; definition: unknown }[];
    };
    const byId = new Map(issues.points.map((point) => [point.pointId, point]));
    expect(byId.get(ceilingId)).toMatchObject({ needsReconciling: false, definition: { kind: 'options' } });
    expect(byId.get(mergedId)).toMatchObject({
      needsReconciling: true,
      from: [assetsId],
      definition: { kind: 'range' },
    });
    const analysis = await call(testApp, `POST ${N}/plan/versions/${childId}/live-analysis`, {
      as: mediator,
      body: {},
    });
    expect(analysis.status).toBe(200);
    expect(((await analysis.json()) as Analysis).notices.join(' ')).toContain(
      'left out until the mediator reconciles',
    );
    const reconciled = await call(testApp, `PUT ${N}/plan/versions/${childId}/points/${mergedId}/issue`, {
      as: mediator,
      body: { definition: { kind: 'range', min: 0, max: 100, step: 25, unit: 'bn' } },
    });
    expect(await reconciled.json()).toMatchObject({ needsReconciling: false });
  });
});
