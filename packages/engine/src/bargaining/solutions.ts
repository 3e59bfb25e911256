import type { AdditiveSpace, Outcome } from '../model/additive-space';
import type { FrontierPoint } from '../frontier/frontier';

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
 * These run in every analysis, the first of a process included: functions compiled when the module
 * loads, plain loops, no callbacks (io/compile.ts says why).
 */

/** The rational frontier points and, per point, each quantity a solution optimises (flat arrays: this runs on 10⁴-point frontiers). */
type Candidates = {
  readonly points: readonly FrontierPoint[];
  readonly gainSum: Float64Array;
  readonly product: Float64Array;
  readonly minimumGain: Float64Array;
  readonly utilitySum: Float64Array;
  /** Kalai–Smorodinsky spread of normalised gains. */
  readonly spread: Float64Array;
};

/** Values this close (relative) are ties, broken by the larger Σ gains, then the first outcome in enumeration order. */
const TIE = 1e-12;

// prettier-ignore
const isTie = (function isTie(a: number, b: number): boolean {
  return Math.abs(a - b) <= TIE * Math.max(1, Math.abs(a), Math.abs(b));
});

// prettier-ignore
const lexicographicallyBefore = (function lexicographicallyBefore(a: Outcome, b: Outcome): boolean {
  for (let index = 0; index < a.length; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference < 0;
  }
  return false;
});

/** The index of the candidate maximising `score` (negate a quantity to minimise it), ties broken deterministically; −1 if none. */
// prettier-ignore
const bestIndex = (function bestIndex(candidates: Candidates, score: Float64Array): number {
  const { points, gainSum } = candidates;
  let chosen = -1;
  let chosenScore = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < points.length; index++) {
    const value = score[index]!;
    const better =
      chosen === -1 ||
      (!isTie(value, chosenScore) && value > chosenScore) ||
      (isTie(value, chosenScore) &&
        (gainSum[index]! > gainSum[chosen]! + TIE ||
          (Math.abs(gainSum[index]! - gainSum[chosen]!) <= TIE &&
            lexicographicallyBefore(points[index]!.outcome, points[chosen]!.outcome))));
    if (better) {
      chosen = index;
      chosenScore = value;
    }
  }
  return chosen;
});

/** The best candidate by `score` (see bestIndex: its loop is a function of its own, as in fillGains), reporting `report`. */
// prettier-ignore
const best = (function best(
  candidates: Candidates,
  score: Float64Array,
  report: Float64Array,
): Solution | null {
  const chosen = bestIndex(candidates, score);
  const point = candidates.points[chosen];
  return point === undefined
    ? null
    : { outcome: point.outcome, utilities: point.utilities, value: report[chosen]! };
});

/** Every party gets at least its reservation (less the tolerance). A plain loop: this runs per frontier point. */
// prettier-ignore
export const isRational = (function isRational(
  utilities: readonly number[],
  reservations: readonly number[],
  tolerance: number,
): boolean {
  for (let p = 0; p < utilities.length; p++)
    if ((utilities[p] ?? 0) < (reservations[p] ?? 0) - tolerance) return false;
  return true;
});

/**
 * Each point's gains, their sum, product and minimum, and its utility sum; returns the ideal point.
 * The per-point loops are functions of their own: the first analysis optimises a long loop while it
 * runs (on-stack replacement), and code after it in the same function that has never run would
 * send the function back to the interpreter when reached.
 */
// prettier-ignore
const fillGains = (function fillGains(
  candidates: Candidates,
  reservations: readonly number[],
  dimensions: number,
): Float64Array {
  const points = candidates.points;
  const count = points.length;
  const ideal = new Float64Array(dimensions).fill(Number.NEGATIVE_INFINITY);
  for (let index = 0; index < count; index++) {
    const utilities = points[index]!.utilities;
    let gainSum = 0;
    let product = 1;
    let minimumGain = Number.POSITIVE_INFINITY;
    let utilitySum = 0;
    for (let p = 0; p < dimensions; p++) {
      const utility = utilities[p] ?? 0;
      const gain = utility - reservations[p]!;
      gainSum += gain;
      product *= gain;
      minimumGain = Math.min(minimumGain, gain);
      utilitySum += utility;
      ideal[p] = Math.max(ideal[p]!, utility);
    }
    candidates.gainSum[index] = gainSum;
    candidates.product[index] = product;
    candidates.minimumGain[index] = minimumGain;
    candidates.utilitySum[index] = utilitySum;
  }
  return ideal;
});

/** Each point's Kalai–Smorodinsky spread; returns the spreads negated (the score `best` maximises). */
// prettier-ignore
const fillSpreads = (function fillSpreads(
  candidates: Candidates,
  reservations: readonly number[],
  ranges: Float64Array,
): Float64Array {
  const points = candidates.points;
  const count = points.length;
  const dimensions = ranges.length;
  const negatedSpread = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const utilities = points[index]!.utilities;
    let largest = Number.NEGATIVE_INFINITY;
    let smallest = Number.POSITIVE_INFINITY;
    for (let p = 0; p < dimensions; p++) {
      const range = ranges[p]!;
      const share = range > 0 ? ((utilities[p] ?? 0) - reservations[p]!) / range : 1;
      largest = Math.max(largest, share);
      smallest = Math.min(smallest, share);
    }
    candidates.spread[index] = largest - smallest;
    negatedSpread[index] = smallest - largest;
  }
  return negatedSpread;
});

/** The rational points, in order (a loop of its own: see fillGains). */
// prettier-ignore
const rationalOf = (function rationalOf(
  frontier: readonly FrontierPoint[],
  reservations: readonly number[],
  tolerance: number,
): FrontierPoint[] {
  const points: FrontierPoint[] = [];
  for (const point of frontier) if (isRational(point.utilities, reservations, tolerance)) points.push(point);
  return points;
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
  const dimensions = space.parties.length;
  const reservations: number[] = [];
  for (const party of space.parties) reservations.push(party.reservation);
  const points = rationalOf(frontier, reservations, tolerance);
  const count = points.length;
  const candidates: Candidates = {
    points,
    gainSum: new Float64Array(count),
    product: new Float64Array(count),
    minimumGain: new Float64Array(count),
    utilitySum: new Float64Array(count),
    spread: new Float64Array(count),
  };
  const ideal = fillGains(candidates, reservations, dimensions);
  const ranges = new Float64Array(dimensions);
  // Kalai–Smorodinsky is undefined when some party cannot gain at all (its ideal is its reservation).
  let ksDefined = count > 0;
  for (let p = 0; p < dimensions; p++) {
    ranges[p] = ideal[p]! - reservations[p]!;
    if (!(ranges[p]! > tolerance)) ksDefined = false;
  }
  const negatedSpread = fillSpreads(candidates, reservations, ranges);
  return {
    nash: best(candidates, candidates.product, candidates.product),
    kalaiSmorodinsky: ksDefined ? best(candidates, negatedSpread, candidates.spread) : null,
    utilitarian: best(candidates, candidates.utilitySum, candidates.utilitySum),
    egalitarian: best(candidates, candidates.minimumGain, candidates.minimumGain),
  };
});
