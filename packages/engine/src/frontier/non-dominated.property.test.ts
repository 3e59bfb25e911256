import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { nonDominated, sortedDescending } from './non-dominated';

/**
 * The filters against the definition, on clouds large enough to give the balanced k-d tree of
 * the 4+-party filter many levels; small integer coordinates make ties and duplicates common.
 */
const cloud = fc.integer({ min: 2, max: 6 }).chain((dimensions) =>
  fc.record({
    dimensions: fc.constant(dimensions),
    vectors: fc.array(
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: dimensions, maxLength: dimensions }),
      { minLength: 0, maxLength: 400 },
    ),
  }),
);

function bruteForce(vectors: readonly number[][]): number[] {
  const dominates = (a: readonly number[], b: readonly number[]) =>
    a.every((value, p) => value >= (b[p] ?? 0)) && a.some((value, p) => value > (b[p] ?? 0));
  // one index per distinct vector: the first one, as the filters keep it
  return vectors
    .map((vector, index) => ({ vector, index }))
    .filter(
      ({ vector, index }) =>
        !vectors.some((other) => dominates(other, vector)) &&
        vectors.findIndex((other) => other.join() === vector.join()) === index,
    )
    .map(({ index }) => index);
}

test.prop([cloud], { numRuns: 300 })(
  'nonDominated keeps exactly the first copy of every non-dominated vector',
  ({ dimensions, vectors }) => {
    const values = Float64Array.from(vectors.flat());
    const kept = nonDominated(values, vectors.length, dimensions).sort((a, b) => a - b);
    expect(kept).toEqual(bruteForce(vectors));
  },
);

/** Coordinates that tie, differ only in their last bits (within one key group) or only in sign. */
const awkward = fc.constantFrom(
  0,
  -0,
  1,
  -1,
  0.3,
  0.1 + 0.2,
  1 + 2 ** -52,
  1 + 2 ** -40,
  -(1 + 2 ** -52),
  5e-324,
  7.5,
);
const awkwardCloud = fc.integer({ min: 3, max: 6 }).chain((dimensions) =>
  fc.record({
    dimensions: fc.constant(dimensions),
    // past 64 vectors, where the keyed sort takes over
    vectors: fc.array(fc.array(awkward, { minLength: dimensions, maxLength: dimensions }), {
      minLength: 65,
      maxLength: 600,
    }),
  }),
);

test.prop([awkwardCloud], { numRuns: 200 })(
  'sortedDescending orders as the lexicographic comparator, index last, through ties, −0 and last-bit differences',
  ({ dimensions, vectors }) => {
    const values = Float64Array.from(vectors.flat());
    const expected = vectors
      .map((_, index) => index)
      .sort((a, b) => {
        for (let p = 0; p < dimensions; p++) {
          const difference = values[b * dimensions + p]! - values[a * dimensions + p]!;
          if (difference !== 0) return difference;
        }
        return a - b;
      });
    expect(Array.from(sortedDescending(values, vectors.length, dimensions))).toEqual(expected);
  },
);
