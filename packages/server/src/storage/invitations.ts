import {
  InvitationIdSchema,
  NegotiationIdSchema,
  PartyIdSchema,
  UserIdSchema,
  type Invitation,
  type InvitationId,
  type MemberFunction,
  type NegotiationId,
  type UserId,
} from '@parley/core';
import type { Database } from './database';
import type { InvitationsTable } from './schema';

export function toInvitation(row: InvitationsTable): Invitation {
  return {
    id: InvitationIdSchema.parse(row.id),
    negotiationId: NegotiationIdSchema.parse(row.negotiation_id),
    partyId: PartyIdSchema.parse(row.party_id),
    email: row.email,
    function: row.function as MemberFunction,
    title: row.title,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    acceptedAt: row.accepted_at === null ? null : row.accepted_at.toISOString(),
    revokedAt: row.revoked_at === null ? null : row.revoked_at.toISOString(),
  };
}

export async function insertInvitation(
  db: Database,
  input: { invitation: Invitation; tokenHash: string; invitedBy: UserId },
): Promise<Invitation> {
  const { invitation } = input;
  await db
    .insertInto('invitations')
    .values({
      id: invitation.id,
      negotiation_id: invitation.negotiationId,
      party_id: invitation.partyId,
      email: invitation.email,
      function: invitation.function,
      title: invitation.title,
      token_hash: input.tokenHash,
      invited_by: input.invitedBy,
      created_at: new Date(invitation.createdAt),
      expires_at: new Date(invitation.expiresAt),
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
      revoked_by: null,
    })
    .execute();
  return invitation;
}

/** Locks the row so two accepts of one token (or an accept and a withdrawal) cannot both succeed. */
export async function findInvitationByTokenHashForUpdate(
  db: Database,
  tokenHash: string,
): Promise<Invitation | undefined> {
  const row = await db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
  return row === undefined ? undefined : toInvitation(row);
}

export async function markInvitationAccepted(
  db: Database,
  input: { id: InvitationId; userId: UserId; at: Date },
): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ accepted_at: input.at, accepted_by: input.userId })
    .where('id', '=', input.id)
    .execute();
}

export async function findInvitationByTokenHash(
  db: Database,
  tokenHash: string,
): Promise<Invitation | undefined> {
  const row = await db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row === undefined ? undefined : toInvitation(row);
}

/** Who sent an invitation: their authority is checked again when it is redeemed. */
export async function findInviter(db: Database, id: InvitationId): Promise<UserId | undefined> {
  const row = await db.selectFrom('invitations').select('invited_by').where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : UserIdSchema.parse(row.invited_by);
}

/**
 * An invitation of this negotiation (an id from another one is not found) and who sent it, with
 * the row locked: a withdrawal and an acceptance racing on one invitation cannot both apply.
 */
export async function findInvitationForUpdate(
  db: Database,
  input: { negotiationId: NegotiationId; id: InvitationId },
): Promise<{ invitation: Invitation; invitedBy: UserId; revokedByName: string | null } | undefined> {
  const row = await db
    .selectFrom('invitations')
    .selectAll('invitations')
    // A subquery, not a join: a locked read (FOR UPDATE) may not outer-join.
    .select((eb) =>
      eb
        .selectFrom('users')
        .select('users.display_name')
        .whereRef('users.id', '=', 'invitations.revoked_by')
        .as('revoked_by_name'),
    )
    .where('id', '=', input.id)
    .where('negotiation_id', '=', input.negotiationId)
    .forUpdate()
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        invitation: toInvitation(row),
        invitedBy: UserIdSchema.parse(row.invited_by),
        revokedByName: row.revoked_by_name,
      };
}

export async function markInvitationRevoked(
  db: Database,
  input: { id: InvitationId; userId: UserId; at: Date },
): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ revoked_at: input.at, revoked_by: input.userId })
    .where('id', '=', input.id)
    .execute();
}

/**
 * Withdraws the pending invitations of one address to one party in one function (a new link
 * replaces them, so only the newest works), returning their ids.
 */
export async function revokePendingInvitationsTo(
  db: Database,
  input: { partyId: string; email: string; function: MemberFunction; userId: UserId; at: Date },
): Promise<InvitationId[]> {
  const rows = await db
    .updateTable('invitations')
    .set({ revoked_at: input.at, revoked_by: input.userId })
    .where('party_id', '=', input.partyId)
    .where('email', '=', input.email)
    .where('function', '=', input.function)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', input.at)
    .returning('id')
    .execute();
  return rows.map((row) => InvitationIdSchema.parse(row.id));
}
