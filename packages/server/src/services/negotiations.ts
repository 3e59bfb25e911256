import {
  can,
  DomainError,
  MemberIdSchema,
  NegotiationIdSchema,
  PartyIdSchema,
  type CreateNegotiationInput,
  type Negotiation,
  type NegotiationId,
  type UpdateNegotiationInput,
  type Viewer,
} from '@parley/core';
import { changedFields } from '../audit';
import { insertMember } from '../storage/members';
import {
  findNegotiation,
  insertNegotiation,
  listNegotiationsByIds,
  updateNegotiationRow,
} from '../storage/negotiations';
import { readInstanceSettings } from '../storage/instance-settings';
import { insertParty } from '../storage/parties';
import { findUser } from '../storage/users';
import { commitChange } from './commit-change';
import { cachedNegotiation } from './cached-reads';
import type { AppDeps } from './deps';
import { assertAllowed, visibleOrNotFound, withAdminFlag } from './viewer';

/** Creates the negotiation with its mediator party, the creator as that party's lead. */
export async function createNegotiation(
  deps: AppDeps,
  viewer: Viewer,
  input: CreateNegotiationInput,
): Promise<Negotiation> {
  const { negotiationCreation } = await readInstanceSettings(deps.db);
  assertAllowed(
    can(await withAdminFlag(deps, viewer), 'negotiation.create', { kind: 'instance', negotiationCreation }),
    'open a negotiation on this server (ask its administrator)',
  );
  const creatorId = viewer.userId;
  if (creatorId === null) throw new Error('negotiation.create allowed an anonymous viewer');
  const now = deps.clock.now().toISOString();
  const negotiation: Omit<Negotiation, 'revision'> = {
    id: NegotiationIdSchema.parse(deps.ids.next()),
    title: input.title,
    mandate: input.mandate,
    closureRule: input.closureRule,
    timeZone: input.timeZone,
    createdAt: now,
  };
  const partyId = PartyIdSchema.parse(deps.ids.next());
  return commitChange(deps, {
    actor: viewer,
    write: async (tx) => {
      const created = await insertNegotiation(tx, { negotiation, createdBy: creatorId });
      await insertParty(tx, {
        id: partyId,
        negotiationId: negotiation.id,
        name: input.mediatorPartyName,
        role: 'mediator',
        required: false,
        createdAt: now,
      });
      const creator = await findUser(tx, creatorId);
      await insertMember(tx, {
        id: MemberIdSchema.parse(deps.ids.next()),
        negotiationId: negotiation.id,
        partyId,
        userId: creatorId,
        title: creator?.displayName ?? '',
        function: 'lead',
        validFrom: now,
        validTo: null,
      });
      return created;
    },
    audit: {
      action: 'negotiation.create',
      subjectType: 'negotiation',
      subjectId: negotiation.id,
      negotiationId: negotiation.id,
    },
  });
}

/** Only negotiations the viewer holds a current seat in. */
export async function listNegotiationsForViewer(deps: AppDeps, viewer: Viewer): Promise<Negotiation[]> {
  const ids = [...new Set(viewer.memberships.map((seat) => seat.negotiationId))];
  const found = await listNegotiationsByIds(deps.db, ids);
  return found.filter((negotiation) =>
    can(viewer, 'negotiation.read', { kind: 'negotiation', negotiationId: negotiation.id }),
  );
}

export async function getNegotiationForViewer(
  deps: AppDeps,
  viewer: Viewer,
  id: NegotiationId,
): Promise<Negotiation> {
  const found = await cachedNegotiation(deps.db, id);
  return visibleOrNotFound(
    found,
    (negotiation) => can(viewer, 'negotiation.read', { kind: 'negotiation', negotiationId: negotiation.id }),
    'Negotiation',
  );
}

/**
 * Changes a negotiation's title, mandate, closure rule or time zone (the mediator's staff). With a
 * stale `baseRevision` nothing changes and the 409 names what the other person saved, so the form
 * can show it. The audit entry lists the fields that changed, from and to.
 */
export async function updateNegotiation(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; changes: UpdateNegotiationInput },
): Promise<Negotiation> {
  const { negotiation } = input;
  assertAllowed(
    can(viewer, 'negotiation.update', { kind: 'negotiation', negotiationId: negotiation.id }),
    "change this negotiation's settings",
  );
  const { baseRevision, ...changes } = input.changes;
  if (Object.keys(changes).length === 0)
    throw new DomainError(
      'invalid-input',
      'Name at least one of title, mandate, closureRule, timeZone to change.',
    );
  return commitChange(deps, {
    actor: viewer,
    write: async (tx) => {
      const updated = await updateNegotiationRow(tx, { id: negotiation.id, baseRevision, changes });
      if (updated === undefined) {
        const current = await findNegotiation(tx, negotiation.id);
        throw new DomainError(
          'conflict',
          `Someone saved the settings meanwhile: the title is now "${current?.title ?? ''}", the closure rule "${current?.closureRule ?? ''}" and the time zone ${current?.timeZone ?? ''} (revision ${current?.revision ?? '?'}, yours was ${baseRevision}).`,
          { field: 'baseRevision' },
        );
      }
      return updated;
    },
    audit: (updated) => ({
      action: 'negotiation.update',
      subjectType: 'negotiation',
      subjectId: negotiation.id,
      negotiationId: negotiation.id,
      detail: { revision: updated.revision, ...changedFields(negotiation, updated, Object.keys(changes)) },
    }),
  });
}
