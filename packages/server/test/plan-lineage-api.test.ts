import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LineageProposal, StoredVersionView } from '@parley/core';
import { DEMO_NEGOTIATION } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

const P = `/api/negotiations/${DEMO_NEGOTIATION.id}/plan`;
const GENEVA = demoPlanId('geneva-19');
const PROPOSAL = `${P}/versions/${GENEVA}/lineage-proposal`;

type Point = StoredVersionView['version']['points'][number];

// The Geneva text as a pen-holder would paste it back after editing it in a word processor.
function asMarkdown(points: readonly Point[]): string {
  let topic: string | null = null;
  const lines: string[] = ['# Revised framework', ''];
  points.forEach((point, index) => {
    if (point.topic !== topic && point.topic !== null) lines.push('', `## ${point.topic}`, '');
    topic = point.topic;
    lines.push(`${index + 1}. **${point.title}.** ${point.text}`);
  });
  return `${lines.join('\n')}\n`;
}

describe.each(API_DATABASE_KINDS)('lineage proposal for a revised text on %s', (kind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let ukraine: SignedIn;
  let outsider: SignedIn;
  let geneva: Point[];
  let revised: string;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const sessions = await Promise.all(
      (['mediator', 'ownDelegation', 'outsider'] as const).map((viewer) => signInAs(testApp, viewer)),
    );
    [mediator, ukraine, outsider] = sessions.map((session) => {
      if (session === null) throw new Error('expected a session');
      return session;
    }) as [SignedIn, SignedIn, SignedIn];
    const stored = (await (
      await call(testApp, `GET ${P}/versions/${GENEVA}`, { as: mediator })
    ).json()) as StoredVersionView;
    geneva = stored.version.points;
    // Point 1 amended, points 4 and 5 merged, point 19 dropped, a new point at the end (19 → 18).
    const [first, , , fourth, fifth] = geneva;
    if (first === undefined || fourth === undefined || fifth === undefined) throw new Error('demo changed');
    revised = asMarkdown([
      { ...first, text: `${first.text} This is confirmed by all signatories.` },
      ...geneva.slice(1, 3),
      { ...fourth, title: `${fourth.title} and ${fifth.title}`, text: `${fourth.text} ${fifth.text}` },
      ...geneva.slice(5, 18),
      {
        ...first,
        title: 'Joint commission',
        text: 'A joint commission chaired by the mediator meets monthly to settle disputes over this framework.',
      },
    ]);
  });
  afterAll(async () => handle.close());

  it('proposes rows with scores: an amendment, a merge, renumbered points, a drop and an addition', async () => {
    const response = await call(testApp, `POST ${PROPOSAL}`, { as: mediator, body: { text: revised } });
    expect(response.status).toBe(200);
    const proposal = (await response.json()) as LineageProposal;
    expect(proposal.parent).toMatchObject({ id: GENEVA, points: 19 });
    expect(proposal.points).toHaveLength(18);
    expect(proposal.problems).toEqual([]);
    const rows = proposal.rows.map((row) => [
      row.kind,
      row.from.map((point) => point.number),
      row.to.map((point) => point.number),
    ]);
    expect(rows).toContainEqual(['amended', [1], [1]]);
    expect(rows).toContainEqual(['merged', [4, 5], [4]]);
    expect(rows).toContainEqual(['renumbered', [6], [5]]);
    expect(rows).toContainEqual(['dropped', [19], []]);
    expect(rows).toContainEqual(['renumbered', [18], [17]]);
    expect(rows).toContainEqual(['added', [], [18]]);
    expect(proposal.counts).toMatchObject({ amended: 1, merged: 1, renumbered: 13, dropped: 1, added: 1 });
    const merged = proposal.rows.find((row) => row.kind === 'merged');
    expect(merged?.from.map((point) => point.pointId)).toEqual([geneva[3]?.pointId, geneva[4]?.pointId]);
    expect(merged?.links.every((link) => link.score > 0 && link.score <= 1)).toBe(true);
  });

  it('answers parse problems with their line numbers and proposes nothing', async () => {
    const response = await call(testApp, `POST ${PROPOSAL}`, {
      as: mediator,
      body: { text: '1. First point.\n3. Third point.\n' },
    });
    expect(response.status).toBe(200);
    const proposal = (await response.json()) as LineageProposal;
    expect(proposal.rows).toEqual([]);
    expect(proposal.problems).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('point 3 follows point 1') }),
    ]);
  });

  it('lets only those who may draft a version ask: a party gets 403, a seatless account 404', async () => {
    const asParty = await call(testApp, `POST ${PROPOSAL}`, { as: ukraine, body: { text: revised } });
    expect(asParty.status).toBe(403);
    expect(asParty.headers.get('content-type')).toBe('application/problem+json');
    const asOutsider = await call(testApp, `POST ${PROPOSAL}`, { as: outsider, body: { text: revised } });
    expect(asOutsider.status).toBe(404);
    expect((await call(testApp, `POST ${PROPOSAL}`, { body: { text: revised } })).status).toBe(401);
    const empty = await call(testApp, `POST ${PROPOSAL}`, { as: mediator, body: { text: '' } });
    expect(empty.status).toBe(400);
  });

  it('creates the child from the text and the corrected map: positions follow, flagged where the text changed', async () => {
    const proposal = (await (
      await call(testApp, `POST ${PROPOSAL}`, { as: mediator, body: { text: revised } })
    ).json()) as LineageProposal;
    // The mediator corrects the map: the new point 18 is not new after all but replaces point 19.
    const links = [
      ...proposal.rows.flatMap((row) => row.links.map(({ from, to }) => ({ from, to }))),
      { from: geneva[18]?.pointId ?? '', to: 18 },
    ];
    const overview = (await (await call(testApp, `GET ${P}`, { as: mediator })).json()) as {
      revision: number;
    };
    const bad = await call(testApp, `POST ${P}/versions`, {
      as: mediator,
      body: {
        parentId: GENEVA,
        label: 'Revised',
        text: revised,
        links: [...links, links[0]],
        baseRevision: overview.revision,
      },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toContain(
      'old point 1 is linked to new point 1 twice',
    );
    const created = await call(testApp, `POST ${P}/versions`, {
      as: mediator,
      body: { parentId: GENEVA, label: 'Revised', text: revised, links, baseRevision: overview.revision },
    });
    expect(created.status).toBe(201);
    const child = (await created.json()) as StoredVersionView;
    const ids = child.version.points.map((point) => point.pointId);
    expect(ids[0]).toBe(geneva[0]?.pointId);
    expect(ids[4]).toBe(geneva[5]?.pointId);
    expect(ids[17]).toBe(geneva[18]?.pointId);
    expect(ids[3]).not.toBe(geneva[3]?.pointId);
    expect(child.edges.map((edge) => edge.kind)).toEqual(expect.arrayContaining(['amend', 'merge']));
    expect(child.edges.find((edge) => edge.kind === 'merge')?.from).toEqual([
      geneva[3]?.pointId,
      geneva[4]?.pointId,
    ]);
    const positions = (await (
      await call(testApp, `GET ${P}/versions/${child.version.id}/positions`, { as: mediator })
    ).json()) as { items: { pointId: string; needsReview: boolean }[] };
    const reviewOf = (pointId: string | undefined) =>
      positions.items.filter((position) => position.pointId === pointId).map((p) => p.needsReview);
    expect(reviewOf(geneva[0]?.pointId)).toContain(true);
    expect(reviewOf(geneva[5]?.pointId).length).toBeGreaterThan(0);
    expect(reviewOf(geneva[5]?.pointId).every((needsReview) => !needsReview)).toBe(true);
    expect(reviewOf(geneva[3]?.pointId)).toEqual([]);
  });

  it('refuses operations and a text together, and links into a text that does not parse', async () => {
    const body = { parentId: GENEVA, label: 'x', baseRevision: 99 };
    const both = await call(testApp, `POST ${P}/versions`, {
      as: mediator,
      body: { ...body, text: revised, operations: [{ kind: 'drop', pointId: geneva[0]?.pointId }] },
    });
    expect(both.status).toBe(400);
    const unparsable = await call(testApp, `POST ${P}/versions`, {
      as: mediator,
      body: { ...body, text: '2. Two.', links: [] },
    });
    expect(unparsable.status).toBe(400);
    expect(((await unparsable.json()) as { detail: string }).detail).toContain('line 1');
  });
});
