export {
  type InferredLineage,
  type InferredLink,
  type InferredRow,
  type LineageInputPoint,
} from './lineage-types';
export { inferLineage } from './infer-lineage';
