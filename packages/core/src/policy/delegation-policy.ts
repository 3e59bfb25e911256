import type { DelegationResource, PartyResource, PartySeatsResource } from './resources';
import { isLeadOf, isMediatorStaff, isMemberOf, type Viewer } from './viewer';

/**
 * Who runs a delegation (#13): its own lead. The mediator's staff may seat a party's first lead
 * (set-up), never a later one, and may propose a new lead, which only takes effect once the
 * party's lead accepts. Nobody else touches another party's delegation: seating oneself there
 * would open its private positions and delegation-only records.
 */
export const DELEGATION_POLICY = {
  /** Seat, invite or end members of the party's delegation. */
  'member.manage': (viewer: Viewer, resource: PartyResource) =>
    isLeadOf(viewer, resource.negotiationId, resource.partyId),
  /** Seat (or invite) the first lead of a party that never had one: once it has, its leads hand over. */
  'member.seat-first-lead': (viewer: Viewer, resource: DelegationResource) =>
    !resource.hasLead && isMediatorStaff(viewer, resource.negotiationId),
  /** Hand the lead over at once: only the current lead gives it away. */
  'lead.change': (viewer: Viewer, resource: PartyResource) =>
    isLeadOf(viewer, resource.negotiationId, resource.partyId),
  /** The mediator asks another party to hand its lead over; the party's lead decides. */
  'lead.propose': (viewer: Viewer, resource: PartyResource) =>
    resource.partyRole !== 'mediator' &&
    isMediatorStaff(viewer, resource.negotiationId) &&
    !isLeadOf(viewer, resource.negotiationId, resource.partyId),
  'lead.decide': (viewer: Viewer, resource: PartyResource) =>
    isLeadOf(viewer, resource.negotiationId, resource.partyId),
  'lead.withdraw': (viewer: Viewer, resource: PartyResource) =>
    isMediatorStaff(viewer, resource.negotiationId),
  /** Pending hand-overs: the party's own delegation and the mediator's staff. */
  'lead.read': (viewer: Viewer, resource: PartyResource) => mayReadPlans(viewer, resource),
  /**
   * The delegation's seat changes dated ahead (a seat starting later, an end set ahead, a lead
   * handed over from a later date): its own members and the mediator's staff, who run seating.
   * Everyone else sees the delegation as it is now (seat-visibility.ts) and each change from the
   * moment it takes effect: before, it would tell the other side the delegation's plans.
   */
  'seat.read-future': (viewer: Viewer, resource: PartySeatsResource) => mayReadPlans(viewer, resource),
};

function mayReadPlans(viewer: Viewer, resource: PartySeatsResource): boolean {
  return (
    isMemberOf(viewer, resource.negotiationId, resource.partyId) ||
    isMediatorStaff(viewer, resource.negotiationId)
  );
}
