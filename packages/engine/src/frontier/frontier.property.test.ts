import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bargainingSolutions } from '../bargaining/solutions';
import { utilitiesOf, type AdditiveSpace, type Outcome } from '../model/additive-space';
import { paretoFrontier } from './frontier';
import { mergeNearPoints } from './tolerance';

/** Random small spaces: 2–5 parties, 1–4 issues of 1–4 options; small integers give many ties. */
function spaceArbitrary(value: fc.Arbitrary<number>): fc.Arbitrary<AdditiveSpace> {
  return fc
    .record({
      parties: fc.integer({ min: 2, max: 5 }),
      options: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
    })
    .chain(({ parties, options }) =>
      fc
        .array(
          fc.record({
            reservation: fc.integer({ min: 0, max: 6 }),
            contributions: fc.tuple(
              ...options.map((count) => fc.array(value, { minLength: count, maxLength: count })),
            ),
          }),
          { minLength: parties, maxLength: parties },
        )
        .map((drawn) => ({
          issues: options.map((count, issue) => ({
            name: `i${issue}`,
            options: Array.from({ length: count }, (_, option) => `o${option}`),
          })),
          parties: drawn.map((party, index) => ({
            name: `p${index}`,
            reservation: party.reservation,
            constant: 0,
            contributions: party.contributions,
          })),
        })),
    );
}

function enumerate(space: AdditiveSpace): Outcome[] {
  let outcomes: number[][] = [[]];
  for (const issue of space.issues)
    outcomes = outcomes.flatMap((prefix) => issue.options.map((_, option) => [...prefix, option]));
  return outcomes;
}

const dominates = (a: readonly number[], b: readonly number[], epsilon: number) =>
  a.every((value, p) => value >= (b[p] ?? 0) - epsilon) &&
  a.some((value, p) => value > (b[p] ?? 0) + epsilon);

/** The frontier by brute force: every outcome, keep those nothing dominates, distinct vectors once. */
function bruteForceFrontier(space: AdditiveSpace): number[][] {
  const vectors = enumerate(space).map((outcome) => utilitiesOf(space, outcome));
  const kept = vectors.filter((vector) => !vectors.some((other) => dominates(other, vector, 0)));
  const unique = new Map(kept.map((vector) => [vector.join(','), vector]));
  return [...unique.values()].sort(compareVectors);
}

function compareVectors(a: readonly number[], b: readonly number[]): number {
  for (let p = 0; p < a.length; p++) if ((a[p] ?? 0) !== (b[p] ?? 0)) return (a[p] ?? 0) - (b[p] ?? 0);
  return 0;
}

describe('the merged frontier equals brute-force enumeration', () => {
  test.prop([spaceArbitrary(fc.integer({ min: 0, max: 5 }))], { numRuns: 500 })(
    'integer utilities (many ties)',
    (space) => {
      const frontier = paretoFrontier(space);
      expect(frontier.exact).toBe(true);
      expect(frontier.points.map((point) => point.utilities).sort(compareVectors)).toEqual(
        bruteForceFrontier(space),
      );
      // every witness outcome really has the utilities it is listed with
      for (const point of frontier.points) expect(utilitiesOf(space, point.outcome)).toEqual(point.utilities);
    },
  );

  test.prop([spaceArbitrary(fc.double({ min: 0, max: 1, noNaN: true }))], { numRuns: 400 })(
    'real utilities',
    (space) => {
      expect(
        paretoFrontier(space)
          .points.map((point) => point.utilities)
          .sort(compareVectors),
      ).toEqual(bruteForceFrontier(space));
    },
  );

  // Decimals whose sums depend on the order of addition (0.1 + 0.2 ≠ 0.3): with 3+ parties the
  // merge order differs from file order, and the frontier must still be enumeration's, bit for bit.
  test.prop([spaceArbitrary(fc.constantFrom(0.1, 0.2, 0.3, 0.6, 0.7, 1 / 3))], { numRuns: 600 })(
    'utilities whose sums round differently by order',
    (space) => {
      const frontier = paretoFrontier(space);
      expect(frontier.points.map((point) => point.utilities).sort(compareVectors)).toEqual(
        bruteForceFrontier(space),
      );
      for (const point of frontier.points) expect(point.utilities).toEqual(utilitiesOf(space, point.outcome));
    },
  );

  test.prop([spaceArbitrary(fc.integer({ min: 0, max: 5 }))], { numRuns: 200 })(
    'solutions searched on the frontier equal those over all rational outcomes',
    (space) => {
      const everyOutcome = enumerate(space).map((outcome) => ({
        outcome,
        utilities: utilitiesOf(space, outcome),
      }));
      const fromFrontier = bargainingSolutions(space, paretoFrontier(space).points, 0);
      const fromAll = bargainingSolutions(space, everyOutcome, 0);
      for (const name of ['nash', 'utilitarian', 'egalitarian'] as const) {
        expect(fromFrontier[name]?.value ?? null, name).toBe(fromAll[name]?.value ?? null);
      }
    },
  );
});

