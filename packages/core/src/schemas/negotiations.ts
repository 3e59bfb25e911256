import { z } from 'zod';
import { NegotiationIdSchema } from '../ids';
import { InstantSchema, LabelSchema, LongTextSchema } from './common';

/**
 * `all-or-nothing`: nothing is agreed until everything is agreed.
 * `point-by-point`: each point is settled on its own.
 */
export const ClosureRuleSchema = z.enum(['all-or-nothing', 'point-by-point']);
export type ClosureRule = z.infer<typeof ClosureRuleSchema>;

/** An IANA time zone name (`Europe/Kyiv`, `UTC`): deadlines and rounds are shown in it. */
export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'Unknown time zone: use an IANA name such as Europe/Geneva or UTC');
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const NegotiationSchema = z.strictObject({
  id: NegotiationIdSchema,
  title: LabelSchema,
  mandate: LongTextSchema,
  closureRule: ClosureRuleSchema,
  timeZone: TimeZoneSchema,
  createdAt: InstantSchema,
  /** Counts the changes to the fields above, for an edit form to send back as `baseRevision`. */
  revision: z.number().int().positive(),
});
export type Negotiation = z.infer<typeof NegotiationSchema>;

/** The creator becomes lead of the mediator party, named here. */
export const CreateNegotiationInputSchema = z.strictObject({
  title: LabelSchema,
  mandate: LongTextSchema.default(''),
  closureRule: ClosureRuleSchema,
  timeZone: TimeZoneSchema.default('UTC'),
  mediatorPartyName: LabelSchema,
});
export type CreateNegotiationInput = z.infer<typeof CreateNegotiationInputSchema>;

/**
 * A change to a negotiation's settings; `baseRevision` is the revision the form showed (stale: 409).
 * Naming no field is refused by the service, after the caller's access is known (an outsider gets 404).
 */
export const UpdateNegotiationInputSchema = z.strictObject({
  title: LabelSchema.optional(),
  mandate: LongTextSchema.optional(),
  closureRule: ClosureRuleSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
  baseRevision: z.number().int().positive(),
});
export type UpdateNegotiationInput = z.infer<typeof UpdateNegotiationInputSchema>;
