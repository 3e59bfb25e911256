import { outcomeCount, type AdditiveSpace } from '../model/additive-space';
import { bargainingSolutions, type Solutions } from '../bargaining/solutions';
import { paretoFrontier, type Frontier, type FrontierOptions } from '../frontier/frontier';
import { toleranceOf, type Semantics } from '../io/compile';

export type Analysis = {
  readonly semantics: Semantics;
  readonly issues: number;
  readonly outcomes: number;
  /** genius: the frontier over all outcomes; negmas: over rational outcomes only (as NegMAS reports it). */
  readonly frontier: Frontier;
  readonly solutions: Solutions;
};

/** Frontier and bargaining solutions of a compiled space under one semantics. */
export function analyzeSpace(space: AdditiveSpace, semantics: Semantics, options: Omit<FrontierOptions, 'tolerance'> = {}): Analysis {
  const tolerance = toleranceOf(semantics);
  const full = paretoFrontier(space, { ...options, tolerance });
  const frontier =
    semantics === 'negmas'
      ? { ...full, points: full.points.filter((point) => point.utilities.every((utility, p) => utility >= (space.parties[p]?.reservation ?? 0))) }
      : full;
  return {
    semantics,
    issues: space.issues.length,
    outcomes: outcomeCount(space),
    frontier,
    solutions: bargainingSolutions(space, frontier.points, tolerance),
  };
}
