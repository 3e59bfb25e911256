import { squaredNormOf, termPostings, type TermVector } from './term-vectors';

/** A clause's closest clause on the other side: its index there and the cosine. */
export type ClosestClause = { readonly index: number; readonly similarity: number };

/**
 * For every clause of each side, the clause of the other side with the highest cosine (the first
 * on a tie; none when it shares no term with any). One pass over an inverted index of the new
 * clauses' terms serves both directions: the work is the number of (old term, new clause with that
 * term) pairs, not old × new clauses, which for a hundred points of real text a side (three
 * hundred clauses each) is the difference between a few milliseconds and a hundred.
 */
export function closestClauses(
  before: readonly TermVector[],
  after: readonly TermVector[],
): { forward: (ClosestClause | undefined)[]; backward: (ClosestClause | undefined)[] } {
  const postings = termPostings(after);
  const afterNorms = after.map(squaredNormOf);
  const forward: (ClosestClause | undefined)[] = before.map(() => undefined);
  const backward: (ClosestClause | undefined)[] = after.map(() => undefined);
  const dot = new Float64Array(after.length);
  before.forEach((vector, from) => {
    const touched: number[] = [];
    for (const [term, weight] of vector)
      for (const posting of postings.get(term) ?? []) {
        if (dot[posting.index] === 0) touched.push(posting.index);
        dot[posting.index] = (dot[posting.index] ?? 0) + weight * posting.weight;
      }
    const norm = squaredNormOf(vector);
    for (const to of touched) {
      const similarity = (dot[to] ?? 0) / Math.sqrt(norm * (afterNorms[to] ?? 0));
      dot[to] = 0;
      const best = forward[from];
      if (
        best === undefined ||
        similarity > best.similarity ||
        (similarity === best.similarity && to < best.index)
      )
        forward[from] = { index: to, similarity };
      // Old clauses come in order, so a strict comparison keeps the first on a tie.
      if (similarity > (backward[to]?.similarity ?? 0)) backward[to] = { index: from, similarity };
    }
  });
  return { forward, backward };
}