describe('ε-tolerance (genius)', () => {
  // utilities on a 0.6ε grid make ε-ties and ε-dominance common
  const epsilon = 1e-9;
  test.prop([spaceArbitrary(fc.integer({ min: 0, max: 5 }).map((step) => step * 0.6 * epsilon))], {
    numRuns: 150,
  })('no returned point is ε-dominated by any outcome', (space) => {
    const points = mergeNearPoints(paretoFrontier(space).points, epsilon);
    const vectors = enumerate(space).map((outcome) => utilitiesOf(space, outcome));
    for (const point of points)
      expect(vectors.some((vector) => dominates(vector, point.utilities, epsilon))).toBe(false);
  });

  // With a tolerance and 3+ parties the merge takes the widest issue first (sums round differently
  // from enumeration's); what it returns must still hold against enumeration.
  const grid = fc.integer({ min: 0, max: 5 }).map((step) => step * 0.6 * epsilon);
  test.prop(
    [fc.oneof(spaceArbitrary(grid), spaceArbitrary(fc.constantFrom(0.1, 0.2, 0.3, 0.6, 0.7, 1 / 3)))],
    { numRuns: 300 },
  )(
    'the reordered merge returns no ε-dominated point, with utilities summed as enumeration sums them',
    (space) => {
      const points = paretoFrontier(space, { tolerance: epsilon }).points;
      const vectors = enumerate(space).map((outcome) => utilitiesOf(space, outcome));
      for (const point of points) {
        expect(point.utilities).toEqual(utilitiesOf(space, point.outcome));
        expect(vectors.some((vector) => dominates(vector, point.utilities, epsilon))).toBe(false);
      }
    },
  );
});

test('a frontier larger than the cap is approximated, never silently truncated', () => {
  const options = Array.from({ length: 40 }, (_, option) => `o${option}`);
  const line = options.map((_, option) => option / 39);
  const space: AdditiveSpace = {
    issues: [
      { name: 'a', options },
      { name: 'b', options },
      { name: 'c', options },
    ],
    parties: [
      {
        name: 'x',
        reservation: 0,
        constant: 0,
        contributions: [line, line.map((v) => v * v), line.map((v) => Math.sqrt(v))],
      },
      {
        name: 'y',
        reservation: 0,
        constant: 0,
        contributions: [
          line.map((v) => 1 - v),
          line.map((v) => 1 - v * v),
          line.map((v) => 1 - Math.sqrt(v)),
        ],
      },
      {
        name: 'z',
        reservation: 0,
        constant: 0,
        contributions: [
          line.map((v) => v * (1 - v)),
          line.map((v) => Math.abs(v - 0.3)),
          line.map((v) => Math.abs(v - 0.7)),
        ],
      },
    ],
  };
  // no limits: the exact frontier to check against (the default limits would thin this space)
  const exact = paretoFrontier(space, {
    exactUpTo: Number.POSITIVE_INFINITY,
    maxSize: Number.POSITIVE_INFINITY,
  });
  const approximate = paretoFrontier(space, { maxSize: 200 });
  expect(exact.exact).toBe(true);
  expect(exact.points.length).toBeGreaterThan(200);
  expect(approximate.exact).toBe(false);
  const bound = approximate.approximation?.additive ?? [];
  expect(bound.every((value) => value > 0)).toBe(true);
  // every exact frontier point is within the reported bound of some approximate point
  for (const point of exact.points) {
    const covered = approximate.points.some((candidate) =>
      candidate.utilities.every((value, p) => value >= (point.utilities[p] ?? 0) - (bound[p] ?? 0) - 1e-12),
    );
    expect(covered).toBe(true);
  }
});
