import { randomUUID } from 'node:crypto';
import { PointIdSchema, StoredVersionSchema, type PointId, type VersionOperation } from '@parley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DRAFT_POINTS, DEMO_TOPICS, GENEVA_OPERATIONS } from '../src/demo/plan-data';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// "Done means": a user reproduces the demo story through the API from an empty plan — the draft
// pasted as Markdown, the Geneva operations applied — and the redline reads 28 → 19.
function draftMarkdown(): string {
  const lines = ['# 28-point draft'];
  let topic = '';
  DEMO_DRAFT_POINTS.forEach((point, index) => {
    if (point.topic !== topic) lines.push('', `## ${DEMO_TOPICS[point.topic]}`);
    topic = point.topic;
    lines.push(`${index + 1}. **${point.title}.** ${point.text}`);
  });
  return lines.join('\n');
}

function remap(operations: readonly VersionOperation[], ids: Map<string, PointId>): VersionOperation[] {
  const id = (key: string): PointId => {
    const known = ids.get(key) ?? PointIdSchema.parse(randomUUID());
    ids.set(key, known);
    return known;
  };
  return operations.map((operation): VersionOperation => {
    const bare = { proposedBy: null, roundId: null, amendmentId: null };
    switch (operation.kind) {
      case 'merge':
        return {
          ...operation,
          ...bare,
          pointIds: operation.pointIds.map(id),
          into: { ...operation.into, pointId: id(operation.into.pointId) },
        };
      case 'split':
        return {
          ...operation,
          ...bare,
          pointId: id(operation.pointId),
          into: operation.into.map((part) => ({ ...part, pointId: id(part.pointId) })),
        };
      case 'add':
        return {
          ...operation,
          ...bare,
          point: { ...operation.point, pointId: id(operation.point.pointId) },
          after: operation.after === null ? null : id(operation.after),
        };
      case 'move':
        return {
          ...operation,
          ...bare,
          pointId: id(operation.pointId),
          after: operation.after === null ? null : id(operation.after),
        };
      default:
        return { ...operation, ...bare, pointId: id(operation.pointId) };
    }
  });
}

describe('replaying the demo plan through the API', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    mediator = (await signInAs(testApp, 'mediator')) as SignedIn;
  });
  afterAll(async () => handle.close());

  it('imports the 28-point draft, applies the Geneva round and reads the redline as 28 → 19', async () => {
    const negotiation = (await (
      await call(testApp, 'POST /api/negotiations', {
        as: mediator,
        body: { title: 'Replay', closureRule: 'all-or-nothing', mediatorPartyName: 'Mediator' },
      })
    ).json()) as { id: string };
    const base = `/api/negotiations/${negotiation.id}/plan`;
    const imported = await call(testApp, `POST ${base}/import`, {
      as: mediator,
      body: { label: '28-point draft', text: draftMarkdown(), baseRevision: 0 },
    });
    expect(imported.status).toBe(201);
    const draft = StoredVersionSchema.parse(await imported.json());
    expect(draft.version.points).toHaveLength(28);
    expect(draft.version.points[20]).toMatchObject({ title: 'Territorial arrangements', topic: 'Territory' });
    const ids = new Map(
      DEMO_DRAFT_POINTS.flatMap((point, index) => {
        const stored = draft.version.points[index];
        return stored === undefined ? [] : [[point.key, stored.pointId] as const];
      }),
    );
    const geneva = await call(testApp, `POST ${base}/versions`, {
      as: mediator,
      body: {
        parentId: draft.version.id,
        label: 'Geneva text',
        baseRevision: 1,
        operations: remap(GENEVA_OPERATIONS, ids),
      },
    });
    expect(geneva.status).toBe(201);
    const genevaVersion = (await geneva.json()) as { version: { id: string; points: unknown[] } };
    expect(genevaVersion.version.points).toHaveLength(19);
    const redline = (await (
      await call(testApp, `GET ${base}/versions/${draft.version.id}/compare/${genevaVersion.version.id}`, {
        as: mediator,
      })
    ).json()) as { counts: Record<string, number>; from: { points: number }; to: { points: number } };
    expect([redline.from.points, redline.to.points]).toEqual([28, 19]);
    expect(redline.counts).toEqual({
      unchanged: 1,
      renumbered: 6,
      amended: 7,
      merged: 5,
      split: 0,
      restructured: 0,
      dropped: 3,
      added: 0,
    });
  });
});
