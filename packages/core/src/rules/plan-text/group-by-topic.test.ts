import { describe, expect, it } from 'vitest';
import { groupByTopic } from './group-by-topic';

const point = (number: number, topic: string | null) => ({ number, topic });

describe('groupByTopic', () => {
  it('orders topics as the text first reaches them and points by number within each', () => {
    const groups = groupByTopic([point(3, 'B'), point(1, 'A'), point(4, 'A'), point(2, 'B'), point(5, null)]);
    expect(groups.map((group) => [group.topic, group.points.map((p) => p.number)])).toEqual([
      ['A', [1, 4]],
      ['B', [2, 3]],
      [null, [5]],
    ]);
  });
});
