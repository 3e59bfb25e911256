import { PlanVersionIdSchema, PointIdSchema, type PlanVersionId, type PointId } from '@parley/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { chosenId, readId } from './read-id';

describe('ids read from the page', () => {
  it('brands an id from the address bar, and gives nothing for an empty or missing one', () => {
    const versionId = readId(PlanVersionIdSchema, 'geneva-19');
    expect(versionId).toBe('geneva-19');
    expectTypeOf(versionId).toEqualTypeOf<PlanVersionId | undefined>();
    expect(readId(PlanVersionIdSchema, '')).toBeUndefined();
    expect(readId(PlanVersionIdSchema, null)).toBeUndefined();
    expect(readId(PointIdSchema, 'x'.repeat(201))).toBeUndefined();
  });

  it('takes a select value only when it is one of the listed ids', () => {
    const listed = [PointIdSchema.parse('p1'), PointIdSchema.parse('p2')];
    const chosen = chosenId(listed, 'p2');
    expect(chosen).toBe('p2');
    expectTypeOf(chosen).toEqualTypeOf<PointId | ''>();
    expect(chosenId(listed, 'p3')).toBe('');
  });
});
