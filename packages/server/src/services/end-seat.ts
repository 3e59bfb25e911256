import {
  can,
  DomainError,
  instantInWords,
  seatSeenBy,
  type Member,
  type MemberId,
  type Negotiation,
  type UserId,
  type Viewer,
} from '@parley/core';
import { findMember, findSeatForUpdate, updateMemberValidTo } from '../storage/members';
import { findParty } from '../storage/parties';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { partyResource } from './known-party';
import { isAhead } from './members';
import { assertAllowed, visibleOrNotFound } from './viewer';

type SeatEnd = { validTo: string; baseValidTo?: string | null | undefined };

/**
 * Ends a seat at `validTo` (e.g. when a member leaves); the seat stays on file. A seat's end is the
 * only thing about it that changes, so it serves as its revision (issue #11 item 8): `baseValidTo`
 * is the end the form showed (null: none), and a seat whose end someone else set meanwhile is a
 * 409 naming who and when. Without it, as before, only moving an end later is refused.
 */
export async function endMember(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; memberId: MemberId; end: SeatEnd },
): Promise<Member> {
  const { negotiation, end } = input;
  const found = await findMember(deps.db, { negotiationId: negotiation.id, memberId: input.memberId });
  const now = deps.clock.now();
  // A seat that starts later is not there yet for those outside its delegation: a 403 instead of
  // the 404 of an unknown id would tell them it is planned.
  const member = visibleOrNotFound(
    found,
    () =>
      can(viewer, 'member.read', { kind: 'negotiation', negotiationId: negotiation.id }) &&
      found !== undefined &&
      seatSeenBy(viewer, found, now) !== undefined,
    'Member',
  );
  const party = await findParty(deps.db, { negotiationId: negotiation.id, partyId: member.partyId });
  if (party === undefined) throw new DomainError('not-found', 'Member not found.');
  assertAllowed(
    can(viewer, 'member.manage', partyResource(party)),
    "manage this party's delegation (its lead does)",
  );
  if (Date.parse(end.validTo) < Date.parse(member.validFrom)) {
    throw new DomainError('invalid-input', 'validTo must not be before validFrom.', { field: 'validTo' });
  }
  if (end.baseValidTo === undefined) assertNotLater(member, end.validTo);
  if (member.function === 'lead') {
    // Ending the lead's own seat would leave the delegation with no one to manage it.
    throw new DomainError('conflict', 'A lead seat ends only by handing the lead over to someone else.', {
      field: 'memberId',
    });
  }
  const at = now;
  return commitChange(deps, {
    actor: viewer,
    at,
    write: async (tx) => {
      // Checked again under the row's lock: of two people ending one seat at once, the second
      // is checked against what the first wrote.
      const locked = await findSeatForUpdate(tx, { negotiationId: negotiation.id, memberId: member.id });
      if (locked === undefined) throw new DomainError('not-found', 'Member not found.');
      assertEndCurrent(locked, { end, timeZone: negotiation.timeZone });
      await updateMemberValidTo(tx, {
        memberId: member.id,
        validTo: end.validTo,
        endedBy: viewer.userId,
        at,
      });
      return { ...locked.member, validTo: end.validTo };
    },
    // An end set ahead stays the delegation's plan until then: the other side is not told.
    event: {
      type: 'members.changed',
      negotiationId: negotiation.id,
      partyId: member.partyId,
      scheduled: isAhead(end.validTo, at),
    },
    audit: {
      action: 'member.end',
      subjectType: 'member',
      subjectId: member.id,
      negotiationId: negotiation.id,
      detail: { validTo: end.validTo },
    },
  });
}

const sameInstant = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : Date.parse(a) === Date.parse(b);

function assertEndCurrent(
  seat: {
    member: Member;
    endedBy: { userId: UserId; displayName: string } | null;
    endedAt: Date | null;
  },
  input: { end: SeatEnd; timeZone: string },
): void {
  const { member } = seat;
  const { end, timeZone } = input;
  if (end.baseValidTo !== undefined && !sameInstant(member.validTo, end.baseValidTo)) {
    const now =
      member.validTo === null ? 'it has no end now' : `it ends ${instantInWords(member.validTo, timeZone)}`;
    const by =
      seat.endedBy === null || seat.endedAt === null
        ? ''
        : ` by ${seat.endedBy.displayName} on ${instantInWords(seat.endedAt, timeZone)}`;
    const yours = end.baseValidTo === null ? 'no end' : `an end ${instantInWords(end.baseValidTo, timeZone)}`;
    throw new DomainError(
      'conflict',
      `This seat was already ended meanwhile${by}: ${now} (you saw ${yours}).`,
      { field: 'baseValidTo' },
    );
  }
  assertNotLater(member, end.validTo);
}

// Ending may only shorten a seat: moving an end date later would quietly re-admit a replaced member.
function assertNotLater(member: Member, validTo: string): void {
  if (member.validTo !== null && Date.parse(validTo) > Date.parse(member.validTo)) {
    throw new DomainError('conflict', 'This seat already ends earlier; add a new seat instead.', {
      field: 'validTo',
    });
  }
}
