import {
  MemberIdSchema,
  NegotiationIdSchema,
  PartyIdSchema,
  UserIdSchema,
  type Member,
  type MemberFunction,
  type MemberId,
  type NegotiationId,
  type PartyId,
  type PartyRole,
  type UserId,
} from '@parley/core';
import type { Database } from './database';
import type { MembersTable } from './schema';

/** A membership joined with what the policy needs about its party. */
export type Seat = {
  negotiationId: NegotiationId;
  partyId: PartyId;
  partyRole: PartyRole;
  function: MemberFunction;
  validFrom: string;
  validTo: string | null;
};

export async function insertMember(db: Database, member: Omit<Member, 'displayName'>): Promise<void> {
  await db
    .insertInto('members')
    .values({
      id: member.id,
      negotiation_id: member.negotiationId,
      party_id: member.partyId,
      user_id: member.userId,
      function: member.function,
      title: member.title,
      valid_from: new Date(member.validFrom),
      valid_to: member.validTo === null ? null : new Date(member.validTo),
    })
    .execute();
}

function memberQuery(db: Database) {
  return db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select([
      'members.id',
      'members.negotiation_id',
      'members.party_id',
      'members.user_id',
      'members.function',
      'members.title',
      'members.valid_from',
      'members.valid_to',
      'users.display_name',
    ]);
}

type MemberRow = Omit<MembersTable, 'ended_by' | 'ended_at'> & { display_name: string };
function toMember(row: MemberRow): Member {
  return {
    id: MemberIdSchema.parse(row.id),
    negotiationId: NegotiationIdSchema.parse(row.negotiation_id),
    partyId: PartyIdSchema.parse(row.party_id),
    userId: UserIdSchema.parse(row.user_id),
    displayName: row.display_name,
    title: row.title,
    function: row.function as MemberFunction,
    validFrom: row.valid_from.toISOString(),
    validTo: row.valid_to === null ? null : row.valid_to.toISOString(),
  };
}

export async function listMembers(db: Database, negotiationId: NegotiationId): Promise<Member[]> {
  const rows = await memberQuery(db)
    .where('members.negotiation_id', '=', negotiationId)
    .orderBy('members.valid_from')
    .orderBy('members.id')
    .execute();
  return rows.map(toMember);
}

export async function findMember(
  db: Database,
  input: { negotiationId: NegotiationId; memberId: MemberId },
): Promise<Member | undefined> {
  const row = await memberQuery(db)
    .where('members.id', '=', input.memberId)
    .where('members.negotiation_id', '=', input.negotiationId)
    .executeTakeFirst();
  return row === undefined ? undefined : toMember(row);
}

/** Sets a seat's end, recording who set it when (told to a second person ending it). */
export async function updateMemberValidTo(
  db: Database,
  input: { memberId: MemberId; validTo: string; endedBy: UserId | null; at: Date },
): Promise<void> {
  await db
    .updateTable('members')
    .set({ valid_to: new Date(input.validTo), ended_by: input.endedBy, ended_at: input.at })
    .where('id', '=', input.memberId)
    .execute();
}

/**
 * One seat with its row locked until the transaction ends, and who set its end when: two people
 * ending one seat at once are served one after the other.
 */
export async function findSeatForUpdate(
  db: Database,
  input: { negotiationId: NegotiationId; memberId: MemberId },
): Promise<
  | { member: Member; endedBy: { userId: UserId; displayName: string } | null; endedAt: Date | null }
  | undefined
> {
  const row = await memberQuery(db)
    .select((eb) => [
      'members.ended_by',
      'members.ended_at',
      eb
        .selectFrom('users as ender')
        .select('ender.display_name')
        .whereRef('ender.id', '=', 'members.ended_by')
        .as('ended_by_name'),
    ])
    .where('members.id', '=', input.memberId)
    .where('members.negotiation_id', '=', input.negotiationId)
    .forUpdate()
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const endedBy =
    row.ended_by === null || row.ended_by_name === null
      ? null
      : { userId: UserIdSchema.parse(row.ended_by), displayName: row.ended_by_name };
  return { member: toMember(row), endedBy, endedAt: row.ended_at };
}

/** Every seat the user has held, in any negotiation, with the role of its party. */
export async function listSeatsOfUser(db: Database, userId: UserId): Promise<Seat[]> {
  const rows = await db
    .selectFrom('members')
    .innerJoin('parties', 'parties.id', 'members.party_id')
    .select([
      'members.negotiation_id',
      'members.party_id',
      'parties.role',
      'members.function',
      'members.valid_from',
      'members.valid_to',
    ])
    .where('members.user_id', '=', userId)
    .execute();
  return rows.map((row) => ({
    negotiationId: NegotiationIdSchema.parse(row.negotiation_id),
    partyId: PartyIdSchema.parse(row.party_id),
    partyRole: row.role as PartyRole,
    function: row.function as MemberFunction,
    validFrom: row.valid_from.toISOString(),
    validTo: row.valid_to === null ? null : row.valid_to.toISOString(),
  }));
}

/**
 * The seats (ended and later ones too) `other` holds in negotiations where `viewer` has held one:
 * where `viewer` may have met `other` in Parley. Seating someone directly is for such colleagues;
 * anyone else is invited (services/members.ts says why, and which of these seats count).
 */
export async function listSeatsSharedWith(
  db: Database,
  input: { viewer: UserId; other: UserId },
): Promise<{ negotiationId: NegotiationId; partyId: PartyId; validFrom: string; validTo: string | null }[]> {
  const rows = await db
    .selectFrom('members as theirs')
    .select(['theirs.negotiation_id', 'theirs.party_id', 'theirs.valid_from', 'theirs.valid_to'])
    .where('theirs.user_id', '=', input.other)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('members as mine')
          .select('mine.id')
          .whereRef('mine.negotiation_id', '=', 'theirs.negotiation_id')
          .where('mine.user_id', '=', input.viewer),
      ),
    )
    .execute();
  return rows.map((row) => ({
    negotiationId: NegotiationIdSchema.parse(row.negotiation_id),
    partyId: PartyIdSchema.parse(row.party_id),
    validFrom: row.valid_from.toISOString(),
    validTo: row.valid_to === null ? null : row.valid_to.toISOString(),
  }));
}
