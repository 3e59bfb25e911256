import type { PointFeatures } from './text-features';

/** Term → weight, for one point (or what is left of it once its links explain part of it). */
export type TermVector = ReadonlyMap<string, number>;

// Adjacent word pairs separate "rent increase" from "increase in rent-free months"; they count
// half as much as words, so that a paraphrase (which breaks most pairs) still scores on its words.
const PAIR_WEIGHT = 0.5;

/**
 * TF-IDF vectors of words and adjacent word pairs over the points of both versions: a word that
 * appears in every point ("tenants", "works") says little about which point is which; a rare one
 * ("bathroom", "25000") says a lot.
 */
export function termVectors(points: readonly PointFeatures[]): TermVector[] {
  const counts = points.map((point) => termCounts(point.words));
  const documentFrequency = new Map<string, number>();
  for (const terms of counts)
    for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  return counts.map((terms) => {
    const vector = new Map<string, number>();
    for (const [term, count] of terms) {
      const idf = Math.log(1 + points.length / (documentFrequency.get(term) ?? 1));
      vector.set(term, count * idf);
    }
    return vector;
  });
}

function termCounts(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, weight: number) => counts.set(term, (counts.get(term) ?? 0) + weight);
  words.forEach((word, index) => {
    add(word, 1);
    const next = words[index + 1];
    if (next !== undefined) add(`${word} ${next}`, PAIR_WEIGHT);
  });
  return counts;
}

/** Sum of the weights: how much content a vector holds. */
export function massOf(vector: TermVector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight;
  return sum;
}

/** Σ weight²: the squared length of a vector. */
export function squaredNormOf(vector: TermVector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return sum;
}

/**
 * For each term, the vectors holding it (by index) with its weight there: an inverted index, so
 * comparing one vector with many costs the terms they share, not every pair of terms.
 */
export function termPostings(
  vectors: readonly TermVector[],
): Map<string, { index: number; weight: number }[]> {
  const postings = new Map<string, { index: number; weight: number }[]>();
  vectors.forEach((vector, index) => {
    for (const [term, weight] of vector) {
      const list = postings.get(term) ?? [];
      list.push({ index, weight });
      postings.set(term, list);
    }
  });
  return postings;
}

/** Cosine similarity, 0 (nothing shared) to 1 (same terms in the same proportions). */
export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [term, weight] of a) {
    normA += weight * weight;
    const other = b.get(term);
    if (other !== undefined) dot += weight * other;
  }
  for (const weight of b.values()) normB += weight * weight;
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/** The content two vectors share: Σ min(a, b). Divided by a's mass, it is how much of a is found in b. */
export function sharedMass(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) {
    const other = large.get(term);
    if (other !== undefined) sum += Math.min(weight, other);
  }
  return sum;
}

// The parts of a split repeat the phrases that hold them together ("the observers", "the line of
// contact"): the part already linked must not use them up, so a term keeps this share of its weight.
export const KEPT_SHARE = 0.4;

/** What is left of a vector once the given vectors have explained part of it. */
export function residualOf(
  vector: TermVector,
  explainedBy: readonly TermVector[],
  keptShare = KEPT_SHARE,
): TermVector {
  if (explainedBy.length === 0) return vector;
  const left = new Map<string, number>();
  for (const [term, weight] of vector) {
    let rest = weight;
    for (const other of explainedBy) rest -= other.get(term) ?? 0;
    rest = Math.max(rest, explainedBy.some((other) => other.has(term)) ? weight * keptShare : rest);
    if (rest > 1e-9) left.set(term, rest);
  }
  return left;
}
