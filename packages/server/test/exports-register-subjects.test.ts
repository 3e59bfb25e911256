import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserIdSchema } from '@parley/core';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_RECORDS } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import { labelSubjects } from '../src/exports/subject-labels';
import { cachedNegotiation } from '../src/services/cached-reads';
import { loadViewer } from '../src/services/viewer';
import { listExportRegister } from '../src/storage/exports';
import type { DatabaseHandle } from '../src/storage/database';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

type Listed = { items: { id: string; kind: string; subject: string }[] };

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const GENEVA = demoPlanId('geneva-19');
const DRAFT = demoPlanId('draft-28');
const demoRecord = (party: string, classification: string) => {
  const record = DEMO_RECORDS.find(
    (candidate) => candidate.party === party && candidate.classification === classification,
  );
  if (record === undefined) throw new Error(`no demo ${party} ${classification} record`);
  return record;
};

// The register named every copy by its kind and a hashed file name: eight "Record" rows a mediator
// could not tell apart. Each now says what it is of, and never what the viewer may not read.
describe.each(API_DATABASE_KINDS)('what the copies register says each copy is of, on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let russia: SignedIn;

  const exported = async (as: SignedIn, body: Record<string, unknown>): Promise<string> => {
    const response = await call(testApp, `POST ${N}/exports`, { as, body });
    expect(response.status, JSON.stringify(body)).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const register = async (as: SignedIn) => {
    const response = await call(testApp, `GET ${N}/exports?limit=200`, { as });
    expect(response.status).toBe(200);
    return response.text();
  };
  const subjectsById = async (as: SignedIn) =>
    new Map(((JSON.parse(await register(as)) as Listed).items ?? []).map((item) => [item.id, item.subject]));

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const [m, r] = await Promise.all([signInAs(testApp, 'mediator'), signInAs(testApp, 'otherParty')]);
    if (m === null || r === null) throw new Error('expected sessions');
    [mediator, russia] = [m, r];
  });
  afterAll(async () => handle.close());

  it('names the record, version, redline, point and round each readable copy is of', async () => {
    const version = (await (
      await call(testApp, `GET ${N}/plan/versions/${GENEVA}`, { as: mediator })
    ).json()) as {
      version: { label: string; points: { pointId: string; number: number; title: string }[] };
    };
    const point = version.version.points[2];
    const rounds = (await (await call(testApp, `GET ${N}/plan/rounds`, { as: mediator })).json()) as {
      items: { id: string; name: string }[];
    };
    const round = rounds.items[0];
    if (point === undefined || round === undefined) throw new Error('expected a point and a round');
    const transcript = demoRecord('unitedStates', 'parties');
    const ids = {
      record: await exported(mediator, { kind: 'record', recordId: transcript.id }),
      redline: await exported(mediator, { versionId: GENEVA, compareToVersionId: DRAFT }),
      point: await exported(mediator, { kind: 'point-history', versionId: GENEVA, pointId: point.pointId }),
      readout: await exported(mediator, { kind: 'round-readout', roundId: round.id }),
    };
    const subjects = await subjectsById(mediator);
    expect(subjects.get(ids.record)).toBe(transcript.title);
    expect(subjects.get(ids.redline)).toMatch(new RegExp(`^${version.version.label}, redline from `));
    expect(subjects.get(ids.point)).toBe(`${point.number}. ${point.title} (${version.version.label})`);
    expect(subjects.get(ids.readout)).toBe(round.name);
  });

  it("never shows the mediator the title of a delegation's internal record a delegation made a copy of", async () => {
    const russiasNote = demoRecord('russia', 'delegation');
    const copyId = await exported(russia, { kind: 'record', recordId: russiasNote.id });
    // Its own delegation reads the note, so the label is there for it...
    expect((await subjectsById(russia)).get(copyId)).toBe(russiasNote.title);
    // ...and nowhere in anything the mediator is sent.
    expect(await register(mediator)).not.toContain(russiasNote.title);
  });

  it('labels a copy the viewer may fetch but whose record it may not read as restricted, and audits no title', async () => {
    // The register lists no such copy to the staff today (copy-access.ts); the labels must not
    // depend on that filter, so they are asked for the copy directly.
    const russiasNote = demoRecord('russia', 'delegation');
    await exported(russia, { kind: 'record', recordId: russiasNote.id });
    const negotiation = await cachedNegotiation(handle.db, DEMO_NEGOTIATION.id);
    if (negotiation === undefined) throw new Error('expected the demo negotiation');
    const copies = (await listExportRegister(handle.db, DEMO_NEGOTIATION.id)).filter(
      (copy) => copy.recordId === russiasNote.id,
    );
    const staff = await loadViewer(testApp.deps, UserIdSchema.parse(DEMO_ACCOUNTS.mediator.id));
    const { labelOf, recordsNamed } = await labelSubjects(testApp.deps, staff, { negotiation, copies });
    expect(copies.map(labelOf)).toEqual(copies.map(() => 'Record (restricted)'));
    expect(recordsNamed).toEqual([]);
  });
});
