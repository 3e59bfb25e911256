import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import type { FrontierPoint } from '../frontier/frontier';
import type { AdditiveSpace, Outcome } from '../model/additive-space';
import { bargainingSolutions, type Solution, type Solutions } from './solutions';

/*
 * The definition, written plainly: the JavaScript the kernel replaced, which the engine's figures
 * against NegMAS were first checked with. The kernel must agree with it bit for bit.
 */
const TIE = 1e-12;
const isTie = (a: number, b: number) => Math.abs(a - b) <= TIE * Math.max(1, Math.abs(a), Math.abs(b));

function enumeratedBefore(a: Outcome, b: Outcome): boolean {
  for (let index = 0; index < a.length; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference < 0;
  }
  return false;
}

function referenceSolutions(
  space: AdditiveSpace,
  frontier: readonly FrontierPoint[],
  tolerance: number,
): Solutions {
  const reservations = space.parties.map((party) => party.reservation);
  const points = frontier.filter((point) =>
    point.utilities.every((utility, p) => !(utility < reservations[p]! - tolerance)),
  );
  const gains = points.map((point) => point.utilities.map((utility, p) => utility - reservations[p]!));
  const gainSum = gains.map((gain) => gain.reduce((total, value) => total + value, 0));
  const product = gains.map((gain) => gain.reduce((total, value) => total * value, 1));
  const minimumGain = gains.map((gain) => gain.reduce((least, value) => Math.min(least, value), Infinity));
  const utilitySum = points.map((point) => point.utilities.reduce((total, value) => total + value, 0));
  const ideal = reservations.map((_, p) =>
    points.reduce((best, point) => Math.max(best, point.utilities[p]!), -Infinity),
  );
  const ranges = ideal.map((value, p) => value - reservations[p]!);
  const ksDefined = points.length > 0 && ranges.every((range) => range > tolerance);
  const shares = points.map((point) =>
    point.utilities.map((utility, p) => (ranges[p]! > 0 ? (utility - reservations[p]!) / ranges[p]! : 1)),
  );
  const largest = shares.map((share) => share.reduce((most, value) => Math.max(most, value), -Infinity));
  const smallest = shares.map((share) => share.reduce((least, value) => Math.min(least, value), Infinity));
  const spread = largest.map((value, index) => value - smallest[index]!);
  const negatedSpread = largest.map((value, index) => smallest[index]! - value);
  const best = (score: number[], report: number[]): Solution | null => {
    let chosen = -1;
    points.forEach((point, index) => {
      const value = score[index]!;
      const better =
        chosen === -1 ||
        (!isTie(value, score[chosen]!) && value > score[chosen]!) ||
        (isTie(value, score[chosen]!) &&
          (gainSum[index]! > gainSum[chosen]! + TIE ||
            (Math.abs(gainSum[index]! - gainSum[chosen]!) <= TIE &&
              enumeratedBefore(point.outcome, points[chosen]!.outcome))));
      if (better) chosen = index;
    });
    const point = points[chosen];
    return point === undefined
      ? null
      : { outcome: point.outcome, utilities: point.utilities, value: report[chosen]! };
  };
  return {
    nash: best(product, product),
    kalaiSmorodinsky: ksDefined ? best(negatedSpread, spread) : null,
    utilitarian: best(utilitySum, utilitySum),
    egalitarian: best(minimumGain, minimumGain),
  };
}

/** Equal with every number bit for bit (Object.is: 0 and −0 differ, NaN equals NaN). */
const exact = (value: unknown) =>
  JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'number' ? (Object.is(item, -0) ? '-0' : String(item)) : item,
  );

// Few distinct utilities (tenths, −0 among them) and outcomes, so scores, gain sums and outcomes tie.
const frontierCase = fc.integer({ min: 2, max: 6 }).chain((parties) =>
  fc.record({
    reservations: fc.array(fc.integer({ min: -2, max: 4 }), { minLength: parties, maxLength: parties }),
    points: fc.array(
      fc.record({
        utilities: fc.array(fc.integer({ min: -1, max: 9 }), { minLength: parties, maxLength: parties }),
        outcome: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
      }),
      { maxLength: 60 },
    ),
    tolerance: fc.constantFrom(0, 1e-9, 0.15),
  }),
);

const tenths = (value: number) => (value === -1 ? -0 : value / 10);

test.prop([frontierCase], { numRuns: 400 })(
  'the kernel finds the rational points and the four solutions exactly as the definition does',
  ({ reservations, points, tolerance }) => {
    const space: AdditiveSpace = {
      issues: [0, 1, 2].map((issue) => ({ name: `i${issue}`, options: ['a', 'b', 'c'] })),
      parties: reservations.map((reservation, p) => ({
        name: `p${p}`,
        reservation: tenths(reservation),
        constant: 0,
        contributions: [],
      })),
    };
    const frontier = points.map((point) => ({
      utilities: point.utilities.map(tenths),
      outcome: point.outcome,
    }));
    expect(exact(bargainingSolutions(space, frontier, tolerance))).toBe(
      exact(referenceSolutions(space, frontier, tolerance)),
    );
  },
);
