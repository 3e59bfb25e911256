import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import type { DatabaseHandle } from '../src/storage/database';
import { listNegotiationAuditEntries } from '../src/storage/audit-log';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

const P = `/api/negotiations/${DEMO_NEGOTIATION.id}/plan`;
const FLORIDA = demoPlanId('florida-20');
type Edge = {
  kind: string;
  from: string[];
  to: string[];
  proposedBy: string | null;
  amendmentId: string | null;
};

describe.each(API_DATABASE_KINDS)('drafting a version on %s', (kind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let ukraine: SignedIn;
  let russia: SignedIn;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const sessions = await Promise.all(
      (['mediator', 'ownDelegation', 'otherParty'] as const).map((viewer) => signInAs(testApp, viewer)),
    );
    [mediator, ukraine, russia] = sessions.map((session) => {
      if (session === null) throw new Error('expected a session');
      return session;
    }) as [SignedIn, SignedIn, SignedIn];
  });
  afterAll(async () => {
    // The last change's event is logged after its answer; the database must outlive it.
    await testApp.deps.events.settled();
    await handle.close();
  });

  it('publishes a single text without naming proposers; the audit log keeps who proposed what', async () => {
    const proposed = await call(testApp, `POST ${P}/amendments`, {
      as: ukraine,
      body: {
        partyId: DEMO_PARTIES.ukraine.id,
        versionId: FLORIDA,
        pointId: demoPlanId('p10'),
        proposal: { kind: 'replace_text', text: 'Monitoring is joint and continuous.' },
        rationale: '',
      },
    });
    expect(proposed.status).toBe(201);
    const amendment = (await proposed.json()) as { id: string };
    const revision = (
      (await (await call(testApp, `GET ${P}`, { as: mediator })).json()) as { revision: number }
    ).revision;
    const made = await call(testApp, `POST ${P}/versions`, {
      as: mediator,
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
            amendmentId: amendment.id,
          },
          { kind: 'drop', pointId: demoPlanId('p13'), proposedBy: DEMO_PARTIES.russia.id },
        ],
      },
    });
    expect(made.status).toBe(201);
    const created = (await made.json()) as { version: { id: string }; edges: Edge[] };
    expect(created.edges.filter((edge) => edge.kind !== 'renumber').map((edge) => edge.proposedBy)).toEqual([
      null,
      null,
    ]);
    // What Russia reads of the new version names no proposer either.
    const read = (await (
      await call(testApp, `GET ${P}/versions/${created.version.id}`, { as: russia })
    ).json()) as { edges: Edge[] };
    expect(read.edges.every((edge) => edge.proposedBy === null)).toBe(true);
    // The amendment is still adopted by the version.
    const amendments = (await (await call(testApp, `GET ${P}/amendments`, { as: ukraine })).json()) as {
      items: { id: string; fate: { state: string; versionId?: string } }[];
    };
    expect(amendments.items.find((item) => item.id === amendment.id)?.fate).toEqual({
      state: 'adopted',
      versionId: created.version.id,
    });
    const [entry] = await listNegotiationAuditEntries(handle.db, {
      negotiationId: DEMO_NEGOTIATION.id,
      actionFamily: 'plan.version.create',
      limit: 1,
    });
    expect(entry?.detail.attribution).toEqual([
      {
        kind: 'amend',
        from: [demoPlanId('p10')],
        to: [demoPlanId('p10')],
        proposedBy: DEMO_PARTIES.ukraine.id,
      },
      { kind: 'drop', from: [demoPlanId('p13')], to: [], proposedBy: DEMO_PARTIES.russia.id },
    ]);
  });

  it('keeps proposers on the lineage by default', async () => {
    const revision = (
      (await (await call(testApp, `GET ${P}`, { as: mediator })).json()) as { revision: number }
    ).revision;
    const made = await call(testApp, `POST ${P}/versions`, {
      as: mediator,
      body: {
        parentId: FLORIDA,
        label: 'Attributed',
        baseRevision: revision,
        operations: [{ kind: 'drop', pointId: demoPlanId('p13'), proposedBy: DEMO_PARTIES.russia.id }],
      },
    });
    expect(made.status).toBe(201);
    const created = (await made.json()) as { edges: Edge[] };
    expect(created.edges.find((edge) => edge.kind === 'drop')?.proposedBy).toBe(DEMO_PARTIES.russia.id);
  });
});
