import { z } from 'zod';
import { InvitationIdSchema, NegotiationIdSchema, PartyIdSchema } from '../ids';
import { InstantSchema, textSchema } from './common';
import { MemberFunctionSchema } from './members';
import { EmailSchema } from './users';

export const InvitationSchema = z.strictObject({
  id: InvitationIdSchema,
  negotiationId: NegotiationIdSchema,
  partyId: PartyIdSchema,
  email: EmailSchema,
  function: MemberFunctionSchema,
  title: textSchema(200),
  createdAt: InstantSchema,
  expiresAt: InstantSchema,
  acceptedAt: InstantSchema.nullable(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const CreateInvitationInputSchema = z.strictObject({
  email: EmailSchema,
  function: MemberFunctionSchema,
  title: textSchema(200).default(''),
});
export type CreateInvitationInput = z.infer<typeof CreateInvitationInputSchema>;

/** The token is returned once, to the inviter, who passes it on; the server keeps only its hash. */
export const InvitationCreatedSchema = z.strictObject({ invitation: InvitationSchema, token: z.string() });
export type InvitationCreated = z.infer<typeof InvitationCreatedSchema>;

export const AcceptInvitationInputSchema = z.strictObject({ token: z.string().min(20).max(200) });
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInputSchema>;
