import { outcomeCount, type AdditiveSpace } from '../model/additive-space';
import { solveFrontier, type Solutions } from '../bargaining/solutions';
import { frontierAndFlatPoints, type Frontier, type FrontierOptions } from '../frontier/frontier';
import { toleranceOf, type Semantics } from '../io/compile';
import { analyzeTwoParties } from './two-party';

export type Analysis = {
  readonly semantics: Semantics;
  readonly issues: number;
  readonly outcomes: number;
  /** genius: the frontier over all outcomes; negmas: over rational outcomes only (as NegMAS reports it). */
  readonly frontier: Frontier;
  readonly solutions: Solutions;
};

/**
 * Frontier and bargaining solutions of a compiled space under one semantics. Compiled when the
 * module loads, as are the functions it calls (see compile.ts).
 */
// prettier-ignore
export const analyzeSpace = (function analyzeSpace(
  space: AdditiveSpace,
  semantics: Semantics,
  // no default `{}`: an object literal's first evaluation in a process builds its boilerplate
  options?: Omit<FrontierOptions, 'tolerance'>,
): Analysis {
  const tolerance = toleranceOf(semantics);
  // exact comparison and two parties: the whole analysis in one WebAssembly call (two-party.ts)
  const kernel =
    tolerance === 0 && space.parties.length === 2
      ? analyzeTwoParties(space, Math.min(options?.exactUpTo ?? 20_000, options?.maxSize ?? 20_000))
      : undefined;
  if (kernel !== undefined)
    return {
      semantics,
      issues: space.issues.length,
      outcomes: outcomeCount(space),
      frontier: { exact: true, points: kernel.points },
      solutions: kernel.solutions,
    };
  const { frontier: full, flat } = frontierAndFlatPoints(space, { ...options, tolerance });
  const { rational, solutions } = solveFrontier(space, { points: full.points, flat }, tolerance);
  return {
    semantics,
    issues: space.issues.length,
    outcomes: outcomeCount(space),
    // negmas reports the frontier of the rational outcomes only (its tolerance is 0, so these are they)
    frontier: semantics === 'negmas' ? { ...full, points: rational } : full,
    solutions,
  };
});
