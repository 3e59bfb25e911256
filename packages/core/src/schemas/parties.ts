import { z } from 'zod';
import { NegotiationIdSchema, PartyIdSchema } from '../ids';
import { InstantSchema, LabelSchema } from './common';

export const PartyRoleSchema = z.enum(['mediator', 'party', 'observer']);
export type PartyRole = z.infer<typeof PartyRoleSchema>;

/** `required`: agreement needs this party even when it is absent from every round. */
export const PartySchema = z.strictObject({
  id: PartyIdSchema,
  negotiationId: NegotiationIdSchema,
  name: LabelSchema,
  role: PartyRoleSchema,
  required: z.boolean(),
  createdAt: InstantSchema,
  /** Counts the changes to name and `required`, for an edit form to send back as `baseRevision`. */
  revision: z.number().int().positive(),
});
export type Party = z.infer<typeof PartySchema>;

export const CreatePartyInputSchema = z.strictObject({
  name: LabelSchema,
  role: PartyRoleSchema,
  required: z.boolean().default(false),
});
export type CreatePartyInput = z.infer<typeof CreatePartyInputSchema>;

/** Renaming a party or changing whether its agreement is required; a party's role never changes. */
export const UpdatePartyInputSchema = z.strictObject({
  name: LabelSchema.optional(),
  required: z.boolean().optional(),
  baseRevision: z.number().int().positive(),
});
export type UpdatePartyInput = z.infer<typeof UpdatePartyInputSchema>;
