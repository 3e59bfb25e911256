import { assertNever } from '../errors';
import type { NegotiationResource, PartyResource, PositionResource, RoundResource } from './resources';
import { hasPartyRole, isMediatorStaff, isMemberOf, isParticipant, seatsIn, type Viewer } from './viewer';

/** The plan: versions, positions, amendments, escalations, rounds and statements. */
export const PLAN_POLICY = {
  /** Versions, redlines, history, escalations, round readouts and statements: every participant. */
  'plan.read': (viewer: Viewer, resource: NegotiationResource) =>
    isParticipant(viewer, resource.negotiationId),
  /** New versions, rounds, escalations, statements and amendment fates are the mediator staff's. */
  'plan.manage': (viewer: Viewer, resource: NegotiationResource) =>
    isMediatorStaff(viewer, resource.negotiationId),
  /** A negotiating party's lead or delegates speak for it: positions and amendments. */
  'position.record': (viewer: Viewer, resource: PartyResource) =>
    resource.partyRole === 'party' &&
    seatsIn(viewer, resource.negotiationId).some(
      (seat) =>
        seat.partyId === resource.partyId && (seat.function === 'lead' || seat.function === 'delegate'),
    ),
  'position.read': canReadPosition,
  /** Minutes are restricted to the mediator and the parties that were in the room. */
  'round.minutes.read': (viewer: Viewer, resource: RoundResource) =>
    hasPartyRole(viewer, resource.negotiationId, ['mediator']) ||
    resource.partiesPresent.some((partyId) => isMemberOf(viewer, resource.negotiationId, partyId)),
};

// private = own delegation; mediator = own delegation + mediator; parties = every mediator or
// negotiating party (observers excluded, as for `parties` records). Amendments are read as `mediator`.
function canReadPosition(viewer: Viewer, resource: PositionResource): boolean {
  const { negotiationId, partyId, visibility } = resource;
  if (isMemberOf(viewer, negotiationId, partyId)) return true;
  switch (visibility) {
    case 'private':
      return false;
    case 'mediator':
      return hasPartyRole(viewer, negotiationId, ['mediator']);
    case 'parties':
      return hasPartyRole(viewer, negotiationId, ['mediator', 'party']);
    default:
      return assertNever(visibility);
  }
}
