import { z } from 'zod';
import {
  AmendmentIdSchema,
  NegotiationIdSchema,
  PartyIdSchema,
  PlanVersionIdSchema,
  PointIdSchema,
} from '../ids';
import { textSchema } from './common';

/** What an amendment proposes against one point revision. */
export const AmendmentProposalSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('replace_text'),
    text: textSchema(20_000).min(1),
    title: textSchema(300).optional(),
  }),
  z.strictObject({ kind: z.literal('drop') }),
  z.strictObject({
    kind: z.literal('insert_after'),
    title: textSchema(300),
    text: textSchema(20_000).min(1),
  }),
  z.strictObject({
    kind: z.literal('merge_with'),
    pointIds: z.array(PointIdSchema).min(1),
    text: textSchema(20_000).min(1),
  }),
]);
export type AmendmentProposal = z.infer<typeof AmendmentProposalSchema>;

/** An amendment's fate; `adopted` links the version that adopted it. */
export const AmendmentFateSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('open') }),
  z.strictObject({ state: z.literal('adopted'), versionId: PlanVersionIdSchema }),
  z.strictObject({ state: z.literal('rejected'), reason: textSchema(2_000) }),
  z.strictObject({ state: z.literal('withdrawn') }),
]);
export type AmendmentFate = z.infer<typeof AmendmentFateSchema>;

/** A party's proposal against a point revision (version + point). */
export const AmendmentSchema = z.strictObject({
  id: AmendmentIdSchema,
  negotiationId: NegotiationIdSchema,
  partyId: PartyIdSchema,
  versionId: PlanVersionIdSchema,
  pointId: PointIdSchema,
  proposal: AmendmentProposalSchema,
  rationale: textSchema(5_000),
  fate: AmendmentFateSchema,
  revision: z.number().int().nonnegative(),
});
export type Amendment = z.infer<typeof AmendmentSchema>;
