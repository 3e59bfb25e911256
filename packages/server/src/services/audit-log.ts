import {
  can,
  DomainError,
  PartyIdSchema,
  type AuditEntry,
  type AuditLogPage,
  type AuditLogQuery,
  type AuditMaterial,
  type Negotiation,
  type NegotiationId,
  type Viewer,
} from '@parley/core';
import { verifyAuditChain } from '../audit';
import { presentAuditChain, presentAuditEntry, type AuditAccess } from '../presenters/audit';
import {
  findNegotiationAuditEntry,
  listNegotiationAuditEntries,
  type StoredAuditEntry,
} from '../storage/audit-log';
import { labelAuditEntries } from './audit-labels';
import { loadAuditContext, loadAuditPositions, resolveAuditEntry, type AuditContext } from './audit-material';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { seesEveryEdit } from './position-edits';
import { assertAllowed } from './viewer';

/** The policy's answers for one viewer in one negotiation, for the audit presenter to apply. */
function auditAccessFor(viewer: Viewer, negotiationId: NegotiationId): AuditAccess {
  const about = (material: AuditMaterial) => ({ kind: 'audit-material' as const, negotiationId, material });
  return {
    isListed: (material) => can(viewer, 'audit.entry.read', about(material)),
    isNamed: (material) => can(viewer, 'audit.subject.read', about(material)),
    // The party id comes from an entry's stored detail: one that is not a party id sees nothing more.
    seesEveryEditOf: (partyId) => {
      const party = PartyIdSchema.safeParse(partyId);
      return party.success && seesEveryEdit(viewer, { negotiationId, partyId: party.data });
    },
    // An invited address is the delegation's own business, like its `delegation` records.
    speaksFor: (partyId) => {
      const party = PartyIdSchema.safeParse(partyId);
      return (
        party.success &&
        can(viewer, 'record.read', {
          kind: 'record',
          negotiationId,
          owningPartyId: party.data,
          classification: 'delegation',
        })
      );
    },
    viewerId: viewer.userId,
  };
}

// Entries are filtered per viewer after reading, so a page is filled from as many batches as it takes.
const BATCH = 200;

/**
 * One page of a negotiation's audit log as the viewer may see it, newest first. Paging runs over
 * the viewer's own filtered sequence (the cursor is the last shown entry's id, never a seq
 * number), so neither a page's length nor the cursor reveals how many entries were left out.
 */
export async function listAuditLogForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; query: AuditLogQuery },
): Promise<AuditLogPage> {
  const { negotiation, query } = input;
  const negotiationId = negotiation.id;
  assertAllowed(can(viewer, 'audit.read', { kind: 'negotiation', negotiationId }), 'read the audit log');
  const context = await loadAuditContext(deps.db, negotiationId, deps.clock.now());
  let beforeSeq: number | undefined;
  if (query.cursor !== undefined) {
    // An entry the viewer may not see is no cursor at all: the answer must be the one an unknown
    // hash gets, or the cursor would confirm that a hidden entry exists.
    const entry = await findVisibleAuditEntry(deps, viewer, { negotiationId, id: query.cursor, context });
    if (entry === undefined)
      throw new DomainError('invalid-input', 'Unknown cursor: start again from the newest entries.', {
        field: 'cursor',
      });
    beforeSeq = entry.seq;
  }
  const access = auditAccessFor(viewer, negotiationId);
  const items: AuditEntry[] = [];
  let hasMore = false;
  for (;;) {
    const batch = await listNegotiationAuditEntries(deps.db, {
      negotiationId,
      beforeSeq,
      actionFamily: query.action,
      limit: BATCH,
    });
    await loadAuditPositions(deps.db, context, batch);
    for (const entry of batch) {
      const shown = presentAuditEntry(access, entry, resolveAuditEntry(entry, context));
      if (shown === undefined) continue;
      if (items.length === query.limit) {
        hasMore = true;
        break;
      }
      items.push(shown);
    }
    const last = batch[batch.length - 1];
    if (hasMore || last === undefined || batch.length < BATCH) break;
    beforeSeq = last.seq;
  }
  const labelled = await labelAuditEntries(deps, viewer, { negotiation, context, entries: items });
  // The restricted records whose titles this page named are kept in the read's own entry (the
  // records list writes a `record.list` instead, but here that entry would be named again by the
  // next read of the log, and so on for ever); like `audit.read` itself, only the staff see it.
  const titled = labelled.recordsNamed.map((record) => record.id);
  const checkedAt = deps.clock.now();
  const chain = presentAuditChain(access, {
    report: await verifyAuditChain(deps.db),
    checkedAt,
  });
  // The log is restricted material too: reading it is itself an entry (seen by the mediator staff).
  await commitChange(deps, {
    actor: viewer,
    at: checkedAt,
    audit: {
      action: 'audit.read',
      subjectType: 'negotiation',
      subjectId: negotiationId,
      negotiationId,
      detail: {
        ...(query.action === undefined ? {} : { action: query.action }),
        ...(titled.length === 0 ? {} : { recordIds: titled }),
      },
    },
  });
  return {
    items: labelled.entries,
    nextCursor: hasMore ? (items[items.length - 1]?.id ?? null) : null,
    chain,
  };
}

/** The stored entry with this id, only if this viewer may see it listed; otherwise as if unknown. */
export async function findVisibleAuditEntry(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiationId: NegotiationId; id: string; context?: AuditContext },
): Promise<StoredAuditEntry | undefined> {
  // The context is loaded whether or not the id is known: an unknown id answered before that work
  // was timed at a third of a hidden entry's answer, telling the two apart (a probe, 200 samples).
  const [entry, context] = await Promise.all([
    findNegotiationAuditEntry(deps.db, { negotiationId: input.negotiationId, hash: input.id }),
    input.context ?? loadAuditContext(deps.db, input.negotiationId, deps.clock.now()),
  ]);
  if (entry === undefined) return undefined;
  await loadAuditPositions(deps.db, context, [entry]);
  const access = auditAccessFor(viewer, input.negotiationId);
  return presentAuditEntry(access, entry, resolveAuditEntry(entry, context)) === undefined
    ? undefined
    : entry;
}
