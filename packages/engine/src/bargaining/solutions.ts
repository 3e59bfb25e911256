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

type Candidate = {
  readonly point: FrontierPoint;
  readonly gainSum: number;
  readonly product: number;
  readonly minimumGain: number;
  readonly utilitySum: number;
  /** Kalai–Smorodinsky spread of normalised gains (filled once the ideal point is known). */
  spread: number;
  readonly gains: readonly number[];
};

/** Values this close (relative) are ties, broken by the larger Σ gains, then the first outcome in enumeration order. */
const TIE = 1e-12;

function isTie(a: number, b: number): boolean {
  return Math.abs(a - b) <= TIE * Math.max(1, Math.abs(a), Math.abs(b));
}

function lexicographicallyBefore(a: Outcome, b: Outcome): boolean {
  for (let index = 0; index < a.length; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference < 0;
  }
  return false;
}

/** The candidate maximising `score` (pass a negated quantity to minimise), ties broken deterministically. */
function best(candidates: readonly Candidate[], score: (candidate: Candidate) => number, report: (candidate: Candidate) => number): Solution | null {
  let chosen: Candidate | undefined;
  let chosenScore = Number.NEGATIVE_INFINITY;
  for (const candidate of candidates) {
    const value = score(candidate);
    const better =
      chosen === undefined ||
      (!isTie(value, chosenScore) && value > chosenScore) ||
      (isTie(value, chosenScore) &&
        (candidate.gainSum > chosen.gainSum + TIE ||
          (Math.abs(candidate.gainSum - chosen.gainSum) <= TIE && lexicographicallyBefore(candidate.point.outcome, chosen.point.outcome))));
    if (better) {
      chosen = candidate;
      chosenScore = value;
    }
  }
  return chosen === undefined ? null : { outcome: chosen.point.outcome, utilities: chosen.point.utilities, value: report(chosen) };
}

/**
 * Nash, Kalai–Smorodinsky, utilitarian and egalitarian points over the rational frontier points
 * (each solution is Pareto-optimal, so searching the frontier suffices). `space.parties[i].reservation`
 * is the disagreement point; `tolerance` is how far below it an outcome still counts as rational.
 */
export function bargainingSolutions(space: AdditiveSpace, frontier: readonly FrontierPoint[], tolerance: number): Solutions {
  const reservations = space.parties.map((party) => party.reservation);
  const ideal = reservations.map(() => Number.NEGATIVE_INFINITY);
  const candidates: Candidate[] = [];
  for (const point of frontier) {
    if (!point.utilities.every((utility, p) => utility >= (reservations[p] ?? 0) - tolerance)) continue;
    const gains = point.utilities.map((utility, p) => utility - (reservations[p] ?? 0));
    let gainSum = 0;
    let product = 1;
    let minimumGain = Number.POSITIVE_INFINITY;
    let utilitySum = 0;
    gains.forEach((gain, p) => {
      gainSum += gain;
      product *= gain;
      minimumGain = Math.min(minimumGain, gain);
      utilitySum += point.utilities[p] ?? 0;
      ideal[p] = Math.max(ideal[p] ?? 0, point.utilities[p] ?? 0);
    });
    candidates.push({ point, gains, gainSum, product, minimumGain, utilitySum, spread: 0 });
  }
  const ranges = ideal.map((value, p) => value - (reservations[p] ?? 0));
  for (const candidate of candidates) {
    let largest = Number.NEGATIVE_INFINITY;
    let smallest = Number.POSITIVE_INFINITY;
    candidate.gains.forEach((gain, p) => {
      const range = ranges[p] ?? 0;
      const share = range > 0 ? gain / range : 1;
      largest = Math.max(largest, share);
      smallest = Math.min(smallest, share);
    });
    candidate.spread = largest - smallest;
  }
  // Kalai–Smorodinsky is undefined when some party cannot gain at all (its ideal is its reservation).
  const ksDefined = candidates.length > 0 && ranges.every((range) => range > tolerance);
  return {
    nash: best(candidates, (candidate) => candidate.product, (candidate) => candidate.product),
    kalaiSmorodinsky: ksDefined ? best(candidates, (candidate) => -candidate.spread, (candidate) => candidate.spread) : null,
    utilitarian: best(candidates, (candidate) => candidate.utilitySum, (candidate) => candidate.utilitySum),
    egalitarian: best(candidates, (candidate) => candidate.minimumGain, (candidate) => candidate.minimumGain),
  };
}
