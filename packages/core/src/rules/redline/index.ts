export {
  compareVersions,
  REDLINE_KINDS,
  type PointRef,
  type Redline,
  type RedlineKind,
  type RedlineRow,
} from './compare-versions';
export { mapLineage, type PointMapping } from './map-lineage';
export { formatRedline } from './format-redline';
export { wordDiff, type DiffPart } from './word-diff';
