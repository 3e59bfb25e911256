import type { InstanceResource, NegotiationResource } from './resources';
import { isMediatorStaff, isParticipant, type Viewer } from './viewer';

/** Negotiations, parties and deadlines (delegations: delegation-policy.ts). */
export const NEGOTIATION_POLICY = {
  /** Opening a negotiation (the opener leads its mediator party): as the instance allows. */
  'negotiation.create': (viewer: Viewer, resource: InstanceResource) =>
    viewer.userId !== null && (resource.negotiationCreation === 'anyone' || viewer.isAdmin === true),
  /** Sign-up and negotiation-creation settings: the instance's administrators. */
  'instance.manage': (viewer: Viewer, _resource: InstanceResource) =>
    viewer.userId !== null && viewer.isAdmin === true,
  'negotiation.read': (viewer: Viewer, resource: NegotiationResource) =>
    isParticipant(viewer, resource.negotiationId),
  /** Title, mandate, closure rule, time zone: the mediator's staff, who keep the text. */
  'negotiation.update': (viewer: Viewer, resource: NegotiationResource) =>
    isMediatorStaff(viewer, resource.negotiationId),
  'party.create': (viewer: Viewer, resource: NegotiationResource) =>
    isMediatorStaff(viewer, resource.negotiationId),
  /** A party's name and whether it is required; its role never changes. */
  'party.update': (viewer: Viewer, resource: NegotiationResource) =>
    isMediatorStaff(viewer, resource.negotiationId),
  'party.read': (viewer: Viewer, resource: NegotiationResource) =>
    isParticipant(viewer, resource.negotiationId),
  /** Delegation lists (who negotiates for whom) are visible to every participant. */
  'member.read': (viewer: Viewer, resource: NegotiationResource) =>
    isParticipant(viewer, resource.negotiationId),
  'deadline.read': (viewer: Viewer, resource: NegotiationResource) =>
    isParticipant(viewer, resource.negotiationId),
  'deadline.create': (viewer: Viewer, resource: NegotiationResource) =>
    isMediatorStaff(viewer, resource.negotiationId),
};
