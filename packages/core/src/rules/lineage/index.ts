export { applyOperations, type ApplyOperationsInput, type AppliedVersion } from './apply-operations';
export { checkLineage, chainTo } from './check-lineage';
export type { LineageProblemCode } from './lineage-problem';
export { pointHistory, type PointHistoryEntry } from './point-history';
export {
  inferLineage,
  type InferredLineage,
  type InferredLink,
  type InferredRow,
  type LineageInputPoint,
} from './infer';
export {
  versionFromLineageMap,
  type LineageMapLink,
  type LineageMapProblemCode,
} from './version-from-lineage-map';
export { draftConflicts } from './rebase-draft';
