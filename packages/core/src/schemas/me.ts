import { z } from 'zod';
import { NegotiationIdSchema, PartyIdSchema } from '../ids';
import { InstantSchema } from './common';
import { MemberFunctionSchema } from './members';
import { PartyRoleSchema } from './parties';
import { UserSchema } from './users';

export const MembershipSummarySchema = z.strictObject({
  negotiationId: NegotiationIdSchema,
  partyId: PartyIdSchema,
  partyRole: PartyRoleSchema,
  function: MemberFunctionSchema,
  validFrom: InstantSchema,
  validTo: InstantSchema.nullable(),
});

/** `csrfToken` is null when the caller authenticated with a bearer token (no cookie, no CSRF). */
export const MeSchema = z.strictObject({
  user: UserSchema,
  csrfToken: z.string().nullable(),
  /** An administrator of the instance (settings only; grants nothing inside a negotiation). */
  isAdmin: z.boolean(),
  memberships: z.array(MembershipSummarySchema),
});
export type Me = z.infer<typeof MeSchema>;
