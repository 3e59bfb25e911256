import { can, isMembershipActive, NegotiationIdSchema, type Me, type Viewer } from '@parley/core';
import { createContext, useContext } from 'react';

export type Session = { me: Me; refresh: () => void; signOut: () => void };

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside a signed-in page');
  return session;
}

/** The viewer's current seats in one negotiation. */
export function seatsIn(me: Me, negotiationId: string) {
  return me.memberships.filter((seat) => seat.negotiationId === negotiationId);
}

export function isMediatorIn(me: Me, negotiationId: string): boolean {
  return seatsIn(me, negotiationId).some(
    (seat) => seat.partyRole === 'mediator' && (seat.function === 'lead' || seat.function === 'delegate'),
  );
}

/** The party the viewer may write for (lead or delegate of a negotiating party), if any. */
export function writingPartyIn(me: Me, negotiationId: string): string | undefined {
  return seatsIn(me, negotiationId).find(
    (seat) => seat.partyRole === 'party' && (seat.function === 'lead' || seat.function === 'delegate'),
  )?.partyId;
}

/** Negotiation-wide actions the pages offer or hide. */
type NegotiationWideAction = 'audit.read' | 'export.trace' | 'plan.manage';

/**
 * Whether to offer an action: the same policy the server applies, over the seats the server
 * reported (the server still decides; this only avoids offering what would answer 403 or 404).
 */
export function mayIn(me: Me, action: NegotiationWideAction, negotiationId: string): boolean {
  const parsed = NegotiationIdSchema.safeParse(negotiationId);
  if (!parsed.success) return false;
  const now = new Date();
  const viewer: Viewer = {
    userId: me.user.id,
    memberships: me.memberships
      .filter((seat) => isMembershipActive(seat, now))
      .map((seat) => ({
        negotiationId: seat.negotiationId,
        partyId: seat.partyId,
        partyRole: seat.partyRole,
        function: seat.function,
      })),
  };
  return can(viewer, action, { kind: 'negotiation', negotiationId: parsed.data });
}
