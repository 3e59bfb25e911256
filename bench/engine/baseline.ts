// The enumerating baseline: every outcome's utilities, then the same exact non-dominance filter
// and solutions. What a straightforward implementation (and NegMAS) does; used for comparison only.
import { bargainingSolutions, toleranceOf, type AdditiveSpace, type Semantics } from '@parley/engine';

/** Frontier size by enumeration (genius: before the ε merge, which changes sizes only at 1e-9). */
export function enumerateFrontier(space: AdditiveSpace, semantics: Semantics): number {
  const dimensions = space.parties.length;
  const counts = space.issues.map((issue) => issue.options.length);
  const total = counts.reduce((product, count) => product * count, 1);
  const values = new Float64Array(total * dimensions);
  const outcome = counts.map(() => 0);
  for (let index = 0; index < total; index++) {
    for (let p = 0; p < dimensions; p++) {
      const party = space.parties[p];
      let sum = party?.constant ?? 0;
      for (let issue = 0; issue < counts.length; issue++)
        sum += party?.contributions[issue]?.[outcome[issue] ?? 0] ?? 0;
      values[index * dimensions + p] = sum;
    }
    for (let issue = counts.length - 1; issue >= 0; issue--) {
      outcome[issue] = (outcome[issue] ?? 0) + 1;
      if ((outcome[issue] ?? 0) < (counts[issue] ?? 1)) break;
      outcome[issue] = 0;
    }
  }
  // a simple sort-and-scan filter, as an enumerating tool would use
  const order = Array.from({ length: total }, (_, index) => index).sort((a, b) => {
    for (let p = 0; p < dimensions; p++) {
      const difference = (values[b * dimensions + p] ?? 0) - (values[a * dimensions + p] ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  });
  const kept: number[] = [];
  for (const index of order) {
    const dominated = kept.some((other) => {
      for (let p = 0; p < dimensions; p++)
        if ((values[other * dimensions + p] ?? 0) < (values[index * dimensions + p] ?? 0)) return false;
      return true;
    });
    if (!dominated) kept.push(index);
  }
  const points = kept.map((index) => ({
    outcome: [],
    utilities: Array.from(values.subarray(index * dimensions, (index + 1) * dimensions)),
  }));
  bargainingSolutions(space, points, toleranceOf(semantics));
  return kept.length;
}
