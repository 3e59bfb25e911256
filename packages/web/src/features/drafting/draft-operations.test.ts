import {
  PlanVersionSchema,
  VersionOperationSchema,
  type PlanVersion,
  type VersionOperation,
} from '@parley/core';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { applyDraft, describeOperation, withOperation } from './draft-operations';

// Readable slugs, parsed into the branded ids the rules take.
const operation = (input: z.input<typeof VersionOperationSchema>): VersionOperation =>
  VersionOperationSchema.parse(input);
const PARENT: PlanVersion = PlanVersionSchema.parse({
  id: 'v1',
  negotiationId: '00000000-0000-4000-8000-00000000d001',
  parentId: null,
  label: 'First draft',
  points: [
    { pointId: 'a', number: 1, title: 'Berths', text: 'Ships berth in order.', topic: null },
    { pointId: 'b', number: 2, title: 'Pilots', text: 'Every ship takes a pilot.', topic: null },
    { pointId: 'c', number: 3, title: 'Fees', text: 'Fees are fixed.', topic: null },
  ],
});

describe('a draft in the browser', () => {
  it('applies a merge and a drop and redlines the result against its parent', () => {
    const draft = applyDraft(
      PARENT,
      [
        operation({
          kind: 'merge',
          pointIds: ['a', 'b'],
          into: { pointId: 'a', title: 'Port', text: 'Ships berth with a pilot.' },
        }),
        operation({ kind: 'drop', pointId: 'c' }),
      ],
      'Second draft',
    );
    if (!draft.ok) throw new Error(draft.problems.join('; '));
    expect(draft.version.points.map((point) => point.title)).toEqual(['Port']);
    expect(draft.redline.counts).toMatchObject({ merged: 1, dropped: 1 });
  });

  it('reports the problem of an operation on a point that is gone, and produces nothing', () => {
    const draft = applyDraft(
      PARENT,
      [operation({ kind: 'drop', pointId: 'c' }), operation({ kind: 'amend', pointId: 'c', text: 'x' })],
      'x',
    );
    expect(draft.ok).toBe(false);
  });

  it('folds a second amendment of the same point into the first', () => {
    const once = withOperation([], operation({ kind: 'amend', pointId: 'a', title: 'Quays' }));
    expect(withOperation(once, operation({ kind: 'amend', pointId: 'a', text: 'New text.' }))).toEqual([
      { kind: 'amend', pointId: 'a', title: 'Quays', text: 'New text.' },
    ]);
  });

  it("describes each change in the parent's numbering, an amendment by the fields it changes", () => {
    const amend = operation({
      kind: 'amend',
      pointId: 'c',
      title: 'Fees',
      text: 'Fees are indexed.',
      topic: null,
    });
    expect(describeOperation(amend, PARENT)).toBe('Amend point 3 (text)');
    // After a drop of point 1 the draft numbers point 3 as 2; the change still names it 3.
    expect(describeOperation(operation({ kind: 'drop', pointId: 'a' }), PARENT)).toBe('Drop point 1');
    expect(describeOperation(operation({ kind: 'move', pointId: 'c', after: null }), PARENT)).toBe(
      'Move point 3 to the top',
    );
  });

  it('names a point new in the draft by its title, not "a new point"', () => {
    const added = operation({
      kind: 'add',
      after: null,
      point: { pointId: 'n', title: 'Humanitarian access', text: 'Aid passes.' },
    });
    const next = operation({
      kind: 'add',
      after: 'n',
      point: { pointId: 'm', title: 'Tolls', text: 'None.' },
    });
    const draft = applyDraft(PARENT, [added, next], 'Draft');
    expect(draft.ok).toBe(true);
    expect(describeOperation(next, PARENT, draft.ok ? draft.version.points : [])).toBe(
      'Add “Tolls” after “Humanitarian access”',
    );
  });
});
