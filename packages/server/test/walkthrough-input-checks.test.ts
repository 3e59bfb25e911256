// Bad input a user walk-through of the web app got stored: blank or future-dated statements,
// escalations due in the past or twice open on one point, and parties or versions that share a name.
// Each is refused with a problem naming the field, and leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const P = `${N}/plan`;
const FLORIDA = demoPlanId('florida-20');

type ProblemBody = { status: number; detail: string; errors: { path: string; message: string }[] };
type Items<T> = { items: T[] };

describe.each(API_DATABASE_KINDS)('walk-through input checks on %s', (kind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;
  const post = (path: string, body: unknown) => call(testApp, `POST ${path}`, { as: mediator, body });
  const read = async <T>(path: string): Promise<T> =>
    json<T>(await call(testApp, `GET ${path}`, { as: mediator }));

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    // The test clock reads 2025-12-05T12:00Z: the demo's dates lie before it.
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const session = await signInAs(testApp, 'mediator');
    if (session === null) throw new Error('expected a session');
    mediator = session;
  });
  afterAll(async () => handle.close());

  const expectProblem = async (response: Response, status: number, field: string): Promise<ProblemBody> => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await json<ProblemBody>(response);
    expect(problem.errors.map((error) => error.path)).toEqual([field]);
    return problem;
  };

  describe('public statements', () => {
    const statement = {
      person: 'Spokesperson',
      partyId: DEMO_PARTIES.ukraine.id,
      date: '2025-12-01',
      source: 'Press briefing',
      quote: 'We will study the text.',
      pointIds: [],
    };
    const quotes = async () => (await read<Items<{ quote: string }>>(`${P}/statements?limit=500`)).items;

    it.each(['person', 'source', 'quote'] as const)(
      'refuses a statement whose %s is only spaces, and keeps text with spaces around it as typed',
      async (field) => {
        const before = await quotes();
        const blank = await post(`${P}/statements`, { ...statement, [field]: ' \t\n ' });
        const problem = await expectProblem(blank, 400, field);
        expect(problem.detail).toContain(field);
        expect(problem.errors[0]?.message).toBe('Must not be blank');
        expect(await quotes()).toEqual(before);

        const padded = { ...statement, [field]: `  Kept as typed (${field})\n` };
        const created = await post(`${P}/statements`, padded);
        expect(created.status).toBe(201);
        expect(await json<Record<string, unknown>>(created)).toMatchObject({ [field]: padded[field] });
      },
    );

    it('refuses a statement dated in the future, but not one dated today somewhere on Earth', async () => {
      const before = await quotes();
      const future = await post(`${P}/statements`, { ...statement, date: '2025-12-07' });
      const problem = await expectProblem(future, 400, 'date');
      expect(problem.detail).toBe('A statement is dated when it was made: 2025-12-07 is in the future.');
      expect(await quotes()).toEqual(before);
      // At 12:00 UTC it is already 6 December east of UTC+12.
      expect((await post(`${P}/statements`, { ...statement, date: '2025-12-06' })).status).toBe(201);
    });
  });

  describe('escalations to the leaders', () => {
    const escalation = (pointKey: string, dueDate: string | null = null) => ({
      pointId: demoPlanId(pointKey),
      principals: ['Leaders'],
      question: 'Can the leaders settle this?',
      dueDate,
    });
    const escalations = async () =>
      (await read<Items<{ id: string; pointId: string; decision: unknown }>>(`${P}/escalations?limit=500`))
        .items;
    const floridaNumberOf = async (pointKey: string): Promise<number> => {
      const florida = await read<{ version: { points: { pointId: string; number: number }[] } }>(
        `${P}/versions/${FLORIDA}`,
      );
      const point = florida.version.points.find((candidate) => candidate.pointId === demoPlanId(pointKey));
      if (point === undefined) throw new Error(`${pointKey} is not in the Florida text`);
      return point.number;
    };

    it('refuses a due date in the past, naming dueDate; today is still accepted', async () => {
      const before = await escalations();
      const past = await post(`${P}/escalations`, escalation('p02', '2025-12-03'));
      const problem = await expectProblem(past, 400, 'dueDate');
      expect(problem.detail).toBe('The due date is in the past: 2025-12-03 is before today (2025-12-05).');
      expect(await escalations()).toEqual(before);
      expect((await post(`${P}/escalations`, escalation('p02', '2025-12-05'))).status).toBe(201);
    });

    it('refuses a second open escalation of a point with 409 until the leaders have decided', async () => {
      // The demo sent point p21 to the leaders at Geneva, on 24 November; they have not decided yet.
      const before = await escalations();
      const again = await post(`${P}/escalations`, escalation('p21'));
      const problem = await expectProblem(again, 409, 'pointId');
      expect(problem.detail).toBe(
        `Point ${await floridaNumberOf('p21')} is already with the leaders since 2025-11-24; record their decision first.`,
      );
      expect(await escalations()).toEqual(before);

      const first = await json<{ id: string }>(await post(`${P}/escalations`, escalation('p03')));
      await expectProblem(await post(`${P}/escalations`, escalation('p03')), 409, 'pointId');
      // A decision is said, not defaulted: a blank one, or one with no outcome, is refused and nothing is stored.
      await expectProblem(
        await post(`${P}/escalations/${first.id}/decision`, { outcome: 'agreed', note: '  ' }),
        400,
        'note',
      );
      const noOutcome = await expectProblem(
        await post(`${P}/escalations/${first.id}/decision`, { outcome: '', note: 'They agreed.' }),
        400,
        'outcome',
      );
      expect(JSON.stringify(noOutcome)).toContain('Choose what the leaders decided.');
      expect((await escalations()).find((item) => item.id === first.id)?.decision ?? null).toBeNull();
      const decided = await post(`${P}/escalations/${first.id}/decision`, {
        outcome: 'agreed',
        note: 'They agreed.',
      });
      expect(decided.status).toBe(200);
      expect((await post(`${P}/escalations`, escalation('p03'))).status).toBe(201);
    });

    it('lets exactly one of two escalations of one point sent at once open', async () => {
      const answers = await Promise.all([
        post(`${P}/escalations`, escalation('p04')),
        post(`${P}/escalations`, escalation('p04')),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      expect((await escalations()).filter((item) => item.pointId === demoPlanId('p04'))).toHaveLength(1);
    });
  });

  describe('party names', () => {
    const parties = async () =>
      (await read<Items<{ id: string; name: string; revision: number }>>(`${N}/parties`)).items;

    it("refuses a new party with another party's name, whatever its case and spaces", async () => {
      const before = await parties();
      const twin = await post(`${N}/parties`, { name: '  uKRAINE ', role: 'party' });
      const problem = await expectProblem(twin, 409, 'name');
      expect(problem.detail).toBe(
        'A party is already named “Ukraine” in this negotiation: choose another name.',
      );
      expect(await parties()).toEqual(before);
    });

    it("refuses renaming a party to another party's name; its own name in another case is fine", async () => {
      const russia = (await parties()).find((party) => party.id === DEMO_PARTIES.russia.id);
      if (russia === undefined) throw new Error('expected the demo party Russia');
      const rename = (partyId: string, name: string, baseRevision: number) =>
        call(testApp, `PATCH ${N}/parties/${partyId}`, { as: mediator, body: { name, baseRevision } });
      const before = await parties();
      await expectProblem(await rename(russia.id, 'ukraine', russia.revision), 409, 'name');
      expect(await parties()).toEqual(before);
      const recased = await rename(russia.id, russia.name.toUpperCase(), russia.revision);
      expect(recased.status).toBe(200);
    });

    it('lets exactly one of two parties given one name at once be added', async () => {
      const answers = await Promise.all([
        post(`${N}/parties`, { name: 'Moldova', role: 'observer' }),
        post(`${N}/parties`, { name: 'moldova', role: 'observer' }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      expect((await parties()).filter((party) => party.name.toLowerCase() === 'moldova')).toHaveLength(1);
    });
  });

  describe('version labels', () => {
    const overview = async () => read<{ revision: number; versions: { id: string; label: string }[] }>(P);

    it("refuses a child version with an existing version's label, whatever its case and spaces", async () => {
      const before = await overview();
      const twin = await post(`${P}/versions`, {
        parentId: FLORIDA,
        label: ' geneva TEXT — 19 points ',
        baseRevision: before.revision,
        operations: [],
      });
      const problem = await expectProblem(twin, 409, 'label');
      expect(problem.detail).toBe(
        'A version is already labelled “Geneva text — 19 points”: choose another label.',
      );
      expect(await overview()).toEqual(before);
    });

    it("refuses a child made from a revised text or an imported plan with an existing version's label", async () => {
      const before = await overview();
      const florida = await read<{ version: { points: { pointId: string }[] } }>(`${P}/versions/${FLORIDA}`);
      const firstPoint = florida.version.points[0]?.pointId;
      const fromText = await post(`${P}/versions`, {
        parentId: FLORIDA,
        label: 'FLORIDA text — 20 points',
        text: '1. Only one point is left.',
        links: [{ from: firstPoint, to: 1 }],
        baseRevision: before.revision,
      });
      await expectProblem(fromText, 409, 'label');
      const imported = await post(`${P}/import`, {
        label: '28-Point Draft',
        text: '1. A fresh start.',
        baseRevision: before.revision,
      });
      await expectProblem(imported, 409, 'label');
      expect(await overview()).toEqual(before);
    });
  });
});
