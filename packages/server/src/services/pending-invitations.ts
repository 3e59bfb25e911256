import {
  assertNever,
  can,
  DomainError,
  instantInWords,
  type Invitation,
  type InvitationId,
  type Member,
  type MemberFunction,
  type Negotiation,
  type Party,
  type PendingInvitation,
  type UserId,
  type Viewer,
} from '@parley/core';
import { findInvitationForUpdate, markInvitationRevoked } from '../storage/invitations';
import { listMembers } from '../storage/members';
import { findParty } from '../storage/parties';
import { listPendingInvitations } from '../storage/pending-invitations';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { invitationStatus } from './invitations';
import { maySeat } from './members';
import { visibleOrNotFound } from './viewer';

/**
 * Who sees (and may withdraw) an invitation: whoever could send it now — the party's lead; the
 * mediator's staff for a first lead — and whoever sent it. A delegation's invitations name the
 * people it is about to take in: no other party, nor the mediator once the party has its lead,
 * learns them (#13).
 */
function maySeeInvitation(
  viewer: Viewer,
  input: { party: Party; function: MemberFunction; sentBy: UserId; seats: readonly Member[]; now: Date },
): boolean {
  return (viewer.userId === input.sentBy && stillSpeaksFor(viewer, input.party)) || maySeat(viewer, input);
}

/**
 * Who sent an invitation sees it while they may still read what the party shares with the mediator
 * (its own delegation, and the mediator staff, who send a party's first lead's): a former lead now
 * in another delegation no longer does. The policy answers, as for a `mediator` record.
 */
function stillSpeaksFor(viewer: Viewer, party: Party): boolean {
  return can(viewer, 'record.read', {
    kind: 'record',
    negotiationId: party.negotiationId,
    owningPartyId: party.id,
    classification: 'mediator',
  });
}

/**
 * The party's pending invitations the viewer may see, newest first; none (not a 403) for a
 * participant who may see none, so the answer never tells whether the party has any.
 * `party` has already been loaded through getPartyForViewer.
 */
export async function listPendingInvitationsForViewer(
  deps: AppDeps,
  viewer: Viewer,
  party: Party,
): Promise<PendingInvitation[]> {
  const now = deps.clock.now();
  const [pending, seats] = await Promise.all([
    listPendingInvitations(deps.db, { partyId: party.id, now }),
    listMembers(deps.db, party.negotiationId),
  ]);
  return pending.filter((invitation) =>
    maySeeInvitation(viewer, {
      party,
      function: invitation.function,
      sentBy: invitation.sentBy.userId,
      seats,
      now,
    }),
  );
}

/**
 * What a withdrawal finds happened meanwhile (issue #11 item 8), with when and, for a withdrawal,
 * by whom: withdrawing is one-way, so the state is the check and no revision is needed. The caller
 * may see the invitation, and so its audit entries, which name the same.
 */
function statusConflict(
  status: 'accepted' | 'revoked' | 'expired',
  input: { invitation: Invitation; revokedByName: string | null; timeZone: string },
): string {
  const { invitation, timeZone } = input;
  const when = (instant: string | null) =>
    instant === null ? '' : ` on ${instantInWords(instant, timeZone)}`;
  switch (status) {
    // Not "end the seat instead": the mediator, who may withdraw an invitation, may not end another party's seats.
    case 'accepted':
      return `This invitation was already accepted${when(invitation.acceptedAt)}: the seat it gave is now listed in the delegation.`;
    case 'revoked':
      return `This invitation was already withdrawn${input.revokedByName === null ? '' : ` by ${input.revokedByName}`}${when(invitation.revokedAt)}.`;
    case 'expired':
      return `This invitation expired${when(invitation.expiresAt)}: it can no longer be accepted.`;
    default:
      return assertNever(status);
  }
}

/**
 * Withdraws a pending invitation: its token no longer seats anyone. An invitation the viewer may
 * not see is not found, exactly as one that does not exist; one that is no longer pending is a 409.
 */
export async function revokeInvitation(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; invitationId: InvitationId },
): Promise<Invitation> {
  const by = viewer.userId;
  if (by === null) throw new DomainError('unauthenticated', 'Sign in first.');
  const at = deps.clock.now();
  return commitChange(deps, {
    actor: viewer,
    at,
    write: async (tx) => {
      const found = await findInvitationForUpdate(tx, {
        negotiationId: input.negotiation.id,
        id: input.invitationId,
      });
      const party =
        found === undefined
          ? undefined
          : await findParty(tx, { negotiationId: input.negotiation.id, partyId: found.invitation.partyId });
      const seats = await listMembers(tx, input.negotiation.id);
      const { invitation, revokedByName } = visibleOrNotFound(
        found,
        ({ invitation, invitedBy }) =>
          party !== undefined &&
          maySeeInvitation(viewer, {
            party,
            function: invitation.function,
            sentBy: invitedBy,
            seats,
            now: at,
          }),
        'Invitation',
      );
      const status = invitationStatus(invitation, at);
      if (status !== 'pending')
        throw new DomainError(
          'conflict',
          statusConflict(status, { invitation, revokedByName, timeZone: input.negotiation.timeZone }),
          { field: 'invitationId' },
        );
      await markInvitationRevoked(tx, { id: invitation.id, userId: by, at });
      return { ...invitation, revokedAt: at.toISOString() };
    },
    audit: (revoked) => ({
      action: 'invitation.revoke',
      subjectType: 'invitation',
      subjectId: revoked.id,
      negotiationId: revoked.negotiationId,
      detail: { partyId: revoked.partyId, email: revoked.email, function: revoked.function },
    }),
  });
}
