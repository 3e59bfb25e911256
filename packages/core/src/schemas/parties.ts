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
});
export type Party = z.infer<typeof PartySchema>;

export const CreatePartyInputSchema = z.strictObject({
  name: LabelSchema,
  role: PartyRoleSchema,
  required: z.boolean().default(false),
});
export type CreatePartyInput = z.infer<typeof CreatePartyInputSchema>;
