import { assertNever } from '../errors';
import type { NegotiationId, PartyId } from '../ids';
import type { PositionVisibility } from '../schemas/plan-positions';
import type { Classification } from '../schemas/records';
import { PLAN_POLICY } from './plan-policy';
import { RECORD_POLICY } from './record-policy';
import type { NegotiationResource } from './resources';
import { isMediatorStaff, isMemberOf, seatsIn, type Viewer } from './viewer';

/**
 * What an audit entry is about, as the policy sees it. The server resolves it from the entry
 * (its subject, or one id of a list in its detail); anything it cannot place is `mediator-only`.
 */
export type AuditMaterial =
  /** Material every participant reads: the negotiation, parties, seats, versions, rounds, statements. */
  | { readonly kind: 'public' }
  | { readonly kind: 'record'; readonly owningPartyId: PartyId; readonly classification: Classification }
  /** A position, or an amendment (read as a `mediator` position of the proposing party). */
  | { readonly kind: 'position'; readonly partyId: PartyId; readonly visibility: PositionVisibility }
  | { readonly kind: 'minutes'; readonly partiesPresent: readonly PartyId[] }
  /** A party's own business, e.g. whom it invited: the party and the mediator staff. */
  | { readonly kind: 'party-internal'; readonly partyId: PartyId }
  /** Leak traces, audit reads, addresses, and every action the server does not know how to place. */
  | { readonly kind: 'mediator-only' };

export type AuditMaterialResource = {
  readonly kind: 'audit-material';
  readonly negotiationId: NegotiationId;
  readonly material: AuditMaterial;
};

/**
 * The audit log of one negotiation (issue 6). The mediator staff answer for the process and see
 * every entry; a delegation's lead or delegates see the trail of their own party's material and of
 * public material only — who in another delegation read that delegation's papers is its business.
 */
export const AUDIT_POLICY = {
  'audit.read': (viewer: Viewer, resource: NegotiationResource) =>
    canOpenAuditLog(viewer, resource.negotiationId),
  /** Whether an entry about this material is listed at all (otherwise it is absent, not counted). */
  'audit.entry.read': (viewer: Viewer, resource: AuditMaterialResource) =>
    canOpenAuditLog(viewer, resource.negotiationId) &&
    (isMediatorStaff(viewer, resource.negotiationId) || isOwnOrPublic(viewer, resource)),
  /**
   * Whether the entry's ids and detail naming this material are shown. The staff see every entry,
   * but not the ids of material they may not open themselves (another delegation's internal papers).
   */
  'audit.subject.read': (viewer: Viewer, resource: AuditMaterialResource) =>
    canOpenAuditLog(viewer, resource.negotiationId) &&
    (isMediatorStaff(viewer, resource.negotiationId)
      ? canStaffOpen(viewer, resource)
      : isOwnOrPublic(viewer, resource)),
};

/** Mediator staff, and the lead or delegates of any party: those who answer for a delegation's papers. */
function canOpenAuditLog(viewer: Viewer, negotiationId: NegotiationId): boolean {
  return (
    isMediatorStaff(viewer, negotiationId) ||
    seatsIn(viewer, negotiationId).some((seat) => seat.function === 'lead' || seat.function === 'delegate')
  );
}

function isOwnOrPublic(viewer: Viewer, resource: AuditMaterialResource): boolean {
  const { negotiationId, material } = resource;
  switch (material.kind) {
    case 'public':
      return true;
    case 'record':
      return (
        material.classification === 'public' || isMemberOf(viewer, negotiationId, material.owningPartyId)
      );
    case 'position':
    case 'party-internal':
      return isMemberOf(viewer, negotiationId, material.partyId);
    case 'minutes':
      return material.partiesPresent.some((partyId) => isMemberOf(viewer, negotiationId, partyId));
    case 'mediator-only':
      return false;
    default:
      return assertNever(material);
  }
}

/** The staff may name what they could open through the material's own policy. */
function canStaffOpen(viewer: Viewer, resource: AuditMaterialResource): boolean {
  const { negotiationId, material } = resource;
  switch (material.kind) {
    case 'record':
      return RECORD_POLICY['record.read'](viewer, {
        kind: 'record',
        negotiationId,
        owningPartyId: material.owningPartyId,
        classification: material.classification,
      });
    case 'position':
      return PLAN_POLICY['position.read'](viewer, {
        kind: 'position',
        negotiationId,
        partyId: material.partyId,
        visibility: material.visibility,
      });
    case 'minutes':
      return PLAN_POLICY['round.minutes.read'](viewer, {
        kind: 'round',
        negotiationId,
        partiesPresent: material.partiesPresent,
      });
    case 'public':
    case 'party-internal':
    case 'mediator-only':
      return true;
    default:
      return assertNever(material);
  }
}
