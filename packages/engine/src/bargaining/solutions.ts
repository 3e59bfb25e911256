import type { AdditiveSpace, Outcome } from '../model/additive-space';
import type { FlatPoints, FrontierPoint } from '../frontier/frontier';
import { kernelWith, layoutOf, RESERVATIONS_AT, RESULT_AT, type SolveKernel } from './kernel/solve';

export type Solution = {
  readonly outcome: Outcome;
  readonly utilities: readonly number[];
  /** The optimised quantity: Π gains (Nash), spread (Kalai–Smorodinsky), Σ u (utilitarian), min gain (egalitarian). */
  readonly value: number;
};

export type Solutions = {
  readonly nash: Solution | null;
  readonly kalaiSmorodinsky: Solution | null;
  readonly utilitarian: Solution | null;
  readonly egalitarian: Solution | null;
};

/*
 * Over the rational points (every party gets at least its reservation, less the tolerance): Nash
 * maximises Π gains, utilitarian Σ u, egalitarian the smallest gain, Kalai–Smorodinsky minimises the
 * spread of gains ÷ (the best rational u − reservation), and is null when some party cannot gain
 * at all. Values within 1e-12 (relative) tie, and ties go to the larger Σ gains (by more than
 * 1e-12), then to the outcome first in enumeration order. Computed in a WebAssembly kernel
 * (kernel/solutions.wat, which says why); solutions.test.ts holds it to the plain definition.
 */

// prettier-ignore
const solutionAt = (function solutionAt(point: FrontierPoint | undefined, value: number): Solution | null {
  return point === undefined ? null : { outcome: point.outcome, utilities: point.utilities, value };
});

/** Writes the points' utilities and outcomes where the kernel reads them (unless they come flat). */
// prettier-ignore
const writePoints = (function writePoints(
  kernel: SolveKernel,
  points: readonly FrontierPoint[],
  at: { values: number; outcomes: number; dimensions: number; issues: number },
): void {
  const { f64, i32 } = kernel;
  const { dimensions, issues } = at;
  let value = at.values >> 3;
  let option = at.outcomes >> 2;
  for (let index = 0; index < points.length; index++) {
    const { utilities, outcome } = points[index]!;
    for (let p = 0; p < dimensions; p++) f64[value++] = utilities[p] ?? 0;
    for (let issue = 0; issue < issues; issue++) i32[option++] = outcome[issue] ?? 0;
  }
});

/**
 * The rational points among `points` (every party at least its reservation, less `tolerance`), in
 * order, and the four solutions over them. `flat`, when given, holds the same points laid out as
 * the kernel reads them (the frontier's own arrays), which are then copied in whole.
 */
// prettier-ignore
export const solveFrontier = (function solveFrontier(
  space: AdditiveSpace,
  { points, flat }: { points: readonly FrontierPoint[]; flat: FlatPoints | undefined },
  tolerance: number,
): { rational: FrontierPoint[]; solutions: Solutions } {
  const count = points.length;
  const dimensions = space.parties.length;
  const issues = points[0]?.outcome.length ?? space.issues.length;
  const { valuesAt, outcomesAt, rationalAt, scoresAt, end } = layoutOf(count, dimensions, issues);
  const kernel = kernelWith(end);
  const { f64, i32 } = kernel;
  for (let p = 0; p < dimensions; p++) f64[(RESERVATIONS_AT >> 3) + p] = space.parties[p]!.reservation;
  if (flat !== undefined && flat.values.length === count * dimensions && flat.outcomes.length === count * issues) {
    f64.set(flat.values, valuesAt >> 3);
    i32.set(flat.outcomes, outcomesAt >> 2);
  } else writePoints(kernel, points, { values: valuesAt, outcomes: outcomesAt, dimensions, issues });
  kernel.solve(valuesAt, count, dimensions, outcomesAt, issues, RESERVATIONS_AT, tolerance, rationalAt, scoresAt, RESULT_AT);
  const rational: FrontierPoint[] = [];
  const rationalCount = i32[RESULT_AT >> 2]!;
  for (let k = 0; k < rationalCount; k++) rational.push(points[i32[(rationalAt >> 2) + k]!]!);
  const chosen = (RESULT_AT >> 2) + 1;
  const value = (RESULT_AT + 24) >> 3;
  return {
    rational,
    solutions: {
      nash: solutionAt(rational[i32[chosen]!], f64[value]!),
      kalaiSmorodinsky: solutionAt(rational[i32[chosen + 1]!], f64[value + 1]!),
      utilitarian: solutionAt(rational[i32[chosen + 2]!], f64[value + 2]!),
      egalitarian: solutionAt(rational[i32[chosen + 3]!], f64[value + 3]!),
    },
  };
});

/**
 * Nash, Kalai–Smorodinsky, utilitarian and egalitarian points over the rational frontier points
 * (each solution is Pareto-optimal, so searching the frontier suffices). `space.parties[i].reservation`
 * is the disagreement point; `tolerance` is how far below it an outcome still counts as rational.
 */
// prettier-ignore
export const bargainingSolutions = (function bargainingSolutions(
  space: AdditiveSpace,
  frontier: readonly FrontierPoint[],
  tolerance: number,
): Solutions {
  return solveFrontier(space, { points: frontier, flat: undefined }, tolerance).solutions;
});
