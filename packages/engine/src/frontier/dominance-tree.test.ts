import { describe, expect, it } from 'vitest';
import { DominanceTree } from './dominance-tree';

/** `count` vectors of `dimensions` coordinates, all equal to `value`. */
const flat = (count: number, dimensions: number, value: number) =>
  new Float64Array(count * dimensions).fill(value);

describe('DominanceTree', () => {
  it('starts empty when the previous tree left larger, fully active arrays behind', () => {
    const large = new DominanceTree({ values: flat(400, 4, 9), count: 400, stride: 4, first: 0 });
    for (let index = 0; index < 400; index++) large.activate(index);
    expect(large.covers(0)).toBe(true);
    const small = new DominanceTree({ values: flat(50, 4, 1), count: 50, stride: 4, first: 0 });
    for (let index = 0; index < 50; index++) expect(small.covers(index)).toBe(false);
    expect(small.coverOf(new Float64Array(4))).toBe(-1);
    small.activate(7);
    expect(small.coverOf(new Float64Array(4))).toBe(7);
  });

  it('refuses to answer once a newer tree has reused its arrays', () => {
    const older = new DominanceTree({ values: flat(20, 3, 1), count: 20, stride: 3, first: 0 });
    older.activate(0);
    new DominanceTree({ values: flat(20, 3, 1), count: 20, stride: 3, first: 0 });
    expect(() => older.covers(1)).toThrow(/newer/);
    expect(() => older.activate(1)).toThrow(/newer/);
  });
});
