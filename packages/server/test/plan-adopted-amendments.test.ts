import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs, type ViewerKind } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// A probe: a version published as a single text names no proposer on its lineage, but each edge
// also records the amendment it adopted. An amendment is its party's and the mediator's to read;
// were its id shown, Russia, finding one that is none of its own amendments, would know the change
// was another party's proposal (in two-party talks, Ukraine's), and every reader, observers
// included, would learn the id of material it may not see. No gap (listVersionsForViewer redacts
// the id); no test adopted an amendment and read the version as another party, so this one does.
const P = `/api/negotiations/${DEMO_NEGOTIATION.id}/plan`;
const FLORIDA = demoPlanId('florida-20');
type Edge = { kind: string; proposedBy: string | null; amendmentId: string | null };

describe.each(API_DATABASE_KINDS)('a version that adopts an amendment, on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  const as = new Map<ViewerKind, SignedIn>();
  const session = (kind: ViewerKind) => as.get(kind) ?? expect.unreachable(kind);
  let amendmentId: string;
  let versionId: string;

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    for (const kind of ['mediator', 'ownDelegation', 'otherParty', 'observer'] as const) {
      const signed = await signInAs(testApp, kind);
      if (signed === null) throw new Error(`expected a session for ${kind}`);
      as.set(kind, signed);
    }
    const proposed = await call(testApp, `POST ${P}/amendments`, {
      as: session('ownDelegation'),
      body: {
        partyId: DEMO_PARTIES.ukraine.id,
        versionId: FLORIDA,
        pointId: demoPlanId('p10'),
        proposal: { kind: 'replace_text', text: 'Monitoring is joint and continuous.' },
      },
    });
    expect(proposed.status).toBe(201);
    amendmentId = ((await proposed.json()) as { id: string }).id;
    const { revision } = (await (await call(testApp, `GET ${P}`, { as: session('mediator') })).json()) as {
      revision: number;
    };
    const made = await call(testApp, `POST ${P}/versions`, {
      as: session('mediator'),
      body: {
        parentId: FLORIDA,
        label: 'Single text',
        baseRevision: revision,
        attributeChanges: false,
        operations: [
          {
            kind: 'amend',
            pointId: demoPlanId('p10'),
            text: 'Monitoring is joint and continuous.',
            proposedBy: DEMO_PARTIES.ukraine.id,
            amendmentId,
          },
        ],
      },
    });
    expect(made.status).toBe(201);
    versionId = ((await made.json()) as { version: { id: string } }).version.id;
  });
  afterAll(async () => {
    await testApp.deps.events.settled();
    await handle.close();
  });

  const adoptedAs = async (kind: ViewerKind) => {
    const response = await call(testApp, `GET ${P}/versions/${versionId}`, { as: session(kind) });
    expect(response.status).toBe(200);
    const text = await response.text();
    const { edges } = JSON.parse(text) as { edges: Edge[] };
    return { text, adopted: edges.filter((edge) => edge.kind === 'amend').map((edge) => edge.amendmentId) };
  };

  it('names the adopted amendment to its party and to the mediator', async () => {
    expect((await adoptedAs('ownDelegation')).adopted).toEqual([amendmentId]);
    expect((await adoptedAs('mediator')).adopted).toEqual([amendmentId]);
  });

  it('names it to no other party and no observer: the edge reads as a change with no amendment', async () => {
    for (const kind of ['otherParty', 'observer'] as const) {
      const { text, adopted } = await adoptedAs(kind);
      expect(adopted).toEqual([null]);
      expect(text).not.toContain(amendmentId);
    }
  });
});
