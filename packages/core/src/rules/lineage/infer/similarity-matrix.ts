import { squaredNormOf, termPostings, type TermVector } from './term-vectors';

/** Cosine and shared mass of every old × new pair of whole points, computed once. */
export type SimilarityMatrix = {
  readonly cosine: (from: number, to: number) => number;
  readonly shared: (from: number, to: number) => number;
};

/**
 * Both measures for all pairs through an inverted index of the new points' terms: the work is the
 * number of (old term, new point with that term) pairs, not old × new × terms, and the whole
 * points' vectors never change while links are made.
 */
export function similarityMatrix(
  before: readonly TermVector[],
  after: readonly TermVector[],
): SimilarityMatrix {
  const columns = after.length;
  const postings = termPostings(after);
  const dot = new Float64Array(before.length * columns);
  const shared = new Float64Array(before.length * columns);
  before.forEach((vector, from) => {
    const row = from * columns;
    for (const [term, weight] of vector)
      for (const posting of postings.get(term) ?? []) {
        const cell = row + posting.index;
        dot[cell] = (dot[cell] ?? 0) + weight * posting.weight;
        shared[cell] = (shared[cell] ?? 0) + Math.min(weight, posting.weight);
      }
  });
  const norm = (vector: TermVector) => Math.sqrt(squaredNormOf(vector));
  const beforeNorms = before.map(norm);
  const afterNorms = after.map(norm);
  return {
    cosine: (from, to) => {
      const denominator = (beforeNorms[from] ?? 0) * (afterNorms[to] ?? 0);
      return denominator === 0 ? 0 : (dot[from * columns + to] ?? 0) / denominator;
    },
    shared: (from, to) => shared[from * columns + to] ?? 0,
  };
}
