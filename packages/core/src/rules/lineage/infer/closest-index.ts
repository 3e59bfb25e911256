/** The index in 0..count−1 with the highest positive score (the first on a tie), or undefined if none scores above 0. */
export function closestIndex(count: number, score: (index: number) => number): number | undefined {
  let best: number | undefined;
  let bestScore = 0;
  for (let index = 0; index < count; index += 1) {
    const value = score(index);
    if (value > bestScore) [best, bestScore] = [index, value];
  }
  return best;
}
