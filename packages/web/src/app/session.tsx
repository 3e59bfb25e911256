import {
  can,
  isMembershipActive,
  NegotiationIdSchema,
  type Action,
  type Me,
  type Party,
  type ResourceFor,
  type Viewer,
} from '@parley/core';
import { createContext, useContext } from 'react';

export type Session = {
  me: Me;
  refresh: () => void;
  /** `revokeTokens`: also revoke the API tokens created while signed in with this session (#13). */
  signOut: (options?: { revokeTokens?: boolean }) => void;
};

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside a signed-in page');
  return session;
}

/** The signed-in person as core's policy sees them: the seats the server reported, valid now. */
export function viewerOf(me: Me, now = new Date()): Viewer {
  return {
    userId: me.user.id,
    isAdmin: me.isAdmin,
    memberships: me.memberships
      .filter((seat) => isMembershipActive(seat, now))
      .map((seat) => ({
        negotiationId: seat.negotiationId,
        partyId: seat.partyId,
        partyRole: seat.partyRole,
        function: seat.function,
      })),
  };
}

/**
 * Whether to offer an action: the same `can()` the server applies (the server still decides;
 * this only avoids offering what would answer 403 or 404).
 */
export function may<A extends Action>(me: Me, action: A, resource: ResourceFor<A>): boolean {
  return can(viewerOf(me), action, resource);
}

/** Negotiation-wide actions the pages offer or hide. */
type NegotiationWideAction = {
  [A in Action]: ResourceFor<A> extends { kind: 'negotiation' } ? A : never;
}[Action];

export function mayIn(me: Me, action: NegotiationWideAction, negotiationId: string): boolean {
  const parsed = NegotiationIdSchema.safeParse(negotiationId);
  if (!parsed.success) return false;
  return can(viewerOf(me), action, { kind: 'negotiation', negotiationId: parsed.data } as never);
}

/** Party-scoped actions (record a position, manage a delegation, hand over a lead…). */
type PartyAction = {
  [A in Action]: ResourceFor<A> extends { kind: 'party' } ? A : never;
}[Action];

export function mayForParty(me: Me, action: PartyAction, party: Party): boolean {
  return can(viewerOf(me), action, {
    kind: 'party',
    negotiationId: party.negotiationId,
    partyId: party.id,
    partyRole: party.role,
  } as never);
}

/** The viewer's current seats in one negotiation (to name their delegation, not to decide access). */
export function ownSeatsIn(me: Me, negotiationId: string) {
  const now = new Date();
  return me.memberships.filter(
    (seat) => seat.negotiationId === negotiationId && isMembershipActive(seat, now),
  );
}
