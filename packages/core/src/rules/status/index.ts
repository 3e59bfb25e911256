export {
  derivePointStatus,
  POINT_STATUSES,
  type PointStatus,
  type PointStatusInput,
  type PointStatusReport,
} from './derive-point-status';
export {
  deriveNegotiationState,
  NEGOTIATION_STATES,
  type BlockingPoint,
  type ClosureRuleName,
  type NegotiationState,
  type NegotiationStateReport,
  type PointStatusEntry,
} from './derive-negotiation-state';
