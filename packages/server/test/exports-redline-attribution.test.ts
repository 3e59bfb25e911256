// An exported redline (issue 14) shows a changed title as a change, and names as the author of
// its tracked changes only someone who made them all: a walk-through found a retitled point shown
// unchanged, and a three-version redline credited wholly to the last version's proposer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { openTestDatabase } from './helpers/each-database';
import { readZip } from './helpers/read-files';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const GENEVA = demoPlanId('geneva-19');
const DRAFT = demoPlanId('draft-28');
const NEW_TITLE = 'Sovereignty reaffirmed';

describe('an exported redline of a retitled point, one version and two versions back', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let ukraine: SignedIn;
  let retitled: string;
  let oldTitle: string;

  const exported = async (body: Record<string, unknown>) => {
    const response = await call(testApp, `POST ${N}/exports`, { as: ukraine, body });
    expect(response.status, JSON.stringify(body)).toBe(201);
    return (await response.json()) as { markdown?: string; downloadUrl: string };
  };
  const authorsOf = async (body: Record<string, unknown>) => {
    const copy = await exported({ ...body, format: 'docx' });
    const bytes = Buffer.from(
      await (await call(testApp, `GET ${copy.downloadUrl}`, { as: ukraine })).arrayBuffer(),
    );
    const document = readZip(bytes).get('word/document.xml') ?? '';
    return new Set(
      [...document.matchAll(/<w:(?:ins|del) w:id="\d+" w:author="([^"]+)"/g)].map((match) => match[1]),
    );
  };

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const [m, u] = await Promise.all([signInAs(testApp, 'mediator'), signInAs(testApp, 'ownDelegation')]);
    if (!m || !u) throw new Error('expected sessions');
    [mediator, ukraine] = [m, u];
    const geneva = (await (
      await call(testApp, `GET ${N}/plan/versions/${GENEVA}`, { as: mediator })
    ).json()) as {
      version: { points: { pointId: string; title: string }[] };
    };
    const point = geneva.version.points[0];
    if (point === undefined) throw new Error('Geneva has points');
    oldTitle = point.title;
    const { revision } = (await (await call(testApp, `GET ${N}/plan`, { as: mediator })).json()) as {
      revision: number;
    };
    // Only the title changes, at Ukraine's proposal.
    const created = await call(testApp, `POST ${N}/plan/versions`, {
      as: mediator,
      body: {
        parentId: GENEVA,
        label: 'Retitled',
        baseRevision: revision,
        operations: [
          { kind: 'amend', pointId: point.pointId, title: NEW_TITLE, proposedBy: DEMO_PARTIES.ukraine.id },
        ],
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    retitled = ((await created.json()) as { version: { id: string } }).version.id;
  });
  afterAll(async () => handle.close());

  it('tracks the new title as a change: the old one deleted, the new one inserted', async () => {
    const copy = await exported({ versionId: retitled, compareToVersionId: GENEVA });
    // The demo's first Geneva point is "Sovereignty confirmed": the word that changed is marked.
    expect(oldTitle).toBe('Sovereignty confirmed');
    // (Read without the copy's invisible fingerprint marks.)
    const markdown = (copy.markdown ?? '').replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
    // In the row's heading, apart from its text (its case, punctuation and spaces are the copy's own
    // house style: the change is not).
    expect(markdown).toMatch(
      /amended, Sovereignty\s<del>confirmed\s<\/del><ins>reaffirmed<\/ins>(?:: | — |\. )The sovereignty/i,
    );
  });

  it("credits a one-version redline to its one proposer, a longer one to the mediator's party", async () => {
    expect(await authorsOf({ versionId: retitled, compareToVersionId: GENEVA })).toEqual(
      new Set([DEMO_PARTIES.ukraine.name]),
    );
    expect(await authorsOf({ versionId: retitled, compareToVersionId: DRAFT })).toEqual(
      new Set([DEMO_PARTIES.unitedStates.name]),
    );
  });
});
