export {
  parsePlanText,
  type ParsedPlan,
  type ParsedPoint,
  type PlanTextProblemCode,
} from './parse-plan-text';
export { planVersionFromText } from './plan-version-from-text';
export { excerpt, pointName, POINT_NAME_LENGTH } from './point-name';
export { groupByTopic } from './group-by-topic';
