export {
  inferLineage,
  type InferredLineage,
  type InferredLink,
  type InferredRow,
  type LineageInputPoint,
} from './infer-lineage';
