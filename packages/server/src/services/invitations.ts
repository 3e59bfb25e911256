import {
  DomainError,
  InvitationIdSchema,
  MemberIdSchema,
  type CreateInvitationInput,
  type Invitation,
  type InvitationCreated,
  type Member,
  type Party,
  type UserId,
  type Viewer,
} from '@parley/core';
import { createSecret, hashSecret } from '../auth/secrets';
import {
  findInvitationByTokenHashForUpdate,
  findInviter,
  insertInvitation,
  markInvitationAccepted,
} from '../storage/invitations';
import type { Database } from '../storage/database';
import { listMembers } from '../storage/members';
import { findParty } from '../storage/parties';
import { findUser, findUserByEmail } from '../storage/users';
import { normalizeEmail } from './accounts';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { maySeat, seatMember } from './members';
import { assertAllowed, loadViewer } from './viewer';

export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** The party's lead (or the mediator, for a first lead) invites by email; the token is returned once. */
export async function createInvitation(
  deps: AppDeps,
  viewer: Viewer,
  input: { party: Party; invitation: CreateInvitationInput },
): Promise<InvitationCreated> {
  const { party } = input;
  const inviterId = viewer.userId;
  if (inviterId === null) throw new DomainError('unauthenticated', 'Sign in first.');
  const now = deps.clock.now();
  const email = normalizeEmail(input.invitation.email);
  const seats = await listMembers(deps.db, party.negotiationId);
  assertAllowed(
    maySeat(viewer, { party, function: input.invitation.function, seats, now }),
    input.invitation.function === 'lead'
      ? "invite this party's lead (it has one: only that lead hands the lead over)"
      : 'invite people to this delegation (its lead does)',
  );
  await assertNotSeated(deps, { email, seats, now });
  const token = createSecret('pi_');
  const invitation: Invitation = {
    id: InvitationIdSchema.parse(deps.ids.next()),
    negotiationId: party.negotiationId,
    partyId: party.id,
    email,
    function: input.invitation.function,
    title: input.invitation.title,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
    acceptedAt: null,
  };
  await commitChange(deps, {
    actor: viewer,
    write: (tx) => insertInvitation(tx, { invitation, tokenHash: hashSecret(token), invitedBy: inviterId }),
    audit: {
      action: 'invitation.create',
      subjectType: 'invitation',
      subjectId: invitation.id,
      negotiationId: party.negotiationId,
      detail: { partyId: party.id, email: invitation.email, function: invitation.function },
    },
  });
  return { invitation, token };
}

/** An invitation for someone already seated (now or later) in this negotiation is a mistake: say so. */
async function assertNotSeated(
  deps: AppDeps,
  input: { email: string; seats: readonly Member[]; now: Date },
): Promise<void> {
  const found = await findUserByEmail(deps.db, input.email);
  if (found === undefined) return;
  const seated = input.seats.some(
    (seat) =>
      seat.userId === found.user.id &&
      (seat.validTo === null || Date.parse(seat.validTo) > input.now.getTime()),
  );
  if (seated)
    throw new DomainError('conflict', 'This person already has a seat in this negotiation.', {
      field: 'email',
    });
}

/**
 * The inviter's authority is checked again at redemption: a mediator's invitation for a first
 * lead is void once the party has a lead, and an invitation from a lead who has since handed
 * over is void too (#13).
 */
async function assertInviterMaySeat(
  deps: AppDeps,
  tx: Database,
  input: { invitation: Invitation; now: Date },
): Promise<void> {
  const { invitation } = input;
  const inviterId = await findInviter(tx, invitation.id);
  const party = await findParty(tx, { negotiationId: invitation.negotiationId, partyId: invitation.partyId });
  if (inviterId === undefined || party === undefined) throw invalidInvitation();
  const inviter = await loadViewer({ ...deps, db: tx }, inviterId);
  const seats = await listMembers(tx, invitation.negotiationId);
  if (!maySeat(inviter, { party, function: invitation.function, seats, now: input.now }))
    throw invalidInvitation();
}

const invalidInvitation = () =>
  new DomainError('invitation-invalid', 'This invitation is unknown, used, expired or for another account.', {
    field: 'token',
  });

/** The signed-in invitee (same email) redeems the token and takes the seat from now on. */
export async function acceptInvitation(
  deps: AppDeps,
  input: { userId: UserId; token: string },
): Promise<Member> {
  const now = deps.clock.now();
  const accepted = await commitChange(deps, {
    actor: { userId: input.userId },
    write: async (tx) => {
      const invitation = await findInvitationByTokenHashForUpdate(tx, hashSecret(input.token));
      const user = await findUser(tx, input.userId);
      const isUsable =
        invitation !== undefined &&
        invitation.acceptedAt === null &&
        Date.parse(invitation.expiresAt) > now.getTime() &&
        user !== undefined &&
        user.email === invitation.email;
      if (!isUsable) throw invalidInvitation();
      await assertInviterMaySeat(deps, tx, { invitation, now });
      const member = await seatMember(tx, {
        id: MemberIdSchema.parse(deps.ids.next()),
        negotiationId: invitation.negotiationId,
        partyId: invitation.partyId,
        userId: input.userId,
        function: invitation.function,
        title: invitation.title,
        validFrom: now.toISOString(),
        validTo: null,
      });
      await markInvitationAccepted(tx, { id: invitation.id, userId: input.userId, at: now });
      return { invitation, member };
    },
    audit: ({ invitation, member }) => ({
      action: 'invitation.accept',
      subjectType: 'invitation',
      subjectId: invitation.id,
      negotiationId: invitation.negotiationId,
      detail: { memberId: member.id },
    }),
  });
  return accepted.member;
}
