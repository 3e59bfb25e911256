import type { NegotiationResource, PartyResource, ProfileResource } from './resources';
import { hasPartyRole, isMediatorStaff, isMemberOf, seatsIn, type Viewer } from './viewer';

/**
 * Issues, private preference profiles and the live analysis (docs/live-analysis.md). A profile is
 * its delegation's alone unless it chose to share it with the mediator; every number computed
 * from a profile is disclosed under the same rule (`profile.read`).
 */
export const LIVE_ANALYSIS_POLICY = {
  /** Which points are negotiable and their options: plan material, read by every participant. */
  'issue.read': (viewer: Viewer, resource: NegotiationResource) =>
    seatsIn(viewer, resource.negotiationId).length > 0,
  'issue.manage': (viewer: Viewer, resource: NegotiationResource) =>
    isMediatorStaff(viewer, resource.negotiationId),
  /** The delegation's lead and delegates state its preferences. */
  'profile.write': (viewer: Viewer, resource: PartyResource) =>
    resource.partyRole === 'party' &&
    seatsIn(viewer, resource.negotiationId).some(
      (seat) =>
        seat.partyId === resource.partyId && (seat.function === 'lead' || seat.function === 'delegate'),
    ),
  /**
   * Whether the viewer has a delegation's own preferences to read (and, lead and delegates, to
   * state): a seat in a negotiating party. What the web app offers as "Our preferences".
   */
  'profile.read-own': (viewer: Viewer, resource: NegotiationResource) =>
    hasPartyRole(viewer, resource.negotiationId, ['party']),
  /** The profile, and anything computed from it: own delegation; the mediator's party if shared. */
  'profile.read': (viewer: Viewer, resource: ProfileResource) =>
    isMemberOf(viewer, resource.negotiationId, resource.partyId) ||
    (resource.sharedWithMediator && hasPartyRole(viewer, resource.negotiationId, ['mediator'])),
  /** Suggested packages: the mediator's party and the negotiating parties, not observers. */
  'live-analysis.run': (viewer: Viewer, resource: NegotiationResource) =>
    hasPartyRole(viewer, resource.negotiationId, ['mediator', 'party']),
  /** Propose to every party a package each prefers to the one on the table (no reasons given). */
  'live-analysis.propose': (viewer: Viewer, resource: NegotiationResource) =>
    isMediatorStaff(viewer, resource.negotiationId),
};
