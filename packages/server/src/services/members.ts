import { randomUUID } from 'node:crypto';
import {
  can,
  DomainError,
  type AddMemberInput,
  type Member,
  type MemberId,
  type Negotiation,
  type Party,
  type Viewer,
} from '@parley/core';
import { recordAudit } from '../audit';
import { findMember, insertMember, listMembers, updateMemberValidTo } from '../storage/members';
import { findParty } from '../storage/parties';
import { findUser } from '../storage/users';
import type { Database } from '../storage/database';
import type { AppDeps } from './deps';
import { assertAllowed, visibleOrNotFound } from './viewer';

const partyResource = (party: Party) =>
  ({ kind: 'party', negotiationId: party.negotiationId, partyId: party.id, partyRole: party.role }) as const;

export async function listMembersForViewer(
  deps: AppDeps,
  viewer: Viewer,
  negotiation: Negotiation,
): Promise<Member[]> {
  if (!can(viewer, 'member.read', { kind: 'negotiation', negotiationId: negotiation.id })) return [];
  return listMembers(deps.db, negotiation.id);
}

function overlaps(
  a: { validFrom: string; validTo: string | null },
  b: { validFrom: string; validTo: string | null },
): boolean {
  const end = (value: string | null) => (value === null ? Number.POSITIVE_INFINITY : Date.parse(value));
  return Date.parse(a.validFrom) < end(b.validTo) && Date.parse(b.validFrom) < end(a.validTo);
}

/** Inserts a seat after checking the user exists and holds no overlapping seat in this party. */
export async function seatMember(tx: Database, member: Omit<Member, 'displayName'>): Promise<Member> {
  const user = await findUser(tx, member.userId);
  if (user === undefined) throw new DomainError('not-found', 'User not found.', { field: 'userId' });
  if (member.validTo !== null && Date.parse(member.validTo) <= Date.parse(member.validFrom)) {
    throw new DomainError('invalid-input', 'validTo must be after validFrom.', { field: 'validTo' });
  }
  const existing = await listMembers(tx, member.negotiationId);
  if (
    existing.some(
      (seat) => seat.userId === member.userId && seat.partyId === member.partyId && overlaps(seat, member),
    )
  ) {
    throw new DomainError(
      'membership-overlap',
      'This user already has a seat in this party for these dates.',
      { field: 'validFrom' },
    );
  }
  await insertMember(tx, member);
  return { ...member, displayName: user.displayName };
}

export async function addMember(
  deps: AppDeps,
  viewer: Viewer,
  input: { party: Party; member: AddMemberInput },
): Promise<Member> {
  const { party } = input;
  assertAllowed(can(viewer, 'member.manage', partyResource(party)), "manage this party's delegation");
  return deps.db.transaction().execute(async (tx) => {
    const member = await seatMember(tx, {
      id: randomUUID() as MemberId,
      negotiationId: party.negotiationId,
      partyId: party.id,
      userId: input.member.userId,
      function: input.member.function,
      title: input.member.title,
      validFrom: input.member.validFrom ?? deps.clock.now().toISOString(),
      validTo: input.member.validTo ?? null,
    });
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: viewer.userId,
      action: 'member.add',
      subjectType: 'member',
      subjectId: member.id,
      negotiationId: party.negotiationId,
      detail: {
        partyId: party.id,
        userId: member.userId,
        function: member.function,
        validFrom: member.validFrom,
        validTo: member.validTo,
      },
    });
    return member;
  });
}

/** Ends a seat at `validTo` (e.g. when a lead is replaced); the seat stays on file. */
export async function endMember(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; memberId: MemberId; validTo: string },
): Promise<Member> {
  const { negotiation } = input;
  const found = await findMember(deps.db, { negotiationId: negotiation.id, memberId: input.memberId });
  const member = visibleOrNotFound(
    found,
    () => can(viewer, 'member.read', { kind: 'negotiation', negotiationId: negotiation.id }),
    'Member',
  );
  const party = await findParty(deps.db, { negotiationId: negotiation.id, partyId: member.partyId });
  if (party === undefined) throw new DomainError('not-found', 'Member not found.');
  assertAllowed(can(viewer, 'member.manage', partyResource(party)), "manage this party's delegation");
  if (Date.parse(input.validTo) < Date.parse(member.validFrom)) {
    throw new DomainError('invalid-input', 'validTo must not be before validFrom.', { field: 'validTo' });
  }
  // Ending may only shorten a seat: moving an end date later would quietly re-admit a replaced member.
  if (member.validTo !== null && Date.parse(input.validTo) > Date.parse(member.validTo)) {
    throw new DomainError('conflict', 'This seat already ends earlier; add a new seat instead.', {
      field: 'validTo',
    });
  }
  return deps.db.transaction().execute(async (tx) => {
    await updateMemberValidTo(tx, { memberId: member.id, validTo: input.validTo });
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: viewer.userId,
      action: 'member.end',
      subjectType: 'member',
      subjectId: member.id,
      negotiationId: negotiation.id,
      detail: { validTo: input.validTo },
    });
    return { ...member, validTo: input.validTo };
  });
}
