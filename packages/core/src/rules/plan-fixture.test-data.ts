import { z } from 'zod';
import {
  AmendmentIdSchema,
  EscalationIdSchema,
  NegotiationIdSchema,
  PartyIdSchema,
  PlanVersionIdSchema,
  PointIdSchema,
  RoundIdSchema,
  StatementIdSchema,
} from '../ids';
import { PlanVersionSchema, VersionOperationSchema, VersionWithLineageSchema } from '../schemas/plan';

// Fixtures name versions, points and rounds in readable slugs ("v1", "p2"), as the contract allows;
// parsing brands them as it does at the boundary, so tests hold the same types the rules take.

export const NEGOTIATION_ID = NegotiationIdSchema.parse('00000000-0000-4000-8000-00000000d001');

/** A party that proposes changes in the fixtures. */
export const UKRAINE = PartyIdSchema.parse('00000000-0000-4000-8000-00000000e002');

export const versionId = (slug: string) => PlanVersionIdSchema.parse(slug);
export const pointId = (slug: string) => PointIdSchema.parse(slug);
export const pointIds = (...slugs: string[]) => slugs.map(pointId);
export const roundId = (slug: string) => RoundIdSchema.parse(slug);
export const statementId = (slug: string) => StatementIdSchema.parse(slug);
export const escalationId = (slug: string) => EscalationIdSchema.parse(slug);
export const amendmentId = (slug: string) => AmendmentIdSchema.parse(slug);

export type OperationInput = z.input<typeof VersionOperationSchema>;
export const parseOperations = (operations: readonly OperationInput[]) =>
  z.array(VersionOperationSchema).parse(operations);

type PlanVersionInput = Omit<z.input<typeof PlanVersionSchema>, 'negotiationId'>;
/** A version of the fixture negotiation. */
export const planVersion = (version: PlanVersionInput) =>
  PlanVersionSchema.parse({ ...version, negotiationId: NEGOTIATION_ID });

export const withLineage = (entry: z.input<typeof VersionWithLineageSchema>) =>
  VersionWithLineageSchema.parse(entry);
