/** Codes for operations that cannot be applied; each problem message names the point and operation. */
export type LineageProblemCode =
  | 'unknown-point'
  | 'point-dropped'
  | 'point-from-other-version'
  | 'merge-across-versions'
  | 'duplicate-point'
  | 'lineage-cycle'
  | 'missing-parent'
  | 'no-change'
  | 'empty-point';
