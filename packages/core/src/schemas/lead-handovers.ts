import { z } from 'zod';
import { LeadHandoverIdSchema, NegotiationIdSchema, PartyIdSchema, UserIdSchema } from '../ids';
import { InstantSchema, textSchema } from './common';

export const LeadHandoverStateSchema = z.enum(['pending', 'accepted', 'declined', 'withdrawn']);
export type LeadHandoverState = z.infer<typeof LeadHandoverStateSchema>;

/**
 * The mediator's proposal that another user lead a party from `validFrom` (#13). It changes
 * nothing until the party's lead accepts it; `revision` guards the decision against a race.
 */
export const LeadHandoverSchema = z.strictObject({
  id: LeadHandoverIdSchema,
  negotiationId: NegotiationIdSchema,
  partyId: PartyIdSchema,
  userId: UserIdSchema,
  displayName: z.string(),
  title: textSchema(200),
  validFrom: InstantSchema,
  state: LeadHandoverStateSchema,
  proposedBy: UserIdSchema,
  proposedAt: InstantSchema,
  decidedAt: InstantSchema.nullable(),
  revision: z.number().int().positive(),
});
export type LeadHandover = z.infer<typeof LeadHandoverSchema>;

export const ProposeLeadHandoverInputSchema = z.strictObject({
  userId: UserIdSchema,
  title: textSchema(200).default(''),
  validFrom: InstantSchema,
});
export type ProposeLeadHandoverInput = z.infer<typeof ProposeLeadHandoverInputSchema>;

/** Accept, decline or withdraw, based on the revision the decider saw. */
export const DecideLeadHandoverInputSchema = z.strictObject({
  decision: z.enum(['accept', 'decline', 'withdraw']),
  baseRevision: z.number().int().positive(),
});
export type DecideLeadHandoverInput = z.infer<typeof DecideLeadHandoverInputSchema>;
