import { z } from 'zod';
import { NegotiationIdSchema } from '../ids';
import { InstantSchema, LabelSchema, LongTextSchema } from './common';

/**
 * `all-or-nothing`: nothing is agreed until everything is agreed.
 * `point-by-point`: each point is settled on its own.
 */
export const ClosureRuleSchema = z.enum(['all-or-nothing', 'point-by-point']);
export type ClosureRule = z.infer<typeof ClosureRuleSchema>;

export const NegotiationSchema = z.strictObject({
  id: NegotiationIdSchema,
  title: LabelSchema,
  mandate: LongTextSchema,
  closureRule: ClosureRuleSchema,
  createdAt: InstantSchema,
});
export type Negotiation = z.infer<typeof NegotiationSchema>;

/** The creator becomes lead of the mediator party, named here. */
export const CreateNegotiationInputSchema = z.strictObject({
  title: LabelSchema,
  mandate: LongTextSchema.default(''),
  closureRule: ClosureRuleSchema,
  mediatorPartyName: LabelSchema,
});
export type CreateNegotiationInput = z.infer<typeof CreateNegotiationInputSchema>;
