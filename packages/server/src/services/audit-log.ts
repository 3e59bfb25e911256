import {
  can,
  DomainError,
  type AuditEntry,
  type AuditLogPage,
  type AuditLogQuery,
  type AuditMaterial,
  type NegotiationId,
  type Negotiation,
  type Viewer,
} from '@parley/core';
import { recordAudit, verifyAuditChain } from '../audit';
import { presentAuditChain, presentAuditEntry, type AuditAccess } from '../presenters/audit';
import { findAuditEntrySeq, listNegotiationAuditEntries } from '../storage/audit-log';
import { loadAuditContext, loadAuditPositions, resolveAuditEntry } from './audit-material';
import type { AppDeps } from './deps';
import { assertAllowed } from './viewer';

/** The policy's answers for one viewer in one negotiation, for the audit presenter to apply. */
function auditAccessFor(viewer: Viewer, negotiationId: NegotiationId): AuditAccess {
  const about = (material: AuditMaterial) => ({ kind: 'audit-material' as const, negotiationId, material });
  return {
    isListed: (material) => can(viewer, 'audit.entry.read', about(material)),
    isNamed: (material) => can(viewer, 'audit.subject.read', about(material)),
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
  let beforeSeq: number | undefined;
  if (query.cursor !== undefined) {
    beforeSeq = await findAuditEntrySeq(deps.db, { negotiationId, hash: query.cursor });
    if (beforeSeq === undefined)
      throw new DomainError('invalid-input', 'Unknown cursor: start again from the newest entries.', {
        field: 'cursor',
      });
  }
  const access = auditAccessFor(viewer, negotiationId);
  const context = await loadAuditContext(deps.db, negotiationId);
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
  const checkedAt = deps.clock.now();
  const chain = presentAuditChain(access, {
    report: await verifyAuditChain(deps.db),
    checkedAt,
  });
  // The log is restricted material too: reading it is itself an entry (seen by the mediator staff).
  await deps.db.transaction().execute((tx) =>
    recordAudit(tx, {
      at: checkedAt,
      actorId: viewer.userId,
      action: 'audit.read',
      subjectType: 'negotiation',
      subjectId: negotiationId,
      negotiationId,
      detail: query.action === undefined ? {} : { action: query.action },
    }),
  );
  return { items, nextCursor: hasMore ? (items[items.length - 1]?.id ?? null) : null, chain };
}
