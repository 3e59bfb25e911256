import { can, type NegotiationId, type PartyId, type Viewer } from '@parley/core';

/**
 * Whether this viewer sees every edit of a party's positions (its own delegation, who may read
 * even `private` ones). Only they learn the real revision number: it counts every edit, including
 * those made while the position was hidden from everyone else (issue #13).
 */
export function seesEveryEdit(
  viewer: Viewer,
  position: { negotiationId: NegotiationId; partyId: PartyId },
): boolean {
  return can(viewer, 'position.read', {
    kind: 'position',
    negotiationId: position.negotiationId,
    partyId: position.partyId,
    visibility: 'private',
  });
}
