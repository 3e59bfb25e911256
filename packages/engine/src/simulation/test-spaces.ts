import type { AdditiveSpace } from '../model/additive-space';
import { createRng } from './rng';

/** A random additive space for tests and benchmarks: weights normalised, each issue's best option worth its weight. */
export function generateSpace(options: {
  issues: number;
  options: number;
  parties: number;
  seed: number;
  reservation?: number;
}): AdditiveSpace {
  const rng = createRng(options.seed);
  const issues = Array.from({ length: options.issues }, (_, issue) => ({
    name: `issue-${issue + 1}`,
    options: Array.from({ length: options.options }, (_, option) => `option-${option + 1}`),
  }));
  const parties = Array.from({ length: options.parties }, (_, party) => {
    const rawWeights = issues.map(() => rng.next() + 0.05);
    const weightSum = rawWeights.reduce((sum, weight) => sum + weight, 0);
    return {
      name: `party-${party + 1}`,
      reservation: options.reservation ?? 0,
      constant: 0,
      contributions: issues.map((issue, index) => {
        const values = issue.options.map(() => rng.next());
        const top = Math.max(...values);
        return values.map((value) => ((rawWeights[index] ?? 0) / weightSum) * (value / top));
      }),
    };
  });
  return { issues, parties };
}
