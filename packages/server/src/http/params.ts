import {
  ExportIdSchema,
  MemberIdSchema,
  NegotiationIdSchema,
  PartyIdSchema,
  RecordIdSchema,
} from '@parley/core';
import { z } from 'zod';

// Path parameters, named the same everywhere: the access-matrix test fills them by name.
export const NegotiationParams = z.object({ negotiationId: NegotiationIdSchema });
export const PartyParams = NegotiationParams.extend({ partyId: PartyIdSchema });
export const MemberParams = NegotiationParams.extend({ memberId: MemberIdSchema });
export const RecordParams = NegotiationParams.extend({ recordId: RecordIdSchema });
export const ExportParams = NegotiationParams.extend({ exportId: ExportIdSchema });
