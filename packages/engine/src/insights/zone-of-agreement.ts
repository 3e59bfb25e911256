import type { AdditiveSpace } from '../model/additive-space';
import type { FrontierPoint } from '../frontier/frontier';

export type ZoneOfAgreement = {
  /** Some outcome gives every party at least its reservation value. */
  readonly exists: boolean;
  /** Frontier points inside the zone (every party ≥ its reservation − tolerance). */
  readonly points: readonly FrontierPoint[];
  /** Share of the frontier inside the zone, 0..1 (0 for an empty frontier). */
  readonly frontierShare: number;
  /** Per party, the most it can get inside the zone (null when the zone is empty). */
  readonly bestFor: readonly (number | null)[];
};

/**
 * The zone of possible agreement from the Pareto frontier: an outcome beats every reservation
 * only if some frontier point that dominates it does, so the zone is empty iff no frontier point is in it.
 */
export function zoneOfAgreement(
  space: AdditiveSpace,
  frontier: readonly FrontierPoint[],
  tolerance = 0,
): ZoneOfAgreement {
  const points = frontier.filter((point) =>
    point.utilities.every((utility, p) => utility >= (space.parties[p]?.reservation ?? 0) - tolerance),
  );
  return {
    exists: points.length > 0,
    points,
    frontierShare: frontier.length === 0 ? 0 : points.length / frontier.length,
    bestFor: space.parties.map((_, p) =>
      points.length === 0 ? null : Math.max(...points.map((point) => point.utilities[p] ?? 0)),
    ),
  };
}
