import {
  applyOperations,
  PlanVersionIdSchema,
  PointIdSchema,
  PositionIdSchema,
  VersionOperationSchema,
  type NegotiationId,
  type PartyId,
  type PlanVersion,
  type Position,
} from '@parley/core';
import { describe, expect, it } from 'vitest';
import { carriedPositions } from './plan-versions';

// Issue #11: positions follow their points into a revision, also through merges and splits, and
// are flagged for review where the text changed.

// Versions and points are named by readable slugs, parsed into the ids the rules take.
const versionId = (slug: string) => PlanVersionIdSchema.parse(slug);
const pointId = (slug: string) => PointIdSchema.parse(slug);

const parent: PlanVersion = {
  id: versionId('v1'),
  negotiationId: 'n' as NegotiationId,
  parentId: null,
  label: 'v1',
  points: ['Ceasefire now.', 'Monitors deploy.', 'Elections soon.', 'Prisoners exchanged.'].map(
    (text, i) => ({ pointId: pointId(`p${i + 1}`), number: i + 1, title: '', text, topic: null }),
  ),
};

const position = (
  point: string,
  partyId: string,
  value: Position['value'],
  visibility: Position['visibility'] = 'parties',
): Position => ({
  id: PositionIdSchema.parse(`${point}-${partyId}`),
  negotiationId: 'n' as NegotiationId,
  partyId: partyId as PartyId,
  versionId: versionId('v1'),
  pointId: pointId(point),
  value,
  note: `${partyId} on ${point}`,
  visibility,
  needsReview: false,
  revision: 3,
  recordedAt: '2026-11-20T10:00:00.000Z',
});

const applied = applyOperations({
  parent,
  child: { id: versionId('v2'), label: 'v2' },
  operations: VersionOperationSchema.array().parse([
    {
      kind: 'merge',
      pointIds: ['p1', 'p2'],
      into: { pointId: 'p1', title: '', text: 'Ceasefire, monitored.' },
    },
    {
      kind: 'split',
      pointId: 'p3',
      into: [
        { pointId: 'p3', title: '', text: 'Elections within a year.' },
        { pointId: 's3', title: '', text: 'Observers at every polling station.' },
      ],
    },
  ]),
});
if (!applied.ok) throw new Error(applied.problems[0]?.message);
const entry = { version: applied.value.version, edges: [...applied.value.edges] };

let ids = 0;
const carried = carriedPositions(
  [
    position('p1', 'ukraine', 'accept'),
    position('p2', 'ukraine', 'red_line', 'mediator'),
    position('p2', 'russia', 'accept'),
    position('p3', 'russia', 'amend', 'private'),
    position('p4', 'ukraine', 'accept'),
  ],
  { entry, parent, newId: () => PositionIdSchema.parse(`carried-${(ids += 1)}`) },
);
const on = (pointId: string, partyId: string) =>
  carried.find((found) => found.pointId === pointId && found.partyId === partyId);

describe('carriedPositions', () => {
  it('gives a merged point each party’s most guarded position, with the narrowest visibility, for review', () => {
    expect(on('p1', 'ukraine')).toMatchObject({
      versionId: 'v2',
      value: 'red_line',
      visibility: 'mediator',
      needsReview: true,
      revision: 1,
    });
    // A party that held a position on one source only keeps it, flagged: the text it judged changed.
    expect(on('p1', 'russia')).toMatchObject({ value: 'accept', needsReview: true });
  });

  it('keeps every note a party wrote on the points joined, each headed by its old number', () => {
    expect(on('p1', 'ukraine')?.note).toBe('Point 1: ukraine on p1\nPoint 2: ukraine on p2');
    // one source only: the note as it was written, no heading
    expect(on('p1', 'russia')?.note).toBe('russia on p2');
  });

  it('gives every part of a split the position on the point it came from', () => {
    expect(on('p3', 'russia')).toMatchObject({ value: 'amend', visibility: 'private', needsReview: true });
    expect(on('s3', 'russia')).toMatchObject({ value: 'amend', visibility: 'private', needsReview: true });
  });

  it('carries an untouched point as it was, not flagged, and nothing onto points without a past', () => {
    expect(on('p4', 'ukraine')).toMatchObject({ value: 'accept', needsReview: false, versionId: 'v2' });
    expect(carried.filter((found) => found.pointId === 'p2')).toEqual([]);
    expect(carried).toHaveLength(5);
    expect(new Set(carried.map((found) => found.id)).size).toBe(5);
  });
});
