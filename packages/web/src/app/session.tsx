import type { Me } from '@parley/core';
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
  return seatsIn(me, negotiationId).some((seat) => seat.partyRole === 'mediator' && (seat.function === 'lead' || seat.function === 'delegate'));
}

/** The party the viewer may write for (lead or delegate of a negotiating party), if any. */
export function writingPartyIn(me: Me, negotiationId: string): string | undefined {
  return seatsIn(me, negotiationId).find((seat) => seat.partyRole === 'party' && (seat.function === 'lead' || seat.function === 'delegate'))?.partyId;
}
