import {
  can,
  DomainError,
  nameKey,
  PartyIdSchema,
  type CreatePartyInput,
  type Negotiation,
  type Party,
  type PartyId,
  type UpdatePartyInput,
  type Viewer,
} from '@parley/core';
import { changedFields } from '../audit';
import { findParty, insertParty, listParties, lockedPartyList, updatePartyRow } from '../storage/parties';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { assertAllowed, visibleOrNotFound } from './viewer';

// "Ukraine", " ukraine" and "Ukr\u200Baine" would show as parties no reader could tell apart.
const sameName = (left: string, right: string): boolean => nameKey(left) === nameKey(right);

/** Called inside the write's transaction, after the lock that lockedPartyList takes. */
async function refuseTakenName(
  tx: AppDeps['db'],
  input: { negotiation: Negotiation; name: string; renamed?: PartyId },
): Promise<void> {
  const taken = (await lockedPartyList(tx, input.negotiation.id)).find(
    (party) => party.id !== input.renamed && sameName(party.name, input.name),
  );
  if (taken !== undefined)
    throw new DomainError(
      'conflict',
      `A party is already named “${taken.name}” in this negotiation: choose another name.`,
      { field: 'name' },
    );
}

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
  const party: Omit<Party, 'revision'> = {
    id: PartyIdSchema.parse(deps.ids.next()),
    negotiationId: negotiation.id,
    name: input.party.name,
    role: input.party.role,
    required: input.party.required,
    createdAt: deps.clock.now().toISOString(),
  };
  return commitChange(deps, {
    actor: viewer,
    write: async (tx) => {
      await refuseTakenName(tx, { negotiation, name: party.name });
      return insertParty(tx, party);
    },
    audit: {
      action: 'party.create',
      subjectType: 'party',
      subjectId: party.id,
      negotiationId: negotiation.id,
    },
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

/**
 * Renames a party or changes whether its agreement is required (the mediator's staff); statuses are
 * derived, so a change of `required` shows at once. A stale `baseRevision` is a 409; nothing changes.
 */
export async function updateParty(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; partyId: PartyId; changes: UpdatePartyInput },
): Promise<Party> {
  const before = await getPartyForViewer(deps, viewer, input);
  assertAllowed(
    can(viewer, 'party.update', { kind: 'negotiation', negotiationId: input.negotiation.id }),
    'change parties',
  );
  const { baseRevision, ...changes } = input.changes;
  if (Object.keys(changes).length === 0)
    throw new DomainError('invalid-input', 'Name at least one of name, required to change.');
  const party = { negotiationId: input.negotiation.id, partyId: input.partyId };
  return commitChange(deps, {
    actor: viewer,
    write: async (tx) => {
      if (changes.name !== undefined)
        await refuseTakenName(tx, {
          negotiation: input.negotiation,
          name: changes.name,
          renamed: input.partyId,
        });
      const updated = await updatePartyRow(tx, { ...party, baseRevision, changes });
      if (updated === undefined) {
        const current = await findParty(tx, party);
        throw new DomainError(
          'conflict',
          `Someone changed this party meanwhile: it is now "${current?.name ?? ''}", ${current?.required === true ? 'required' : 'not required'} (revision ${current?.revision ?? '?'}, yours was ${baseRevision}).`,
          { field: 'baseRevision' },
        );
      }
      return updated;
    },
    audit: (updated) => ({
      action: 'party.update',
      subjectType: 'party',
      subjectId: updated.id,
      negotiationId: input.negotiation.id,
      detail: { revision: updated.revision, ...changedFields(before, updated, Object.keys(changes)) },
    }),
  });
}
