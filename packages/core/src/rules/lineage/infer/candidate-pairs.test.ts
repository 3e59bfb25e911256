import { describe, expect, it } from 'vitest';
import { CandidatePairs } from './candidate-pairs';

describe('CandidatePairs', () => {
  // Old 0 pairs with new 0 and 2, old 1 with none, old 2 with new 0, 1 and 2.
  const kept = new Set(['0 0', '0 2', '2 0', '2 1', '2 2']);
  const pairs = new CandidatePairs({ before: 3, after: 3 }, (from, to) => kept.has(`${from} ${to}`));
  const named = (positions: number[]) => positions.map((at) => `${pairs.from[at]} ${pairs.to[at]}`);

  it('lists the pairs in old-then-new order', () => {
    expect(pairs.size).toBe(5);
    expect(named([0, 1, 2, 3, 4])).toEqual(['0 0', '0 2', '2 0', '2 1', '2 2']);
  });

  it("names an old point's pairs, within a range of new points", () => {
    expect(named(pairs.ofOld(2))).toEqual(['2 0', '2 1', '2 2']);
    expect(named(pairs.ofOld(2, 1, 1))).toEqual(['2 1']);
    expect(pairs.ofOld(1)).toEqual([]);
  });

  it("names a new point's pairs, within a range of old points", () => {
    expect(named(pairs.ofNew(0))).toEqual(['0 0', '2 0']);
    expect(named(pairs.ofNew(2, 1))).toEqual(['2 2']);
    expect(pairs.ofNew(1, 0, 1)).toEqual([]);
  });
});
