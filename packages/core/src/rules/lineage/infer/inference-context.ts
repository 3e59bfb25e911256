import type { InferenceContext, LineageInputPoint } from './lineage-types';
import { similarityMatrix } from './similarity-matrix';
import { pointFeatures, rememberingStemmer } from './text-features';
import { termVectors } from './term-vectors';

/** Features, vectors and pair similarities of both versions, weighted over the points of both. */
export function inferenceContext(
  before: readonly LineageInputPoint[],
  after: readonly LineageInputPoint[],
): InferenceContext {
  const stem = rememberingStemmer();
  const features = [...before, ...after].map((point) => pointFeatures(point, stem));
  const vectors = termVectors(features);
  const beforeVectors = vectors.slice(0, before.length);
  const afterVectors = vectors.slice(before.length);
  return {
    before: { features: features.slice(0, before.length), vectors: beforeVectors },
    after: { features: features.slice(before.length), vectors: afterVectors },
    similarity: similarityMatrix(beforeVectors, afterVectors),
  };
}
