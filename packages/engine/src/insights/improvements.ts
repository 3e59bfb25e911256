import { utilitiesOf, type AdditiveSpace, type Outcome } from '../model/additive-space';
import type { FrontierPoint } from '../frontier/frontier';

export type ParetoImprovement = {
  readonly outcome: Outcome;
  readonly utilities: readonly number[];
  readonly gains: readonly number[];
};

/**
 * Pareto-optimal packages that improve on `outcome`: frontier points no worse for anyone and
 * better for someone. Best first: the larger smallest gain, then the larger total gain.
 * An empty list means the package is already Pareto-optimal.
 */
export function paretoImprovements(
  space: AdditiveSpace,
  frontier: readonly FrontierPoint[],
  { outcome, tolerance = 0 }: { readonly outcome: Outcome; readonly tolerance?: number },
): ParetoImprovement[] {
  const current = utilitiesOf(space, outcome);
  const improvements = frontier
    .map((point) => ({
      outcome: point.outcome,
      utilities: point.utilities,
      gains: point.utilities.map((utility, p) => utility - (current[p] ?? 0)),
    }))
    .filter(
      ({ gains }) => gains.every((gain) => gain >= -tolerance) && gains.some((gain) => gain > tolerance),
    );
  const smallest = (improvement: ParetoImprovement) => Math.min(...improvement.gains);
  const total = (improvement: ParetoImprovement) => improvement.gains.reduce((sum, gain) => sum + gain, 0);
  return improvements.sort((a, b) => smallest(b) - smallest(a) || total(b) - total(a));
}
