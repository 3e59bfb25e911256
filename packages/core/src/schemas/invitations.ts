import { z } from 'zod';
import { InvitationIdSchema, NegotiationIdSchema, PartyIdSchema, UserIdSchema } from '../ids';
import { InstantSchema, LabelSchema, textSchema } from './common';
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
  /** Set when it was withdrawn: its token then seats no one. */
  revokedAt: InstantSchema.nullable(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const CreateInvitationInputSchema = z.strictObject({
  email: EmailSchema,
  function: MemberFunctionSchema,
  title: textSchema(200).default(''),
});
export type CreateInvitationInput = z.infer<typeof CreateInvitationInputSchema>;

/** The token is returned once, to the inviter, who passes it on; the server keeps only its hash. */
/** `replaced`: the pending invitations of the same address and function that this link replaces. */
export const InvitationCreatedSchema = z.strictObject({
  invitation: InvitationSchema,
  token: z.string(),
  replaced: z.array(InvitationIdSchema),
});
export type InvitationCreated = z.infer<typeof InvitationCreatedSchema>;

/** A request that names an invitation by its one-time token (to accept it, or to read what it is for). */
export const InvitationTokenInputSchema = z.strictObject({ token: z.string().min(20).max(200) });
export type InvitationTokenInput = z.infer<typeof InvitationTokenInputSchema>;

export const AcceptInvitationInputSchema = InvitationTokenInputSchema;
export type AcceptInvitationInput = InvitationTokenInput;

/**
 * An invitation not yet accepted, withdrawn or expired, as those who may send it see it (the
 * party's lead; the mediator's staff for a first lead) and whoever sent it.
 */
export const PendingInvitationSchema = InvitationSchema.pick({
  id: true,
  negotiationId: true,
  partyId: true,
  email: true,
  function: true,
  title: true,
  createdAt: true,
  expiresAt: true,
}).extend({ sentBy: z.strictObject({ userId: UserIdSchema, displayName: LabelSchema }) });
export type PendingInvitation = z.infer<typeof PendingInvitationSchema>;

/** Where an invitation stands: only a `pending` one can be accepted (or withdrawn). */
/**
 * `void`: pending, but its sender may no longer seat anyone so (a mediator's invitation for a
 * party's first lead, once the party has a lead; a lead's, once they handed over).
 */
export const InvitationStatusSchema = z.enum(['pending', 'accepted', 'revoked', 'expired', 'void']);
export type InvitationStatus = z.infer<typeof InvitationStatusSchema>;

/**
 * What an invitation is for, told to whoever holds its token (the addressee, before they have an
 * account). It names no inviter: their email is not the invitee's to learn.
 */
export const InvitationPreviewSchema = z.strictObject({
  negotiationTitle: LabelSchema,
  partyName: LabelSchema,
  function: MemberFunctionSchema,
  title: textSchema(200),
  expiresAt: InstantSchema,
  /** The address it was sent to: the account that accepts it must have this email. */
  email: EmailSchema,
  status: InvitationStatusSchema,
  /** Why a `void` invitation cannot be accepted, in the invitee's words; null otherwise. */
  voidReason: textSchema(500).nullable(),
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;
