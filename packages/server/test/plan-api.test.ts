import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

const P = `/api/negotiations/${DEMO_NEGOTIATION.id}/plan`;
const DRAFT = demoPlanId('draft-28');
const GENEVA = demoPlanId('geneva-19');
const FLORIDA = demoPlanId('florida-20');
type Json = Record<string, unknown>;

describe.each(API_DATABASE_KINDS)('plan API on %s', (kind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let ukraine: SignedIn;
  let russia: SignedIn;
  let observer: SignedIn;
  const json = async <T = Json>(response: Response): Promise<T> => (await response.json()) as T;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const sessions = await Promise.all(
      (['mediator', 'ownDelegation', 'otherParty', 'observer'] as const).map((viewer) =>
        signInAs(testApp, viewer),
      ),
    );
    [mediator, ukraine, russia, observer] = sessions.map((session) => {
      if (session === null) throw new Error('expected a session');
      return session;
    }) as [SignedIn, SignedIn, SignedIn, SignedIn];
  });
  afterAll(async () => handle.close());

  it('shows the demo plan: 28-point draft → Geneva text (19) → Florida text (20)', async () => {
    const overview = await json<{ revision: number; versions: { id: string; points: number }[] }>(
      await call(testApp, `GET ${P}`, { as: observer }),
    );
    expect(overview.revision).toBe(3);
    expect(overview.versions.map((v) => [v.id, v.points])).toEqual([
      [DRAFT, 28],
      [GENEVA, 19],
      [FLORIDA, 20],
    ]);
  });

  it('reads the redline draft → Geneva as 28 → 19 with merges, drops and amendments', async () => {
    const redline = await json<{ from: { points: number }; to: { points: number }; counts: Json }>(
      await call(testApp, `GET ${P}/versions/${DRAFT}/compare/${GENEVA}`, { as: russia }),
    );
    expect([redline.from.points, redline.to.points]).toEqual([28, 19]);
    expect(redline.counts).toMatchObject({ merged: 5, dropped: 3, amended: 7 });
    const deferred = (
      redline as unknown as { rows: { labels: string[]; to: { number: number }[] }[] }
    ).rows.filter((row) => row.labels.includes('deferred to leaders'));
    expect(deferred.map((row) => row.to.map((p) => p.number))).toEqual([[6], [10], [14]]);
  });

  it('gives each viewer the positions and status it may see', async () => {
    const ids = async (as: SignedIn) =>
      (
        await json<{ items: { partyId: string; pointId: string; visibility: string }[] }>(
          await call(testApp, `GET ${P}/versions/${GENEVA}/positions`, { as }),
        )
      ).items;
    const ownView = await ids(ukraine);
    const russianView = await ids(russia);
    const mediatorView = await ids(mediator);
    expect(ownView.filter((p) => p.partyId === DEMO_PARTIES.ukraine.id)).toHaveLength(19);
    expect(
      russianView
        .filter((p) => p.partyId === DEMO_PARTIES.ukraine.id)
        .every((p) => p.visibility === 'parties'),
    ).toBe(true);
    expect(mediatorView.some((p) => p.visibility === 'private')).toBe(false);
    expect(await ids(observer)).toEqual([]);
    const statusOf = async (as: SignedIn, pointKey: string) => {
      const status = await json<{
        points: { pointId: string; amendingPartyIds: string[]; missingPartyIds: string[] }[];
      }>(await call(testApp, `GET ${P}/versions/${GENEVA}/status`, { as }));
      return status.points.find((p) => p.pointId === demoPlanId(pointKey));
    };
    // Ukraine asked to amend point 15 in a mediator-only position: the mediator sees it, Russia sees Ukraine as missing.
    expect((await statusOf(mediator, 'p15'))?.amendingPartyIds).toEqual([DEMO_PARTIES.ukraine.id]);
    expect((await statusOf(russia, 'p15'))?.missingPartyIds).toContain(DEMO_PARTIES.ukraine.id);
  });

  it('imports a plan from text, makes a version by operations, and names bad operations', async () => {
    const negotiation = await json<{ id: string }>(
      await call(testApp, 'POST /api/negotiations', {
        as: mediator,
        body: { title: 'Import test', closureRule: 'point-by-point', mediatorPartyName: 'Mediator' },
      }),
    );
    const base = `/api/negotiations/${negotiation.id}/plan`;
    const bad = await call(testApp, `POST ${base}/import`, {
      as: mediator,
      body: { label: 'v1', text: '1. One.\n3. Three.', baseRevision: 0 },
    });
    expect(bad.status).toBe(400);
    expect((await json<{ detail: string }>(bad)).detail).toBe(
      'line 2: point 3 follows point 1; point 2 is missing',
    );
    const created = await call(testApp, `POST ${base}/import`, {
      as: mediator,
      body: {
        label: 'v1',
        text: '## Ceasefire\n1. Stop firing.\n2. Monitors deploy.\n3. Talks resume.',
        baseRevision: 0,
      },
    });
    expect(created.status).toBe(201);
    const v1 = await json<{ version: { id: string; points: { pointId: string; topic: string }[] } }>(created);
    const [p1, p2, p3] = v1.version.points.map((p) => p.pointId);
    const v2 = await call(testApp, `POST ${base}/versions`, {
      as: mediator,
      body: {
        parentId: v1.version.id,
        label: 'v2',
        baseRevision: 1,
        operations: [
          { kind: 'drop', pointId: p3 },
          {
            kind: 'merge',
            pointIds: [p1, p2],
            into: { pointId: p1, title: '', text: 'Stop firing; monitors deploy.' },
          },
        ],
      },
    });
    expect(v2.status).toBe(201);
    const child = await json<{ version: { id: string; points: unknown[] }; edges: { kind: string }[] }>(v2);
    expect(child.version.points).toHaveLength(1);
    expect(child.edges.map((e) => e.kind)).toEqual(['drop', 'merge']);
    const stale = await call(testApp, `POST ${base}/versions`, {
      as: mediator,
      body: { parentId: v1.version.id, label: 'late', baseRevision: 1, operations: [] },
    });
    expect(stale.status).toBe(409);
    expect((await json<{ detail: string }>(stale)).detail).toContain('the current revision is 2');
    const dropped = await call(testApp, `POST ${base}/versions`, {
      as: mediator,
      body: {
        parentId: child.version.id,
        label: 'v3',
        baseRevision: 2,
        operations: [{ kind: 'amend', pointId: p3, text: 'Revived.' }],
      },
    });
    expect(dropped.status).toBe(400);
    expect((await json<{ detail: string }>(dropped)).detail).toBe(
      `operation 1: point ${p3} is no longer in "v2" (it was in "v1"), so it cannot be changed`,
    );
    const foreign = await call(testApp, `POST ${base}/versions`, {
      as: mediator,
      body: {
        parentId: child.version.id,
        label: 'v3',
        baseRevision: 2,
        operations: [
          { kind: 'merge', pointIds: [p1, demoPlanId('p05')], into: { pointId: p1, title: '', text: 'x' } },
        ],
      },
    });
    expect(foreign.status).toBe(400);
    expect((await json<{ detail: string }>(foreign)).detail).toContain('there is no point');
    const strangerProposal = await call(testApp, `POST ${base}/versions`, {
      as: mediator,
      body: {
        parentId: child.version.id,
        label: 'v3',
        baseRevision: 2,
        operations: [{ kind: 'amend', pointId: p1, text: 'x', proposedBy: DEMO_PARTIES.ukraine.id }],
      },
    });
    expect(strangerProposal.status).toBe(404);
    expect((await json<{ detail: string }>(strangerProposal)).detail).toBe(
      `operation 1: no party ${DEMO_PARTIES.ukraine.id} in this negotiation`,
    );
    expect(
      (await json<{ revision: number }>(await call(testApp, `GET ${base}`, { as: mediator }))).revision,
    ).toBe(2);
    const notMediator = await call(testApp, `POST ${P}/import`, {
      as: ukraine,
      body: { label: 'x', text: '1. x', baseRevision: 3 },
    });
    expect(notMediator.status).toBe(403);
  });

  it('lets exactly one of several concurrent writers win a position; the others get 409 and nothing is lost', async () => {
    const point = demoPlanId('p11');
    const path = `${P}/versions/${FLORIDA}/points/${point}/positions/${DEMO_PARTIES.russia.id}`;
    const first = await call(testApp, `PUT ${path}`, {
      as: russia,
      body: { value: 'undecided', note: '', visibility: 'parties', baseRevision: 0 },
    });
    expect(first.status).toBe(200);
    const values = ['accept', 'reject', 'amend', 'red_line', 'accept_with_reservation'] as const;
    const responses = await Promise.all(
      values.map((value) =>
        call(testApp, `PUT ${path}`, {
          as: russia,
          body: { value, note: value, visibility: 'parties', baseRevision: 1 },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const winner = await json<{ value: string; revision: number }>(
      responses.find((r) => r.status === 200) as Response,
    );
    const positions = await json<{
      items: { pointId: string; partyId: string; value: string; revision: number }[];
    }>(await call(testApp, `GET ${P}/versions/${FLORIDA}/positions`, { as: russia }));
    const stored = positions.items.find((p) => p.pointId === point && p.partyId === DEMO_PARTIES.russia.id);
    expect(stored).toMatchObject({ value: winner.value, revision: 2 });
    const loser = responses.find((r) => r.status === 409);
    expect((await json<{ detail: string }>(loser as Response)).detail).toContain('the current revision is 2');
  });

  it('refuses a position on a point of another negotiation and for another party', async () => {
    const other = await json<{ id: string }>(
      await call(testApp, 'POST /api/negotiations', {
        as: mediator,
        body: { title: 'Other', closureRule: 'all-or-nothing', mediatorPartyName: 'M' },
      }),
    );
    const body = { value: 'accept', note: '', visibility: 'parties', baseRevision: 0 };
    const wrongNegotiation = await call(
      testApp,
      `PUT /api/negotiations/${other.id}/plan/versions/${GENEVA}/points/${demoPlanId('p01')}/positions/${DEMO_PARTIES.ukraine.id}`,
      { as: mediator, body },
    );
    expect(wrongNegotiation.status).toBe(404);
    const forOther = await call(
      testApp,
      `PUT ${P}/versions/${GENEVA}/points/${demoPlanId('p01')}/positions/${DEMO_PARTIES.ukraine.id}`,
      { as: russia, body: { ...body, baseRevision: 1 } },
    );
    expect(forOther.status).toBe(403);
  });

  it('adopts an amendment into a new version, links the version, and flags carried positions for review', async () => {
    const proposed = await call(testApp, `POST ${P}/amendments`, {
      as: ukraine,
      body: {
        partyId: DEMO_PARTIES.ukraine.id,
        versionId: FLORIDA,
        pointId: demoPlanId('p10'),
        proposal: { kind: 'replace_text', text: 'The guarantee mirrors the collective defence clause.' },
        rationale: 'Clarity.',
      },
    });
    expect(proposed.status).toBe(201);
    const amendment = await json<{ id: string; fate: { state: string } }>(proposed);
    const listed = async (as: SignedIn) =>
      (await json<{ items: { id: string }[] }>(await call(testApp, `GET ${P}/amendments`, { as }))).items.map(
        (item) => item.id,
      );
    expect(await listed(mediator)).toContain(amendment.id);
    expect(await listed(russia)).not.toContain(amendment.id);
    const revision = (await json<{ revision: number }>(await call(testApp, `GET ${P}`, { as: mediator })))
      .revision;
    const made = await call(testApp, `POST ${P}/versions`, {
      as: mediator,
      body: {
        parentId: FLORIDA,
        label: 'With amendment',
        baseRevision: revision,
        operations: [
          {
            kind: 'amend',
            pointId: demoPlanId('p10'),
            text: 'The guarantee mirrors the collective defence clause.',
            proposedBy: DEMO_PARTIES.ukraine.id,
            amendmentId: amendment.id,
          },
        ],
      },
    });
    expect(made.status).toBe(201);
    const version = await json<{ version: { id: string } }>(made);
    const after = (
      await json<{ items: { id: string; fate: { state: string; versionId?: string } }[] }>(
        await call(testApp, `GET ${P}/amendments`, { as: ukraine }),
      )
    ).items.find((item) => item.id === amendment.id);
    expect(after?.fate).toEqual({ state: 'adopted', versionId: version.version.id });
    const positions = (
      await json<{ items: { pointId: string; needsReview: boolean; partyId: string }[] }>(
        await call(testApp, `GET ${P}/versions/${version.version.id}/positions`, { as: ukraine }),
      )
    ).items;
    const ukrainian = positions.filter((p) => p.partyId === DEMO_PARTIES.ukraine.id);
    expect(ukrainian.find((p) => p.pointId === demoPlanId('p10'))?.needsReview).toBe(true);
    expect(ukrainian.find((p) => p.pointId === demoPlanId('p01'))?.needsReview).toBe(false);
    const again = await call(testApp, `POST ${P}/versions`, {
      as: mediator,
      body: {
        parentId: version.version.id,
        label: 'Twice',
        baseRevision: revision + 1,
        operations: [
          { kind: 'amend', pointId: demoPlanId('p10'), text: 'Other.', amendmentId: amendment.id },
        ],
      },
    });
    expect(again.status).toBe(409);
    expect(
      (await json<{ revision: number }>(await call(testApp, `GET ${P}`, { as: mediator }))).revision,
    ).toBe(revision + 1);
  });

  it('shows the timeline of the negotiation and of one point, and the points open before the holiday deadline', async () => {
    const timeline = await json<{ items: { kind: string; date: string }[] }>(
      await call(testApp, `GET ${P}/timeline`, { as: observer }),
    );
    expect(timeline.items.map((item) => item.kind)).toEqual(
      expect.arrayContaining(['version', 'round', 'statement', 'escalation-due']),
    );
    const dates = timeline.items.map((item) => item.date.slice(0, 10));
    expect([...dates].sort()).toEqual(dates);
    const territory = await json<{ items: { kind: string; refId: string }[] }>(
      await call(testApp, `GET ${P}/timeline?pointId=${demoPlanId('p21')}`, { as: observer }),
    );
    expect(territory.items.map((item) => item.kind)).toEqual([
      'version',
      'statement',
      'version',
      'statement',
      'escalation-due',
    ]);
    testApp.clock.set('2025-11-25T12:00:00.000Z');
    try {
      const outlook = await json<{ items: { isPast: boolean; openPoints: { status: string }[] }[] }>(
        await call(testApp, `GET ${P}/versions/${GENEVA}/deadlines`, { as: mediator }),
      );
      expect(outlook.items.length).toBeGreaterThan(0);
      const holiday = outlook.items[0];
      expect(holiday?.isPast).toBe(false);
      expect(holiday?.openPoints.length).toBe(17);
      expect(holiday?.openPoints.every((point) => point.status !== 'agreed')).toBe(true);
    } finally {
      testApp.clock.set('2025-12-05T12:00:00.000Z');
    }
  });

  it('lets exactly one of several concurrent version writers win; the others get 409 and leave no trace', async () => {
    const before = await json<{ revision: number; versions: unknown[] }>(
      await call(testApp, `GET ${P}`, { as: mediator }),
    );
    const attempts = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        call(testApp, `POST ${P}/versions`, {
          as: mediator,
          body: {
            parentId: FLORIDA,
            label: `Concurrent ${n}`,
            baseRevision: before.revision,
            operations: [{ kind: 'amend', pointId: demoPlanId('p23'), text: `Wording ${n}.` }],
          },
        }),
      ),
    );
    expect(attempts.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const after = await json<{ revision: number; versions: { label: string }[] }>(
      await call(testApp, `GET ${P}`, { as: mediator }),
    );
    expect(after.revision).toBe(before.revision + 1);
    expect(after.versions).toHaveLength(before.versions.length + 1);
  });

  it('rejects NUL characters and out-of-range dates with 400 naming the field, never a 500', async () => {
    const nul = await call(testApp, `POST ${P}/statements`, {
      as: mediator,
      body: {
        person: 'X',
        partyId: DEMO_PARTIES.ukraine.id,
        date: '2025-11-30',
        source: 's',
        quote: 'a\u0000b',
        pointIds: [],
      },
    });
    expect(nul.status).toBe(400);
    expect((await json<{ errors: { path: string }[] }>(nul)).errors.map((e) => e.path)).toEqual(['quote']);
    const year0 = await call(testApp, `POST ${P}/escalations`, {
      as: mediator,
      body: { pointId: demoPlanId('p01'), principals: ['Leaders'], question: 'Q?', dueDate: '0000-01-01' },
    });
    expect(year0.status).toBe(400);
    expect((await json<{ errors: { path: string }[] }>(year0)).errors.map((e) => e.path)).toEqual([
      'dueDate',
    ]);
  });

  it("records the leaders' decision once; every participant reads it on the escalation", async () => {
    const created = await json<{ id: string }>(
      await call(testApp, `POST ${P}/escalations`, {
        as: mediator,
        body: { pointId: demoPlanId('p01'), principals: ['Leaders'], question: 'Decide?', dueDate: null },
      }),
    );
    const decide = (as: SignedIn) =>
      call(testApp, `POST ${P}/escalations/${created.id}/decision`, {
        as,
        body: { outcome: 'agreed', note: 'Agreed by the leaders.' },
      });
    expect((await decide(ukraine)).status).toBe(403);
    expect((await decide(mediator)).status).toBe(200);
    expect((await decide(mediator)).status).toBe(409);
    const listed = await json<{
      items: { id: string; decision: { outcome: string; note: string } | null }[];
    }>(await call(testApp, `GET ${P}/escalations?limit=500`, { as: observer }));
    expect(listed.items.find((item) => item.id === created.id)?.decision).toMatchObject({
      outcome: 'agreed',
      note: 'Agreed by the leaders.',
    });
  });
});
