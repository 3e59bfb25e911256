import { PartyIdSchema } from '@parley/core';
import { z } from 'zod';
import { NegotiationParams } from './params';

// Path parameters of the plan routes, named the same everywhere (the access-matrix test fills them by name).
export const VersionParams = NegotiationParams.extend({ versionId: z.uuid() });
export const PointParams = VersionParams.extend({ pointId: z.uuid() });
export const PositionParams = PointParams.extend({ partyId: PartyIdSchema });
export const EscalationParams = NegotiationParams.extend({ escalationId: z.uuid() });
export const AmendmentParams = NegotiationParams.extend({ amendmentId: z.uuid() });
export const CompareParams = VersionParams.extend({ toVersionId: z.uuid() });
