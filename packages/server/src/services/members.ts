import {
  can,
  DomainError,
  seatsSeenBy,
  MemberIdSchema,
  UserIdSchema,
  type AddMemberInput,
  type Member,
  type MemberFunction,
  type Negotiation,
  type Party,
  type UserId,
  type Viewer,
} from '@parley/core';
import { insertMember, listMembers, listSeatsSharedWith } from '../storage/members';
import { findUser, findUserByEmail } from '../storage/users';
import { normalizeEmail } from './accounts';
import type { Database } from '../storage/database';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { partyResource } from './known-party';
import { assertAllowed } from './viewer';

/**
 * Whether the party has, had or will have a lead seat: the mediator's set-up right ends for good
 * with the first one (#13). Were it to come back when a lead seat ended, the mediator could seat a
 * lead of its own choosing and read the delegation's private positions and internal records.
 */
export function hasHadLead(seats: readonly Member[], party: Party): boolean {
  return seats.some((seat) => seat.partyId === party.id && seat.function === 'lead');
}

/** Whether the party's lead seat holds now or is scheduled: who an invitation for its lead now goes past. */
export function hasLeadSeat(seats: readonly Member[], party: Party, now: Date): boolean {
  return seats.some(
    (seat) =>
      seat.partyId === party.id &&
      seat.function === 'lead' &&
      (seat.validTo === null || Date.parse(seat.validTo) > now.getTime()),
  );
}

/**
 * Whether the viewer may seat (or invite) someone with this function in the party: the party's
 * own lead always; the mediator's staff only its first lead, while it has none.
 */
export function maySeat(
  viewer: Viewer,
  input: { party: Party; function: MemberFunction; seats: readonly Member[]; now: Date },
): boolean {
  const { party } = input;
  if (can(viewer, 'member.manage', partyResource(party))) return true;
  return (
    input.function === 'lead' &&
    can(viewer, 'member.seat-first-lead', {
      ...partyResource(party),
      kind: 'delegation',
      hasLead: hasHadLead(input.seats, party),
    })
  );
}

