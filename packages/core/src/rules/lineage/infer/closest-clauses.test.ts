import { describe, expect, it } from 'vitest';
import { closestClauses } from './closest-clauses';
import { cosine, type TermVector } from './term-vectors';

const vector = (entries: Record<string, number>): TermVector => new Map(Object.entries(entries));

describe('closestClauses', () => {
  const before = [vector({ rent: 2, month: 1 }), vector({ pet: 3, deposit: 1 }), vector({ roof: 1 })];
  const after = [vector({ pet: 3, deposit: 2 }), vector({ rent: 2, month: 1, euro: 1 }), vector({ rent: 2 })];

  it('gives each clause the clause of the other side with the highest cosine', () => {
    const { forward, backward } = closestClauses(before, after);
    expect(forward.map((closest) => closest?.index)).toEqual([1, 0, undefined]);
    expect(backward.map((closest) => closest?.index)).toEqual([1, 0, 0]);
    expect(forward[0]?.similarity).toBeCloseTo(cosine(before[0]!, after[1]!), 12);
  });

  it('keeps the first clause when two are equally close', () => {
    const { forward, backward } = closestClauses(
      [vector({ fee: 1 }), vector({ fee: 1 })],
      [vector({ fee: 2 }), vector({ fee: 5 })],
    );
    expect(forward.map((closest) => closest?.index)).toEqual([0, 0]);
    expect(backward.map((closest) => closest?.index)).toEqual([0, 0]);
  });
});
