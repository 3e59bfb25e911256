import {
  can,
  DomainError,
  instantInWords,
  isMembershipActive,
  MemberIdSchema,
  type ChangeLeadInput,
  type LeadChange,
  type Party,
  type UserId,
  type Viewer,
} from '@parley/core';
import type { Database } from '../storage/database';
import { findNegotiation } from '../storage/negotiations';
import { listMembers, updateMemberValidTo } from '../storage/members';
import { commitChange, type Within } from './commit-change';
import type { AppDeps } from './deps';
import { partyResource } from './known-party';
import { colleagueOrNotFound, isAhead, seatMember } from './members';
import { assertAllowed } from './viewer';

/** The current lead hands the party's lead over at once (the mediator proposes instead: lead-handovers.ts). */
export async function changeLead(
  deps: AppDeps,
  viewer: Viewer,
  input: { party: Party; change: ChangeLeadInput },
): Promise<LeadChange> {
  const { party, change } = input;
  assertAllowed(
    can(viewer, 'lead.change', partyResource(party)),
    "hand over this party's lead (only its current lead does; the mediator may propose it)",
  );
  const validFrom = change.validFrom ?? deps.clock.now().toISOString();
  await colleagueOrNotFound(deps.db, viewer, { userId: change.userId, at: deps.clock.now() });
  return applyLeadChange(deps, {
    party,
    actor: viewer,
    userId: change.userId,
    title: change.title,
    validFrom,
  });
}

/**
 * Replaces a party's lead, in its own transaction or `within` another change's: the lead seat
 * valid at `validFrom` ends exactly then and the new lead's seat starts then, so there is never a
 * gap or two leads at once. A successor already in the delegation (a delegate promoted) leaves
 * that seat then.
 */
export function applyLeadChange(
  deps: AppDeps,
  input: { party: Party; actor: { userId: UserId | null }; userId: UserId; title: string; validFrom: string },
  within?: Within,
): Promise<LeadChange> {
  const { party, validFrom } = input;
  return commitChange(
    deps,
    {
      actor: input.actor,
      write: (tx) => replaceLead(deps, tx, input),
      // Dated ahead, the hand-over is the delegation's plan until then: the other side is not told.
      event: {
        type: 'members.changed',
        negotiationId: party.negotiationId,
        partyId: party.id,
        scheduled: isAhead(validFrom, deps.clock.now()),
      },
      audit: ({ ended, lead }) => ({
        action: 'member.lead-change',
        subjectType: 'party',
        subjectId: party.id,
        negotiationId: party.negotiationId,
        detail: { ended: ended.map((seat) => seat.id), lead: lead.id, validFrom },
      }),
    },
    within,
  );
}

async function replaceLead(
  deps: AppDeps,
  tx: Database,
  input: { party: Party; actor: { userId: UserId | null }; userId: UserId; title: string; validFrom: string },
): Promise<LeadChange> {
  const { party, validFrom } = input;
  const at = new Date(validFrom);
  const seats = (await listMembers(tx, party.negotiationId)).filter((seat) => seat.partyId === party.id);
  const now = deps.clock.now();
  const leads = seats.filter((seat) => seat.function === 'lead');
  // Handing the lead to its holder ended the seat and began another with no title: nothing to do.
  if (leads.some((seat) => seat.userId === input.userId && isMembershipActive(seat, at)))
    throw new DomainError('conflict', 'This person already leads the delegation then: choose someone else.', {
      field: 'userId',
    });
  const timeZone = (await findNegotiation(tx, party.negotiationId))?.timeZone ?? 'UTC';
  assertDateFits({
    timeZone,
    validFrom,
    current: leads.filter((seat) => isMembershipActive(seat, now)),
    scheduled: leads.filter((seat) => Date.parse(seat.validFrom) > now.getTime()),
  });
  const ending = seats.filter(
    (seat) =>
      isMembershipActive(seat, at) &&
      (seat.function === 'lead' || seat.userId === input.userId) &&
      Date.parse(seat.validFrom) < at.getTime(),
  );
  for (const seat of ending)
    await updateMemberValidTo(tx, {
      memberId: seat.id,
      validTo: validFrom,
      endedBy: input.actor.userId,
      at: now,
    });
  const lead = await seatMember(tx, {
    id: MemberIdSchema.parse(deps.ids.next()),
    negotiationId: party.negotiationId,
    partyId: party.id,
    userId: input.userId,
    function: 'lead',
    title: input.title,
    validFrom,
    validTo: null,
  });
  return { ended: ending.map((seat) => ({ ...seat, validTo: validFrom })), lead };
}

/**
 * A hand-over may be dated back to when the current lead took office (to record what happened
 * before it was entered), never earlier: that would rewrite a former lead's term.
 */
function assertDateFits(input: {
  timeZone: string;
  validFrom: string;
  current: readonly { validFrom: string }[];
  scheduled: readonly { validFrom: string }[];
}): void {
  const at = Date.parse(input.validFrom);
  const since = Math.max(...input.current.map((seat) => Date.parse(seat.validFrom)));
  if (input.current.length > 0 && at <= since)
    throw new DomainError(
      'invalid-input',
      `The hand-over must be dated after the current lead took office (${instantInWords(new Date(since), input.timeZone)}).`,
      { field: 'validFrom' },
    );
  const next = input.scheduled[0];
  if (next !== undefined)
    throw new DomainError(
      'conflict',
      `A hand-over is already scheduled from ${instantInWords(next.validFrom, input.timeZone)}.`,
      {
        field: 'validFrom',
      },
    );
}
