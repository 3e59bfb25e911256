import type { Negotiation, Party, PlanOverview, PlanVersionId } from '@parley/core';
import { createContext, useContext } from 'react';

/** What every page of one negotiation needs; `tick` changes on every live event. */
export type NegotiationData = {
  negotiation: Negotiation;
  parties: Party[];
  plan: PlanOverview;
  /** The newest version (highest revision), if the plan has any. */
  latestVersionId: PlanVersionId | undefined;
  tick: number;
  /** Re-read the plan overview (after this viewer wrote something). */
  refresh: () => void;
};

export const NegotiationContext = createContext<NegotiationData | undefined>(undefined);

export function useNegotiation(): NegotiationData {
  const data = useContext(NegotiationContext);
  if (data === undefined) throw new Error('useNegotiation outside a negotiation');
  return data;
}

export function partyName(parties: readonly Party[], partyId: string): string {
  return parties.find((party) => party.id === partyId)?.name ?? 'Unknown party';
}
