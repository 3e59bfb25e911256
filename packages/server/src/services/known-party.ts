import { DomainError, type NegotiationId, type Party, type PartyId } from '@parley/core';
import { cachedParties } from './cached-reads';
import type { AppDeps } from './deps';

/**
 * A party of this negotiation named by a request, or a 404 on the field that named it. Read through
 * the generation-checked cache, so it is as fresh as a direct read made when the request arrived.
 */
export async function requireParty(
  deps: AppDeps,
  input: { negotiationId: NegotiationId; partyId: PartyId; field: string },
): Promise<Party> {
  const party = (await cachedParties(deps.db, input.negotiationId)).find((each) => each.id === input.partyId);
  if (party === undefined) throw new DomainError('not-found', 'Party not found.', { field: input.field });
  return party;
}

/** A party as the policy's resource: what `can()` decides on for acts done for that party. */
export const partyResource = (party: Party) =>
  ({ kind: 'party', negotiationId: party.negotiationId, partyId: party.id, partyRole: party.role }) as const;
