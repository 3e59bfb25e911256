import { z } from 'zod';
import { MemberIdSchema, NegotiationIdSchema, PartyIdSchema, UserIdSchema } from '../ids';
import { InstantSchema, textSchema, LabelSchema } from './common';
import { EmailSchema } from './users';

export const MemberFunctionSchema = z.enum(['lead', 'delegate', 'principal', 'analyst']);
export type MemberFunction = z.infer<typeof MemberFunctionSchema>;

/** A user's seat in a delegation, valid on [validFrom, validTo); `validTo: null` is open-ended. */
export const MemberSchema = z.strictObject({
  id: MemberIdSchema,
  negotiationId: NegotiationIdSchema,
  partyId: PartyIdSchema,
  userId: UserIdSchema,
  displayName: LabelSchema,
  /** The function title shown to others, e.g. "Head of delegation". */
  title: textSchema(200),
  function: MemberFunctionSchema,
  validFrom: InstantSchema,
  validTo: InstantSchema.nullable(),
});
export type Member = z.infer<typeof MemberSchema>;

/**
 * Seats a user, named by `userId`, or (`userId: null`) by the `email` of their account: how a
 * lead knows a colleague. Exactly one of the two.
 */
export const AddMemberInputSchema = z.strictObject({
  userId: UserIdSchema.nullable(),
  email: EmailSchema.optional(),
  function: MemberFunctionSchema,
  title: textSchema(200).default(''),
  validFrom: InstantSchema.optional(),
  validTo: InstantSchema.nullable().optional(),
});
export type AddMemberInput = z.infer<typeof AddMemberInputSchema>;

/**
 * Ends a seat at `validTo`. `baseValidTo` is the seat's end as the form showed it (null: none): a
 * seat's end is all that changes about it, so it serves as its revision, and an end someone else
 * set meanwhile answers 409 naming them. Without it (clients from before #11 item 8) only moving an
 * end later is refused.
 */
export const EndMemberInputSchema = z.strictObject({
  validTo: InstantSchema,
  baseValidTo: InstantSchema.nullable()
    .optional()
    .describe(
      "The seat's end the form showed (null: none), serving as its revision. Another end set since → 409; omitted, only a later end is refused.",
    ),
});
export type EndMemberInput = z.infer<typeof EndMemberInputSchema>;

/** Hands a party's lead to another user from `validFrom`: current lead seats end exactly then. */
export const ChangeLeadInputSchema = z.strictObject({
  userId: UserIdSchema,
  title: textSchema(200).default(''),
  validFrom: InstantSchema.optional(),
});
export type ChangeLeadInput = z.infer<typeof ChangeLeadInputSchema>;

export const LeadChangeSchema = z.strictObject({ ended: z.array(MemberSchema), lead: MemberSchema });
export type LeadChange = z.infer<typeof LeadChangeSchema>;
