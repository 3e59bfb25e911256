import { can, isMembershipActive, NegotiationIdSchema, type Me, type Viewer } from '@parley/core';

/**
 * Whether the Audit log tab is offered: the same policy the server applies, over the seats the
 * server reported (the server still decides; this only avoids showing a tab that answers 403).
 */
export function canReadAudit(me: Me, negotiationId: string, now: Date): boolean {
  const viewer: Viewer = {
    userId: me.user.id,
    memberships: me.memberships.filter((seat) => isMembershipActive(seat, now)).map((seat) => ({
      negotiationId: seat.negotiationId, partyId: seat.partyId, partyRole: seat.partyRole, function: seat.function,
    })),
  };
  const parsed = NegotiationIdSchema.safeParse(negotiationId);
  return parsed.success && can(viewer, 'audit.read', { kind: 'negotiation', negotiationId: parsed.data });
}
