import {
  DomainError,
  InvitationIdSchema,
  MemberIdSchema,
  type CreateInvitationInput,
  type Invitation,
  type InvitationCreated,
  type InvitationPreview,
  type InvitationStatus,
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
  revokePendingInvitationsTo,
} from '../storage/invitations';
import type { Database } from '../storage/database';
import { listMembers } from '../storage/members';
import { findInvitationWithNamesByTokenHash } from '../storage/pending-invitations';
import { findParty } from '../storage/parties';
import { findUser, findUserByEmail } from '../storage/users';
import { normalizeEmail } from './accounts';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { hasLeadSeat, maySeat, seatMember } from './members';
import { assertAllowed, loadViewer } from './viewer';

export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** Where an invitation stands at `now`; accepted and withdrawn exclude each other (both lock the row). */
export function invitationStatus(invitation: Invitation, now: Date): Exclude<InvitationStatus, 'void'> {
  if (invitation.acceptedAt !== null) return 'accepted';
  if (invitation.revokedAt !== null) return 'revoked';
  return Date.parse(invitation.expiresAt) > now.getTime() ? 'pending' : 'expired';
}

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
  await assertNotSeated(deps, { email, seats: seats.filter((seat) => seat.partyId === party.id), now });
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
    revokedAt: null,
  };
  // Inviting an address again is how a lost link is resent: the new link replaces the old ones.
  const replaced = await commitChange(deps, {
    actor: viewer,
    write: async (tx) => {
      const withdrawn = await revokePendingInvitationsTo(tx, {
        partyId: party.id,
        email,
        function: invitation.function,
        userId: inviterId,
        at: now,
      });
      await insertInvitation(tx, { invitation, tokenHash: hashSecret(token), invitedBy: inviterId });
      return withdrawn;
    },
    audit: (withdrawn) => ({
      action: 'invitation.create',
      subjectType: 'invitation',
      subjectId: invitation.id,
      negotiationId: party.negotiationId,
      detail: {
        partyId: party.id,
        email: invitation.email,
        function: invitation.function,
        ...(withdrawn.length > 0 ? { replaces: withdrawn } : {}),
      },
    }),
  });
  return { invitation, token, replaced };
}

/**
 * An invitation for someone already seated (now or later) in this delegation is a mistake: say so.
 * Only this delegation's seats are asked: a "seated elsewhere" answer would tell the inviter which
 * addresses sit in other delegations. Such an invitee learns it at acceptance, of their own seat.
 */
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
    throw new DomainError('conflict', 'This person already has a seat in this delegation.', {
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
  const lapse = await inviterLapse(deps, tx, input);
  if (lapse === 'unplaced') throw invalidInvitation();
  if (lapse !== undefined) throw new DomainError('invitation-invalid', lapse, { field: 'token' });
}

/**
 * Why the inviter may no longer seat the invitee (a sentence for them), 'unplaced' when the
 * invitation's party or sender is gone, undefined when the invitation still stands.
 */
async function inviterLapse(
  deps: AppDeps,
  db: Database,
  input: { invitation: Invitation; now: Date },
): Promise<string | 'unplaced' | undefined> {
  const { invitation } = input;
  const inviterId = await findInviter(db, invitation.id);
  const party = await findParty(db, { negotiationId: invitation.negotiationId, partyId: invitation.partyId });
  if (inviterId === undefined || party === undefined) return 'unplaced';
  const inviter = await loadViewer({ ...deps, db }, inviterId);
  const seats = await listMembers(db, invitation.negotiationId);
  if (maySeat(inviter, { party, function: invitation.function, seats, now: input.now })) return undefined;
  // The invitee holds a valid invitation addressed to them: saying why it lapsed tells them
  // nothing they may not know, and "unknown, used or expired" would send them looking elsewhere.
  return invitation.function === 'lead' && hasLeadSeat(seats, party, input.now)
    ? `This invitation was for the lead of ${party.name}, which has a lead now: ask them, or the mediator, for a new invitation.`
    : `Whoever sent this invitation no longer manages the delegation of ${party.name}: ask its lead for a new invitation.`;
}

const invalidInvitation = () =>
  new DomainError('invitation-invalid', 'This invitation is unknown, used, expired or for another account.', {
    field: 'token',
  });

const withdrawnInvitation = () =>
  new DomainError('invitation-invalid', 'This invitation was withdrawn: ask for a new one if you need it.', {
    field: 'token',
  });

/**
 * The invitation `token` names, with its negotiation's and party's names; else throws, counting
 * the unknown token against the client's address (429 after MAX_UNKNOWN_INVITATIONS_PER_ADDRESS
 * in a window). Tokens are far too long to guess; this keeps a guesser from trying even so.
 */
async function findKnownToken(
  deps: AppDeps,
  input: { token: string; ip: string | null; unknown: () => DomainError },
) {
  const reservation = await deps.throttle.reserve({ kind: 'invitation', ip: input.ip });
  const found = await findInvitationWithNamesByTokenHash(deps.db, hashSecret(input.token));
  if (found === undefined) throw input.unknown();
  await reservation.release();
  return found;
}

/** The signed-in invitee (same email) redeems the token and takes the seat from now on. */
export async function acceptInvitation(
  deps: AppDeps,
  input: { userId: UserId; token: string; ip: string | null },
): Promise<Member> {
  await findKnownToken(deps, { ...input, unknown: invalidInvitation });
  const now = deps.clock.now();
  const accepted = await commitChange(deps, {
    actor: { userId: input.userId },
    write: async (tx) => {
      const invitation = await findInvitationByTokenHashForUpdate(tx, hashSecret(input.token));
      const status = invitation === undefined ? undefined : invitationStatus(invitation, now);
      // Its holder may learn that much anyway (POST /api/invitations/preview), and it ends the search.
      if (status === 'revoked') throw withdrawnInvitation();
      const user = await findUser(tx, input.userId);
      const isUsable =
        invitation !== undefined &&
        status === 'pending' &&
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
    event: ({ member }) => ({
      type: 'members.changed',
      negotiationId: member.negotiationId,
      partyId: member.partyId,
    }),
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

/**
 * What an invitation is for and where it stands, for whoever holds its token (256 random bits:
 * holding it is the right to read this). Signed out too: the invitee reads it before registering.
 */
const unknownLink = () =>
  new DomainError('not-found', 'This invitation link is unknown.', { field: 'token' });

export async function previewInvitation(
  deps: AppDeps,
  input: { token: string; ip: string | null },
): Promise<InvitationPreview> {
  const found = await findKnownToken(deps, { ...input, unknown: unknownLink });
  const { invitation } = found;
  return {
    negotiationTitle: found.negotiationTitle,
    partyName: found.partyName,
    function: invitation.function,
    title: invitation.title,
    expiresAt: invitation.expiresAt,
    email: invitation.email,
    ...(await standing(deps, invitation)),
  };
}

/** Where the invitation stands for its holder: a pending one whose sender may no longer seat is void. */
async function standing(
  deps: AppDeps,
  invitation: Invitation,
): Promise<Pick<InvitationPreview, 'status' | 'voidReason'>> {
  const now = deps.clock.now();
  const status = invitationStatus(invitation, now);
  if (status !== 'pending') return { status, voidReason: null };
  const lapse = await inviterLapse(deps, deps.db, { invitation, now });
  if (lapse === undefined) return { status, voidReason: null };
  return {
    status: 'void',
    voidReason:
      lapse === 'unplaced' ? 'This invitation can no longer be accepted: ask for a new one.' : lapse,
  };
}
