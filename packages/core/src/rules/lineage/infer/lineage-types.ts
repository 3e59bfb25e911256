import type { RedlineKind } from '../../redline/compare-versions';
import type { PointFeatures } from './text-features';
import type { SimilarityMatrix } from './similarity-matrix';
import type { TermVector } from './term-vectors';

/** A point as read from a text: its number identifies it within its version. */
export type LineageInputPoint = {
  readonly number: number;
  readonly title: string;
  readonly text: string;
  readonly topic: string | null;
};

/** One inferred link, by point number, with its score (0–1; 1 = identical wording). */
export type InferredLink = { readonly from: number; readonly to: number; readonly score: number };

/**
 * One row of an inferred lineage map: a group of points linked by lineage (a connected component).
 * `score` (0–1) is how sure the inference is of the row as a whole: its weakest link, or for an
 * added or dropped point, how little it resembles any point left unmatched on the other side.
 * `moved` marks a one-to-one row whose point changed place relative to the others.
 */
export type InferredRow = {
  readonly kind: RedlineKind;
  readonly from: readonly number[];
  readonly to: readonly number[];
  readonly score: number;
  readonly moved: boolean;
  readonly links: readonly InferredLink[];
};

export type InferredLineage = {
  readonly rows: readonly InferredRow[];
  readonly counts: Readonly<Record<RedlineKind, number>>;
};

/** Both sides' features and vectors, in the order of the input points. */
export type InferenceContext = {
  readonly before: {
    readonly features: readonly PointFeatures[];
    readonly vectors: readonly TermVector[];
  };
  readonly after: {
    readonly features: readonly PointFeatures[];
    readonly vectors: readonly TermVector[];
  };
  readonly similarity: SimilarityMatrix;
};
