import {
  PartyIdSchema,
  StoredAmendmentIdSchema,
  StoredEscalationIdSchema,
  StoredPlanVersionIdSchema,
  StoredPointIdSchema,
} from '@parley/core';
import { NegotiationParams } from './params';

// Path parameters of the plan routes, named the same everywhere (the access-matrix test fills them by name).
export const VersionParams = NegotiationParams.extend({ versionId: StoredPlanVersionIdSchema });
export const PointParams = VersionParams.extend({ pointId: StoredPointIdSchema });
export const PositionParams = PointParams.extend({ partyId: PartyIdSchema });
export const EscalationParams = NegotiationParams.extend({ escalationId: StoredEscalationIdSchema });
export const AmendmentParams = NegotiationParams.extend({ amendmentId: StoredAmendmentIdSchema });
export const CompareParams = VersionParams.extend({ toVersionId: StoredPlanVersionIdSchema });
