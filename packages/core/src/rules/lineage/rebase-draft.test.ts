import { describe, expect, it } from 'vitest';
import type { PlanVersion, VersionOperation } from '../../schemas/plan';
import { planVersion, pointId } from '../plan-fixture.test-data';
import { draftConflicts } from './rebase-draft';

const point = (id: string, number: number, text: string) => ({
  pointId: id,
  number,
  title: '',
  text,
  topic: null,
});
const parent = planVersion({
  id: 'third',
  parentId: null,
  label: 'Third draft',
  points: [point('p1', 1, 'Ceasefire.'), point('p2', 2, 'Monitors.'), point('p3', 3, 'Elections.')],
});
// Saved meanwhile from the same parent: point 1 amended, point 3 dropped, a new point first.
const newer: PlanVersion = planVersion({
  id: 'fourth-b',
  parentId: 'third',
  label: 'Fourth draft B',
  points: [
    point('p0', 1, 'Prisoner exchange.'),
    point('p1', 2, 'Ceasefire, under international monitoring.'),
    point('p2', 3, 'Monitors.'),
  ],
});
const ops = (...operations: unknown[]) => operations as VersionOperation[];
const numbers = (operations: VersionOperation[]) =>
  draftConflicts(operations, { parent, newer }).map((conflict) => conflict.number);

describe('draftConflicts', () => {
  it('finds none when the draft touches only points the newer version left as they were', () => {
    // point 2 was renumbered, not changed; a new point may go after it
    expect(numbers(ops({ kind: 'drop', pointId: pointId('p2') }))).toEqual([]);
    expect(
      numbers(ops({ kind: 'add', after: pointId('p2'), point: { pointId: 'n1', title: '', text: 'New.' } })),
    ).toEqual([]);
  });

  it("names each point the draft relies on that the newer version changed or removed, so nobody's change is undone", () => {
    expect(numbers(ops({ kind: 'drop', pointId: pointId('p1') }))).toEqual([1]);
    expect(
      numbers(
        ops(
          {
            kind: 'merge',
            pointIds: [pointId('p2'), pointId('p3')],
            into: { pointId: 'p2', title: '', text: 'x' },
          },
          { kind: 'move', pointId: pointId('p2'), after: pointId('p1') },
        ),
      ),
    ).toEqual([1, 3]);
    expect(numbers(ops({ kind: 'amend', pointId: pointId('p3'), text: 'Elections in spring.' }))).toEqual([
      3,
    ]);
  });
});
