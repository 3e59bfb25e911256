import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const UKRAINE = `${N}/parties/${DEMO_PARTIES.ukraine.id}`;
type Problem = { status: number; detail: string; errors?: { path: string }[] };

// Issue 11: the mediator edits what was set up (title, mandate, closure rule, time zone; a party's
// name and whether it is required), with the revision the form showed, so no change is lost.
describe.each(API_DATABASE_KINDS)('editing a negotiation and its parties on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let ukraine: SignedIn;
  let observer: SignedIn;
  let outsider: SignedIn;

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const signIn = async (kind: 'mediator' | 'ownDelegation' | 'observer' | 'outsider') =>
      (await signInAs(testApp, kind)) ?? expect.unreachable();
    mediator = await signIn('mediator');
    ukraine = await signIn('ownDelegation');
    observer = await signIn('observer');
    outsider = await signIn('outsider');
  });
  afterAll(async () => handle.close());

  const read = async (path: string) =>
    (await (await call(testApp, `GET ${path}`, { as: mediator })).json()) as Record<string, unknown>;

  it('lets the mediator change the settings, moves the revision on and audits from → to', async () => {
    const before = await read(N);
    expect(before.revision).toBe(1);
    const changed = await call(testApp, `PATCH ${N}`, {
      as: mediator,
      body: {
        title: 'Talks on ending the war — second phase',
        timeZone: 'America/New_York',
        baseRevision: 1,
      },
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      title: 'Talks on ending the war — second phase',
      timeZone: 'America/New_York',
      closureRule: before.closureRule,
      mandate: before.mandate,
      revision: 2,
    });
    expect(await read(N)).toMatchObject({ title: 'Talks on ending the war — second phase', revision: 2 });
    const audit = (await (
      await call(testApp, `GET ${N}/audit?action=negotiation.update`, { as: mediator })
    ).json()) as {
      items: { action: string; detail: Record<string, unknown> }[];
    };
    expect(audit.items[0]?.detail).toEqual({
      revision: 2,
      changed: ['title', 'timeZone'],
      titleBefore: before.title,
      title: 'Talks on ending the war — second phase',
      timeZoneBefore: before.timeZone,
      timeZone: 'America/New_York',
    });
  });

  it('answers a stale revision with 409 naming what the other person saved, and changes nothing', async () => {
    const current = await read(N);
    const stale = await call(testApp, `PATCH ${N}`, {
      as: mediator,
      body: { title: 'An overwrite', baseRevision: 1 },
    });
    expect(stale.status).toBe(409);
    const problem = (await stale.json()) as Problem;
    expect(problem.errors?.[0]?.path).toBe('baseRevision');
    expect(problem.detail).toContain(String(current.title));
    expect(await read(N)).toEqual(current);
  });

  it('refuses bad input with a 400 naming the field, and an edit from anyone but the mediator staff', async () => {
    const current = await read(N);
    const badZone = await call(testApp, `PATCH ${N}`, {
      as: mediator,
      body: { timeZone: 'Mars/Olympus', baseRevision: current.revision },
    });
    expect(badZone.status).toBe(400);
    expect(JSON.stringify(await badZone.json())).toContain('timeZone');
    const nothing = await call(testApp, `PATCH ${N}`, {
      as: mediator,
      body: { baseRevision: current.revision },
    });
    expect(nothing.status).toBe(400);
    const byParty = await call(testApp, `PATCH ${N}`, {
      as: ukraine,
      body: { title: 'Ukraine renames the talks', baseRevision: current.revision },
    });
    expect(byParty.status).toBe(403);
    const byObserver = await call(testApp, `PATCH ${N}`, {
      as: observer,
      body: { title: 'Observers rename the talks', baseRevision: current.revision },
    });
    expect(byObserver.status).toBe(403);
    // A seatless account cannot tell the negotiation exists.
    const byOutsider = await call(testApp, `PATCH ${N}`, {
      as: outsider,
      body: { title: 'x', baseRevision: current.revision },
    });
    expect(byOutsider.status).toBe(404);
    expect(await read(N)).toEqual(current);
  });

  it('renames a party and changes whether it is required; the status follows', async () => {
    const party = await read(UKRAINE);
    expect(party).toMatchObject({ required: true, revision: 1 });
    const changed = await call(testApp, `PATCH ${UKRAINE}`, {
      as: mediator,
      body: { name: 'Ukraine (delegation of the President)', required: false, baseRevision: 1 },
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      name: 'Ukraine (delegation of the President)',
      required: false,
      role: 'party',
      revision: 2,
    });
    const stale = await call(testApp, `PATCH ${UKRAINE}`, {
      as: mediator,
      body: { required: true, baseRevision: 1 },
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as Problem).detail).toContain('not required');
    const roleChange = await call(testApp, `PATCH ${UKRAINE}`, {
      as: mediator,
      body: { role: 'observer', baseRevision: 2 },
    });
    expect(roleChange.status).toBe(400);
    const byParty = await call(testApp, `PATCH ${UKRAINE}`, {
      as: ukraine,
      body: { name: 'Ukraine', baseRevision: 2 },
    });
    expect(byParty.status).toBe(403);
    const elsewhere = await call(testApp, `PATCH ${N}/parties/00000000-0000-4000-8000-00000000ffff`, {
      as: mediator,
      body: { name: 'Nobody', baseRevision: 1 },
    });
    expect(elsewhere.status).toBe(404);
    expect(await read(UKRAINE)).toMatchObject({ name: 'Ukraine (delegation of the President)', revision: 2 });
  });
});
