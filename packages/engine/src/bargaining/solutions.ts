import type { AdditiveSpace, Outcome } from '../model/additive-space';
import type { FrontierPoint } from '../frontier/frontier';
import { solveInKernel, type FlatPoints, type SolvedPoints } from './kernel/solve';

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
const reservationsOf = (function reservationsOf(space: AdditiveSpace): number[] {
  const reservations: number[] = [];
  for (let p = 0; p < space.parties.length; p++) reservations.push(space.parties[p]!.reservation);
  return reservations;
});

// prettier-ignore
const solutionAt = (function solutionAt(point: FrontierPoint | undefined, value: number): Solution | null {
  return point === undefined ? null : { outcome: point.outcome, utilities: point.utilities, value };
});

/** The rational points among `points`, in order, as the kernel found them. */
// prettier-ignore
export const rationalOf = (function rationalOf(
  points: readonly FrontierPoint[],
  solved: SolvedPoints,
): FrontierPoint[] {
  const rational: FrontierPoint[] = [];
  for (let k = 0; k < solved.rational.length; k++) rational.push(points[solved.rational[k]!]!);
  return rational;
});

/** The solutions the kernel chose, as points of `rational` (rationalOf's list). */
// prettier-ignore
export const solutionsOf = (function solutionsOf(
  rational: readonly FrontierPoint[],
  solved: SolvedPoints,
): Solutions {
  const { chosen, values } = solved;
  return {
    nash: solutionAt(rational[chosen[0]!], values[0]!),
    kalaiSmorodinsky: solutionAt(rational[chosen[1]!], values[1]!),
    utilitarian: solutionAt(rational[chosen[2]!], values[2]!),
    egalitarian: solutionAt(rational[chosen[3]!], values[3]!),
  };
});

/** The rational points and the solutions of points already laid out flat (the frontier's own arrays). */
// prettier-ignore
export const solveFlat = (function solveFlat(
  space: AdditiveSpace,
  flat: FlatPoints,
  tolerance: number,
): SolvedPoints {
  const { count, dimensions, issues } = flat;
  const fill = (values: Float64Array, outcomes: Int32Array) => {
    values.set(flat.values.subarray(0, count * dimensions));
    outcomes.set(flat.outcomes.subarray(0, count * issues));
  };
  return solveInKernel({ count, dimensions, issues, fill }, { reservations: reservationsOf(space), tolerance });
});

/** The rational points of `points` and the solutions over them. */
// prettier-ignore
export const solvePoints = (function solvePoints(
  space: AdditiveSpace,
  points: readonly FrontierPoint[],
  tolerance: number,
): SolvedPoints {
  const dimensions = space.parties.length;
  const issues = points[0]?.outcome.length ?? space.issues.length;
  const fill = (values: Float64Array, outcomes: Int32Array) => {
    for (let index = 0; index < points.length; index++) {
      const { utilities, outcome } = points[index]!;
      for (let p = 0; p < dimensions; p++) values[index * dimensions + p] = utilities[p] ?? 0;
      for (let issue = 0; issue < issues; issue++) outcomes[index * issues + issue] = outcome[issue] ?? 0;
    }
  };
  return solveInKernel(
    { count: points.length, dimensions, issues, fill },
    { reservations: reservationsOf(space), tolerance },
  );
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
  const solved = solvePoints(space, frontier, tolerance);
  return solutionsOf(rationalOf(frontier, solved), solved);
});
