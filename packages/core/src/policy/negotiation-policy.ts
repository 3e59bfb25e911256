import type { GlobalResource, NegotiationResource, PartyResource } from './resources';
import { isLeadOf, isMediatorStaff, isParticipant, type Viewer } from './viewer';

/** Negotiations, parties, delegations, invitations and deadlines. */
export const NEGOTIATION_POLICY = {
  /** Any signed-in user may open a negotiation; they become lead of its mediator party. */
  'negotiation.create': (viewer: Viewer, _resource: GlobalResource) => viewer.userId !== null,
  'negotiation.read': (viewer: Viewer, resource: NegotiationResource) =>
    isParticipant(viewer, resource.negotiationId),
  'party.create': (viewer: Viewer, resource: NegotiationResource) =>
    isMediatorStaff(viewer, resource.negotiationId),
  'party.read': (viewer: Viewer, resource: NegotiationResource) =>
    isParticipant(viewer, resource.negotiationId),
  /** Delegation lists (who negotiates for whom) are visible to every participant. */
  'member.read': (viewer: Viewer, resource: NegotiationResource) =>
    isParticipant(viewer, resource.negotiationId),
  /** Mediator staff seat anyone; a party's lead seats their own delegation. */
  'member.manage': (viewer: Viewer, resource: PartyResource) =>
    isMediatorStaff(viewer, resource.negotiationId) ||
    isLeadOf(viewer, resource.negotiationId, resource.partyId),
  'invitation.create': (viewer: Viewer, resource: PartyResource) =>
    isMediatorStaff(viewer, resource.negotiationId) ||
    isLeadOf(viewer, resource.negotiationId, resource.partyId),
  'deadline.read': (viewer: Viewer, resource: NegotiationResource) =>
    isParticipant(viewer, resource.negotiationId),
  'deadline.create': (viewer: Viewer, resource: NegotiationResource) =>
    isMediatorStaff(viewer, resource.negotiationId),
};
