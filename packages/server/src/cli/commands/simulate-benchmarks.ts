import {
  bargainingSolutions,
  paretoFrontier,
  toleranceOf,
  type AdditiveSpace,
  type Benchmarks,
  type Semantics,
} from '@parley/engine';

/**
 * The frontier and Nash point agreements are measured against, from the engine's analysis (no
 * enumeration). On very large frontiers the engine returns an ε-approximation; distances to it
 * are then approximate by the same amount.
 */
export function computeBenchmarks(space: AdditiveSpace, semantics: Semantics = 'genius'): Benchmarks {
  const tolerance = toleranceOf(semantics);
  const frontier = paretoFrontier(space, { tolerance });
  const nash = bargainingSolutions(space, frontier.points, tolerance).nash;
  return {
    frontier: frontier.points.map((point) => point.utilities),
    nash: nash === null ? null : nash.utilities,
  };
}
