import type { NegotiationId, PartyId, UserId } from '../ids';
import type { MemberFunction } from '../schemas/members';
import type { PartyRole } from '../schemas/parties';

/** One seat of the viewer, already filtered to those valid at the request's `now`. */
export type ViewerMembership = {
  readonly negotiationId: NegotiationId;
  readonly partyId: PartyId;
  readonly partyRole: PartyRole;
  readonly function: MemberFunction;
};

/** Who is asking. `userId: null` is an anonymous caller; memberships are loaded by the server. */
export type Viewer = {
  readonly userId: UserId | null;
  readonly memberships: readonly ViewerMembership[];
  /** An administrator of the instance (its settings only: no seat, no access to any negotiation). */
  readonly isAdmin?: boolean;
};

export const ANONYMOUS: Viewer = { userId: null, memberships: [] };

/** Seats valid at `now`: validFrom ≤ now < validTo (validTo null = open-ended). */
export function isMembershipActive(seat: { validFrom: string; validTo: string | null }, now: Date): boolean {
  const at = now.getTime();
  if (Date.parse(seat.validFrom) > at) return false;
  return seat.validTo === null || Date.parse(seat.validTo) > at;
}

export function seatsIn(viewer: Viewer, negotiationId: NegotiationId): readonly ViewerMembership[] {
  return viewer.memberships.filter((seat) => seat.negotiationId === negotiationId);
}

export function isParticipant(viewer: Viewer, negotiationId: NegotiationId): boolean {
  return seatsIn(viewer, negotiationId).length > 0;
}

export function isMemberOf(viewer: Viewer, negotiationId: NegotiationId, partyId: PartyId): boolean {
  return seatsIn(viewer, negotiationId).some((seat) => seat.partyId === partyId);
}

export function hasPartyRole(
  viewer: Viewer,
  negotiationId: NegotiationId,
  roles: readonly PartyRole[],
): boolean {
  return seatsIn(viewer, negotiationId).some((seat) => roles.includes(seat.partyRole));
}

/** Mediator staff run the process: the mediator party's lead and delegates (not analysts or principals). */
export function isMediatorStaff(viewer: Viewer, negotiationId: NegotiationId): boolean {
  return seatsIn(viewer, negotiationId).some(
    (seat) => seat.partyRole === 'mediator' && (seat.function === 'lead' || seat.function === 'delegate'),
  );
}

export function isLeadOf(viewer: Viewer, negotiationId: NegotiationId, partyId: PartyId): boolean {
  return seatsIn(viewer, negotiationId).some((seat) => seat.partyId === partyId && seat.function === 'lead');
}
