import { UserIdSchema, type Invitation, type PartyId, type PendingInvitation } from '@parley/core';
import type { Database } from './database';
import { toInvitation } from './invitations';

/**
 * A party's invitations not accepted, withdrawn or expired at `now`, newest first, each with the
 * name of whoever sent it. Every one of them: the service decides which the viewer may see.
 */
export async function listPendingInvitations(
  db: Database,
  input: { partyId: PartyId; now: Date },
): Promise<PendingInvitation[]> {
  const rows = await db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.invited_by')
    .selectAll('invitations')
    .select('users.display_name')
    .where('invitations.party_id', '=', input.partyId)
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', input.now)
    .orderBy('invitations.created_at', 'desc')
    .orderBy('invitations.id')
    .execute();
  return rows.map((row) => {
    // Pending: neither accepted nor withdrawn, so those two fields say nothing here.
    const { acceptedAt: _accepted, revokedAt: _revoked, ...invitation } = toInvitation(row);
    return {
      ...invitation,
      sentBy: { userId: UserIdSchema.parse(row.invited_by), displayName: row.display_name },
    };
  });
}

/**
 * The invitation with this token hash and the names of its negotiation and party, in one query
 * whether or not it exists (an unknown token costs what a known one does).
 */
export async function findInvitationWithNamesByTokenHash(
  db: Database,
  tokenHash: string,
): Promise<{ invitation: Invitation; negotiationTitle: string; partyName: string } | undefined> {
  const row = await db
    .selectFrom('invitations')
    .innerJoin('parties', 'parties.id', 'invitations.party_id')
    .innerJoin('negotiations', 'negotiations.id', 'invitations.negotiation_id')
    .selectAll('invitations')
    .select(['negotiations.title as negotiation_title', 'parties.name as party_name'])
    .where('invitations.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    invitation: toInvitation(row),
    negotiationTitle: row.negotiation_title,
    partyName: row.party_name,
  };
}
