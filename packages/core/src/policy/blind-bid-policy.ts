import type { BiddingResource, NegotiationResource, PartyResource } from './resources';
import { hasPartyRole, isMediatorStaff, isMemberOf, seatsIn, type Viewer } from './viewer';

/**
 * Blind bids on a numeric issue (docs/live-analysis.md). No action reads a bound: the server
 * opens the sealed bids only to compute the reveal, whose outcome is all anyone receives.
 */
export const BLIND_BID_POLICY = {
  /** Opening a bidding and revealing it: the mediator's staff, as for the issues themselves. */
  'bidding.manage': (viewer: Viewer, resource: NegotiationResource) =>
    isMediatorStaff(viewer, resource.negotiationId),
  /**
   * Whether any bidding here can concern the viewer: the mediator's party and the negotiating
   * parties (a bidding is always between two of them); observers have none. Each bidding is then
   * read under `bidding.read`.
   */
  'bidding.list': (viewer: Viewer, resource: NegotiationResource) =>
    hasPartyRole(viewer, resource.negotiationId, ['mediator', 'party']),
  /**
   * That a bidding exists, which sides have bid, and the outcome: the mediator's party and the two
   * bidding delegations. Observers and other parties see nothing, as for the live analysis.
   */
  'bidding.read': (viewer: Viewer, resource: BiddingResource) =>
    hasPartyRole(viewer, resource.negotiationId, ['mediator']) ||
    isMemberOf(viewer, resource.negotiationId, resource.givingPartyId) ||
    isMemberOf(viewer, resource.negotiationId, resource.takingPartyId),
  /** A side's bid: its delegation's lead or delegates, who speak for it (as `profile.write`). */
  'bid.submit': (viewer: Viewer, resource: PartyResource) =>
    resource.partyRole === 'party' &&
    seatsIn(viewer, resource.negotiationId).some(
      (seat) =>
        seat.partyId === resource.partyId && (seat.function === 'lead' || seat.function === 'delegate'),
    ),
};