export async function listMembersForViewer(
  deps: AppDeps,
  viewer: Viewer,
  negotiation: Negotiation,
): Promise<Member[]> {
  if (!can(viewer, 'member.read', { kind: 'negotiation', negotiationId: negotiation.id })) return [];
  return seatsSeenBy(viewer, await listMembers(deps.db, negotiation.id), deps.clock.now());
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
  // A lead's seat ends only by handing the lead over: one that ran out would leave the party with
  // no one to run its delegation.
  if (member.function === 'lead' && member.validTo !== null) {
    throw new DomainError(
      'invalid-input',
      "A lead's seat has no end date: it ends when the lead is handed over to a successor.",
      { field: 'validTo' },
    );
  }
  if (member.validTo !== null && Date.parse(member.validTo) <= Date.parse(member.validFrom)) {
    throw new DomainError('invalid-input', 'validTo must be after validFrom.', { field: 'validTo' });
  }
  const existing = await listMembers(tx, member.negotiationId);
  const clash = existing.find((seat) => seat.userId === member.userId && overlaps(seat, member));
  if (clash !== undefined) {
    // One delegation per person at a time: a seat in a second one would open that party's
    // private material to someone who speaks for another (#13).
    const message =
      clash.partyId === member.partyId
        ? 'This user already has a seat in this party for these dates.'
        : 'This user already sits in another delegation of this negotiation for these dates.';
    throw new DomainError('membership-overlap', message, { field: 'validFrom' });
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
  const now = deps.clock.now();
  return commitChange(deps, {
    actor: viewer,
    write: async (tx) => {
      const seats = await listMembers(tx, party.negotiationId);
      assertAllowed(
        maySeat(viewer, { party, function: input.member.function, seats, now }),
        input.member.function === 'lead'
          ? "seat this party's lead (it has one: only that lead hands the lead over)"
          : "manage this party's delegation (its lead does)",
      );
      const userId = await seatedUserId(tx, viewer, { member: input.member, now });
      // Named by address, a colleague seated in another delegation is answered as no colleague: the
      // member list names people, not addresses, and "sits elsewhere" would tell whose address it is
      // (an invitation tells no one either; its invitee learns it on accepting).
      if (input.member.userId === null && sitsElsewhere(seats, { userId, party, member: input.member, now }))
        throw noColleagueWithEmail();
      return seatMember(tx, {
        id: MemberIdSchema.parse(deps.ids.next()),
        negotiationId: party.negotiationId,
        partyId: party.id,
        userId,
        function: input.member.function,
        title: input.member.title,
        validFrom: input.member.validFrom ?? now.toISOString(),
        validTo: input.member.validTo ?? null,
      });
    },
    event: (member) => ({
      type: 'members.changed',
      negotiationId: party.negotiationId,
      partyId: party.id,
      scheduled: isAhead(member.validFrom, now),
    }),
    audit: (member) => ({
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
    }),
  });
}

/** Whether a seat's date is after `now`: a change that only its delegation and the mediator may know of yet. */
export function isAhead(instant: string, now: Date): boolean {
  return Date.parse(instant) > now.getTime();
}

/** Stands for "no account" in the colleague check, which runs either way so both answers take as long. */
const NO_ACCOUNT = UserIdSchema.parse('00000000-0000-4000-8000-000000000000');

/**
 * Whom a viewer may seat, or make a lead, directly: a colleague, someone who has sat in a
 * negotiation with the viewer (or the viewer). Anyone may create a negotiation and so seat in it,
 * and a seat needs no consent, so seating a stranger would tell whether an address has an account
 * (and its name) and put an unasked-for negotiation in their list: strangers are invited, and
 * accept. A stranger and an unknown account get the same 404, after the same queries.
 * Only a seat the viewer may see at `at` makes a colleague: one another delegation set ahead would
 * tell, by a seating that now succeeds, that it has plans for this person (`seat.read-future`).
 */
export async function colleagueOrNotFound(
  tx: Database,
  viewer: Viewer,
  person: ({ userId: UserId } | { email: string }) & { at: Date },
): Promise<{ id: UserId; displayName: string }> {
  const found =
    'userId' in person
      ? await findUser(tx, person.userId)
      : (await findUserByEmail(tx, normalizeEmail(person.email)))?.user;
  const candidate = found?.id ?? NO_ACCOUNT;
  const shared =
    viewer.userId === null ? [] : await listSeatsSharedWith(tx, { viewer: viewer.userId, other: candidate });
  const isColleague =
    viewer.userId !== null &&
    (candidate === viewer.userId || seatsSeenBy(viewer, shared, person.at).length > 0);
  if (found !== undefined && isColleague) return found;
  throw 'userId' in person
    ? new DomainError('not-found', 'User not found.', { field: 'userId' })
    : noColleagueWithEmail();
}

const noColleagueWithEmail = () =>
  new DomainError(
    'not-found',
    'No one you have sat with in a negotiation has this email: invite the person instead.',
    {
      field: 'email',
    },
  );

/** Whether the seat asked for would overlap one the user holds in another party of the negotiation. */
function sitsElsewhere(
  seats: readonly Member[],
  input: { userId: UserId; party: Party; member: AddMemberInput; now: Date },
): boolean {
  const asked = {
    validFrom: input.member.validFrom ?? input.now.toISOString(),
    validTo: input.member.validTo ?? null,
  };
  return seats.some(
    (seat) => seat.userId === input.userId && seat.partyId !== input.party.id && overlaps(seat, asked),
  );
}

/** The account to seat: by id, or by its email (how a lead knows a colleague). */
async function seatedUserId(
  tx: Database,
  viewer: Viewer,
  input: { member: AddMemberInput; now: Date },
): Promise<UserId> {
  const { member } = input;
  if ((member.userId === null) === (member.email === undefined))
    throw new DomainError('invalid-input', 'Name the person by userId, or by email with userId null.', {
      field: 'email',
    });
  const person = member.userId !== null ? { userId: member.userId } : { email: member.email ?? '' };
  return (await colleagueOrNotFound(tx, viewer, { ...person, at: input.now })).id;
}
