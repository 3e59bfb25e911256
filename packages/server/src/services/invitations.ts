import { randomUUID } from 'node:crypto';
import {
  can,
  DomainError,
  type CreateInvitationInput,
  type Invitation,
  type InvitationCreated,
  type InvitationId,
  type Member,
  type MemberId,
  type Party,
  type UserId,
  type Viewer,
} from '@parley/core';
import { recordAudit } from '../audit';
import { createSecret, hashSecret } from '../auth/secrets';
import {
  findInvitationByTokenHashForUpdate,
  insertInvitation,
  markInvitationAccepted,
} from '../storage/invitations';
import { findUser } from '../storage/users';
import { normalizeEmail } from './accounts';
import type { AppDeps } from './deps';
import { seatMember } from './members';
import { assertAllowed } from './viewer';

export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** Mediator staff or the party's lead invite someone by email; the token is returned once. */
export async function createInvitation(
  deps: AppDeps,
  viewer: Viewer,
  input: { party: Party; invitation: CreateInvitationInput },
): Promise<InvitationCreated> {
  const { party } = input;
  assertAllowed(
    can(viewer, 'invitation.create', {
      kind: 'party',
      negotiationId: party.negotiationId,
      partyId: party.id,
      partyRole: party.role,
    }),
    'invite people to this party',
  );
  const inviterId = viewer.userId;
  if (inviterId === null) throw new DomainError('unauthenticated', 'Sign in first.');
  const now = deps.clock.now();
  const token = createSecret('pi_');
  const invitation: Invitation = {
    id: randomUUID() as InvitationId,
    negotiationId: party.negotiationId,
    partyId: party.id,
    email: normalizeEmail(input.invitation.email),
    function: input.invitation.function,
    title: input.invitation.title,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
    acceptedAt: null,
  };
  await deps.db.transaction().execute(async (tx) => {
    await insertInvitation(tx, { invitation, tokenHash: hashSecret(token), invitedBy: inviterId });
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: viewer.userId,
      action: 'invitation.create',
      subjectType: 'invitation',
      subjectId: invitation.id,
      negotiationId: party.negotiationId,
      detail: { partyId: party.id, email: invitation.email, function: invitation.function },
    });
  });
  return { invitation, token };
}

/** The signed-in invitee (same email) redeems the token and takes the seat from now on. */
export async function acceptInvitation(
  deps: AppDeps,
  input: { userId: UserId; token: string },
): Promise<Member> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const invitation = await findInvitationByTokenHashForUpdate(tx, hashSecret(input.token));
    const user = await findUser(tx, input.userId);
    const isUsable =
      invitation !== undefined &&
      invitation.acceptedAt === null &&
      Date.parse(invitation.expiresAt) > now.getTime() &&
      user !== undefined &&
      user.email === invitation.email;
    if (!isUsable)
      throw new DomainError(
        'invitation-invalid',
        'This invitation is unknown, used, expired or for another account.',
        { field: 'token' },
      );
    const member = await seatMember(tx, {
      id: randomUUID() as MemberId,
      negotiationId: invitation.negotiationId,
      partyId: invitation.partyId,
      userId: input.userId,
      function: invitation.function,
      title: invitation.title,
      validFrom: now.toISOString(),
      validTo: null,
    });
    await markInvitationAccepted(tx, { id: invitation.id, userId: input.userId, at: now });
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: input.userId,
      action: 'invitation.accept',
      subjectType: 'invitation',
      subjectId: invitation.id,
      negotiationId: invitation.negotiationId,
      detail: { memberId: member.id },
    });
    return member;
  });
}
