import {
  NegotiationIdSchema,
  PartyIdSchema,
  PlanVersionIdSchema,
  PointIdSchema,
  PositionIdSchema,
  UserIdSchema,
  type PlanVersion,
  type Position,
  type PositionVisibility,
  type Viewer,
} from '@parley/core';
import { describe, expect, it } from 'vitest';
import { LABEL_OF, type LabelSources } from './audit-label-of';
import type { AuditContext } from './audit-material';

const negotiationId = NegotiationIdSchema.parse('00000000-0000-4000-8000-000000000d01');
const ukraine = PartyIdSchema.parse('00000000-0000-4000-8000-000000000e02');
const russia = PartyIdSchema.parse('00000000-0000-4000-8000-000000000e03');
const kept = PointIdSchema.parse('point-kept');
const dropped = PointIdSchema.parse('point-dropped');

const version = (id: string, label: string, points: PlanVersion['points']): PlanVersion => ({
  id: PlanVersionIdSchema.parse(id),
  negotiationId,
  parentId: null,
  label,
  points,
});
const point = (pointId: typeof kept, number: number, title: string) => ({
  pointId,
  number,
  title,
  text: '',
  topic: null,
});
// The draft had both points; the second version dropped one and renumbered the other.
const plan = [
  version('v1', '28-point draft', [point(dropped, 4, 'Amnesty'), point(kept, 12, 'Security guarantees')]),
  version('v2', 'Geneva text', [point(kept, 11, 'Security guarantees')]),
];
const position = (id: string, input: { versionId: string; pointId: typeof kept }): Position => ({
  id: PositionIdSchema.parse(id),
  negotiationId,
  partyId: ukraine,
  versionId: PlanVersionIdSchema.parse(input.versionId),
  pointId: input.pointId,
  value: { kind: 'accept' } as unknown as Position['value'],
  note: 'never in a label',
  visibility: 'private' satisfies PositionVisibility,
  needsReview: false,
  revision: 1,
  recordedAt: '2025-11-20T00:00:00.000Z',
});
const context: AuditContext = {
  negotiationId,
  now: new Date('2025-12-05T12:00:00.000Z'),
  records: new Map(),
  amendments: new Map(),
  rounds: new Map(),
  members: [],
  parties: new Map([
    [ukraine, ukraine],
    [russia, russia],
  ]),
  partyNames: new Map([
    [ukraine, 'Ukraine'],
    [russia, 'Russian Federation'],
  ]),
  positions: new Map([
    ['p-latest', position('p-latest', { versionId: 'v2', pointId: kept })],
    ['p-old', position('p-old', { versionId: 'v1', pointId: dropped })],
    ['p-gone', position('p-gone', { versionId: 'v0', pointId: dropped })],
  ]),
};
const seatFor = (partyId: typeof ukraine): Viewer => ({
  userId: UserIdSchema.parse('00000000-0000-4000-8000-000000000101'),
  memberships: [{ negotiationId, partyId, partyRole: 'party', function: 'lead' }],
});
const sourcesFor = (viewer: Viewer): LabelSources => ({ viewer, negotiationId, context, plan });

describe('audit labels', () => {
  const own = sourcesFor(seatFor(ukraine));

  it('names a position by its party and its point as the point read in that version', () => {
    expect(LABEL_OF.position(own, 'p-latest')).toEqual({
      text: 'Ukraine’s position on point 11 · Security guarantees',
      opens: { page: 'point', pointId: kept, versionId: 'v2' },
    });
    // Dropped since: named as it read then, with the version it read in.
    expect(LABEL_OF.position(own, 'p-old')?.text).toBe(
      'Ukraine’s position on point 4 · Amnesty (in 28-point draft)',
    );
    expect(LABEL_OF.position(own, 'p-gone')).toEqual({
      text: 'Ukraine’s position on a point since dropped',
      opens: null,
    });
  });

  it('asks the policy itself: another party gets no label for a private position, even if asked', () => {
    expect(LABEL_OF.position(sourcesFor(seatFor(russia)), 'p-latest')).toBeUndefined();
    expect(LABEL_OF.position(sourcesFor({ userId: null, memberships: [] }), 'p-latest')).toBeUndefined();
  });

  it('names a point on its own as it last read, and nothing for an id it does not know', () => {
    expect(LABEL_OF.point(own, kept)?.text).toBe('point 11 · Security guarantees');
    expect(LABEL_OF.point(own, dropped)?.text).toBe('point 4 · Amnesty (in 28-point draft)');
    expect(LABEL_OF.record(own, 'no-such-record')).toBeUndefined();
    expect(LABEL_OF.minutes(own, 'no-such-round')).toBeUndefined();
  });
});
