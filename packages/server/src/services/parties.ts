import { randomUUID } from 'node:crypto';
import {
  can,
  type CreatePartyInput,
  type Negotiation,
  type Party,
  type PartyId,
  type Viewer,
} from '@parley/core';
import { recordAudit } from '../audit';
import { findParty, insertParty, listParties } from '../storage/parties';
import type { AppDeps } from './deps';
import { assertAllowed, visibleOrNotFound } from './viewer';

/** `negotiation` has already been loaded through getNegotiationForViewer. */
export async function createParty(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; party: CreatePartyInput },
): Promise<Party> {
  const { negotiation } = input;
  assertAllowed(
    can(viewer, 'party.create', { kind: 'negotiation', negotiationId: negotiation.id }),
    'add parties',
  );
  const party: Party = {
    id: randomUUID() as PartyId,
    negotiationId: negotiation.id,
    name: input.party.name,
    role: input.party.role,
    required: input.party.required,
    createdAt: deps.clock.now().toISOString(),
  };
  return deps.db.transaction().execute(async (tx) => {
    await insertParty(tx, party);
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: viewer.userId,
      action: 'party.create',
      subjectType: 'party',
      subjectId: party.id,
      negotiationId: negotiation.id,
    });
    return party;
  });
}

export async function listPartiesForViewer(
  deps: AppDeps,
  viewer: Viewer,
  negotiation: Negotiation,
): Promise<Party[]> {
  if (!can(viewer, 'party.read', { kind: 'negotiation', negotiationId: negotiation.id })) return [];
  return listParties(deps.db, negotiation.id);
}

export async function getPartyForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; partyId: PartyId },
): Promise<Party> {
  const found = await findParty(deps.db, { negotiationId: input.negotiation.id, partyId: input.partyId });
  return visibleOrNotFound(
    found,
    (party) => can(viewer, 'party.read', { kind: 'negotiation', negotiationId: party.negotiationId }),
    'Party',
  );
}
