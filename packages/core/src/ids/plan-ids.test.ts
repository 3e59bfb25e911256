import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  PlanVersionIdSchema,
  PointIdSchema,
  StoredPlanVersionIdSchema,
  StoredPointIdSchema,
  type PlanVersionId,
  type PointId,
  type RoundId,
} from './plan-ids';

describe('plan-local ids', () => {
  it('accept the readable slugs of plan files and the demo, and UUIDs', () => {
    expect(PointIdSchema.parse('p09')).toBe('p09');
    expect(PlanVersionIdSchema.parse('00000000-0000-4000-8000-000000000001')).toBe(
      '00000000-0000-4000-8000-000000000001',
    );
    expect(PointIdSchema.safeParse('').success).toBe(false);
    expect(PointIdSchema.safeParse('x'.repeat(201)).success).toBe(false);
    expect(PointIdSchema.safeParse('p\u00001').success).toBe(false);
  });

  it('insist on a UUID where a request names a stored version or point', () => {
    expect(StoredPlanVersionIdSchema.safeParse('draft-28').success).toBe(false);
    expect(StoredPointIdSchema.safeParse('00000000-0000-4000-8000-000000000001').success).toBe(true);
    expectTypeOf(
      StoredPlanVersionIdSchema.parse('00000000-0000-4000-8000-000000000001'),
    ).toEqualTypeOf<PlanVersionId>();
    expectTypeOf(StoredPointIdSchema.parse('00000000-0000-4000-8000-000000000001')).toEqualTypeOf<PointId>();
  });

  it('keep a point id from standing in for a version id, and both from plain strings', () => {
    const pointId = PointIdSchema.parse('p1');
    expectTypeOf(pointId).toEqualTypeOf<PointId>();
    expectTypeOf(pointId).not.toEqualTypeOf<PlanVersionId>();
    expectTypeOf(pointId).toExtend<string>();
    // @ts-expect-error a PointId is not a PlanVersionId
    const versionId: PlanVersionId = pointId;
    // @ts-expect-error a PlanVersionId is not a RoundId either
    const roundId: RoundId = PlanVersionIdSchema.parse('v1');
    // @ts-expect-error a plain string must be parsed before it is an id
    const unparsed: PointId = 'p1';
    expect([versionId, roundId, unparsed]).toEqual(['p1', 'v1', 'p1']);
  });
});
